namespace Strata.Cli.Infrastructure;

/// <summary>
/// Everything the CLI takes from its process: streams, environment variables, working directory. Tests pass
/// their own, so the CLI runs in-process without touching the real console or environment.
/// </summary>
internal sealed record CliHost(
    TextWriter Out,
    TextWriter Error,
    TextReader In,
    IReadOnlyDictionary<string, string> Variables,
    string WorkingDirectory,
    bool InputIsInteractive,
    bool OutputIsTerminal)
{
    /// <summary>The real process: console streams, environment, current directory.</summary>
    public static CliHost FromProcess()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value)
            {
                variables[key] = value;
            }
        }

        return new CliHost(
            Console.Out,
            Console.Error,
            Console.In,
            variables,
            Directory.GetCurrentDirectory(),
            !Console.IsInputRedirected,
            !Console.IsOutputRedirected);
    }
}
