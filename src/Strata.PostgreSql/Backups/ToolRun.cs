using System.Diagnostics;
using Strata.Errors;

namespace Strata.PostgreSql.Backups;

/// <summary>
/// Runs pg_dump or pg_restore with arguments as a list (no shell) and the password only in the child's environment;
/// a failure becomes a Strata error carrying the program's own message: could not connect is exit 5, anything else
/// exit 4, and the password is redacted from it as a last guard.
/// </summary>
internal static class ToolRun
{
    public static ProcessStartInfo StartInfo(string program, IEnumerable<string> arguments, IEnumerable<(string Name, string Value)> environment)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing inherited may point the program elsewhere than the conninfo says.
        foreach (var name in new[] { "PGPASSWORD", "PGSERVICE", "PGOPTIONS" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>
    /// Runs the program; a non-zero exit is an error unless <paramref name="tolerate"/> accepts its message (pg_restore of a
    /// newer client sets <c>transaction_timeout</c>, which servers before 17 do not know; nothing else is tolerated).
    /// </summary>
    public static async Task RunAsync(ProcessStartInfo start, string what, ServerEndpoint endpoint, CancellationToken cancellationToken, Func<string, bool>? tolerate = null)
    {
        using var process = Process.Start(start) ?? throw new StrataException(ErrorCategory.BadInput, $"could not start {start.FileName}");
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await stdout.ConfigureAwait(false);
        var message = endpoint.Redact((await stderr.ConfigureAwait(false)).Trim());
        if (process.ExitCode == 0 || tolerate?.Invoke(message) == true)
        {
            return;
        }

        var program = Path.GetFileName(start.FileName);
        if (message.Contains("connection to server", StringComparison.Ordinal) || message.Contains("could not connect", StringComparison.Ordinal))
        {
            throw new DatabaseUnavailableException(
                $"{what}: {program} cannot connect to {endpoint.Describe()}: {message}",
                "check that the server is running and the host, port, user and password are right");
        }

        throw new StrataException(
            ErrorCategory.MigrationFailed,
            $"{what}: {program} failed (exit {process.ExitCode}): {message}",
            "the message above is the program's own; fix what it names and run again");
    }
}
