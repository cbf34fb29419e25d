using System.Diagnostics;
using System.Text;

namespace Strata.SchemaCorpus;

/// <summary>Runs the strata CLI in a workspace folder against one database (DATABASE_URL), as a user would.</summary>
internal sealed record StrataCommand(string Program, string Workspace)
{
    /// <summary>Output is standard output then standard error (for messages); StandardOutput alone is what --json parses.</summary>
    public async Task<(int ExitCode, string Output, string StandardOutput)> RunAsync(string databaseUrl, params string[] arguments)
    {
        var dll = Program.EndsWith(".dll", StringComparison.Ordinal);
        var info = new ProcessStartInfo(dll ? "dotnet" : Program)
        {
            WorkingDirectory = Workspace,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (dll)
        {
            info.ArgumentList.Add(Program);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DATABASE_URL"] = databaseUrl;
        info.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {Program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, new StringBuilder(await output).Append(await error).ToString(), await output);
    }
}
