namespace Strata.Sources;

/// <summary>
/// A <c>-- strata:&lt;name&gt; [arguments]</c> line comment. Recognised when <c>strata:</c> (any letter case)
/// directly follows the dashes and optional spaces and a letter directly follows the colon, so prose such as
/// <c>-- Strata: keep in sync</c> is not a directive.
/// </summary>
/// <param name="Offset">Where the comment starts in the file text.</param>
/// <param name="Name">The directive name as written (<c>no-transaction</c>).</param>
/// <param name="Arguments">Whatever follows the name, trimmed.</param>
internal sealed record ScriptDirective(long Offset, string Name, string Arguments)
{
    public const string Down = "down";
    public const string NoTransaction = "no-transaction";
    public const string Env = "env";

    /// <summary>Silences lint rules for the next statement; read by the linter, ignored when migrating.</summary>
    public const string LintIgnore = "lint-ignore";

    /// <summary>Silences lint rules for the whole file; read by the linter, ignored when migrating.</summary>
    public const string LintIgnoreFile = "lint-ignore-file";

    public static readonly string[] Known = [Down, NoTransaction, Env, LintIgnore, LintIgnoreFile];

    /// <summary>The directive in the line comment <paramref name="comment"/> (starting with <c>--</c>), or null.</summary>
    public static ScriptDirective? TryParse(ReadOnlySpan<char> comment, long offset)
    {
        var rest = comment[2..].TrimStart(" \t");
        if (!rest.StartsWith("strata:", StringComparison.OrdinalIgnoreCase) || rest.Length == 7 || !char.IsAsciiLetter(rest[7]))
        {
            return null;
        }

        rest = rest[7..];
        var end = rest.IndexOfAny(" \t");
        var name = end < 0 ? rest : rest[..end];
        var arguments = end < 0 ? [] : rest[end..].Trim(" \t");
        return new ScriptDirective(offset, name.ToString(), arguments.ToString());
    }
}
