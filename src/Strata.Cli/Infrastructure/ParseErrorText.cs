namespace Strata.Cli.Infrastructure;

/// <summary>
/// Puts System.CommandLine's parse errors in a user's words: "as expected type 'System.Nullable`1[System.Int32]'"
/// becomes "as a whole number". One mapping for every option, so no command needs its own parser for this.
/// </summary>
internal static class ParseErrorText
{
    private static readonly (string Type, string Words)[] Types =
    [
        ("System.Int32", "a whole number"),
        ("System.Int64", "a whole number"),
        ("System.Double", "a number"),
        ("System.Boolean", "true or false"),
    ];

    public static string Friendly(string message)
    {
        foreach (var (type, words) in Types)
        {
            message = message
                .Replace($"as expected type 'System.Nullable`1[{type}]'", "as " + words, StringComparison.Ordinal)
                .Replace($"as expected type '{type}'", "as " + words, StringComparison.Ordinal);
        }

        return message;
    }
}
