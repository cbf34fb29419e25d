using Strata.Cli.Infrastructure;
using Strata.TestSupport;

namespace Strata.Cli.Tests;

/// <summary>
/// Runs strata in-process with its own working directory and environment variables (never the test process's),
/// so tests can run in parallel.
/// </summary>
public sealed class Cli
{
    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);

    public Cli(string workingDirectory) => WorkingDirectory = workingDirectory;

    public string WorkingDirectory { get; }

    public Cli With(string variable, string value)
    {
        _variables[variable] = value;
        return this;
    }

    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var host = new CliHost(stdout, stderr, new StringReader(""), _variables, WorkingDirectory, InputIsInteractive: false, OutputIsTerminal: false);
        var code = await StrataApp.RunAsync(args, host);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }
}
