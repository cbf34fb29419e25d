namespace Strata.Cli.Output.Json;

/// <summary>Prints a schema command's <see cref="SchemaJson"/> when <c>--json</c> was given.</summary>
internal static class SchemaJsonOutput
{
    /// <summary>Writes <paramref name="value"/> on stdout with --json and returns true; does nothing and returns false without.</summary>
    public static bool WriteJsonIf(this Terminal terminal, SchemaJson value)
    {
        if (!terminal.Json)
        {
            return false;
        }

        terminal.WriteJson(value, CliJsonContext.Default.SchemaJson);
        return true;
    }
}
