using System.Diagnostics;
using Strata.Configuration;
using Strata.Errors;
using Strata.Operations;

namespace Strata.Cli.Infrastructure;

/// <summary>
/// The targets of a fleet run, from a file (<c>--targets</c>), a query on the configured (control) database
/// (<c>--targets-sql</c>) or a command's output (<c>--targets-cmd</c>): one database (URL, keyword string or strata.json
/// environment) per line or row, or with <c>--schemas</c> one schema of the configured database.
/// </summary>
internal static class FleetTargets
{
    /// <summary>One target, the text it was listed as (a canary may be named either way) and its database.</summary>
    public sealed record Listed(string Value, FleetTarget Target, DatabaseTarget Database);

    public static List<Listed> FromLines(CommandContext ctx, IEnumerable<(string Value, string Origin)> lines, bool schemas, string source)
    {
        var targets = new List<Listed>();
        var firstSeen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (raw, origin) in lines)
        {
            var value = raw.Trim();
            if (value.Length == 0 || value.StartsWith('#'))
            {
                continue;
            }

            var listed = schemas ? new Listed(value, Schema(ctx, value, origin), ctx.Database) : Database(ctx, value, origin);
            if (!firstSeen.TryAdd(listed.Target.Name, origin))
            {
                throw new StrataException(
                    ErrorCategory.BadInput,
                    $"{origin}: {listed.Target.Name} is listed again (first at {firstSeen[listed.Target.Name]})",
                    $"list each {(schemas ? "schema" : "database")} once");
            }

            targets.Add(listed);
        }

        return targets.Count > 0
            ? targets
            : throw new StrataException(ErrorCategory.BadInput, $"{source} lists no {(schemas ? "schema" : "database")}", schemas ? "list one schema name per line or row" : "list one database URL (or environment name) per line or row");
    }

    public static IEnumerable<(string, string)> File(CommandContext ctx, string option)
    {
        var file = Path.GetFullPath(option, ctx.Host.WorkingDirectory);
        if (!System.IO.File.Exists(file))
        {
            throw new StrataException(ErrorCategory.BadInput, $"--targets {option}: no such file", "write one database URL (or environment name) per line");
        }

        var relative = Output.RunRenderer.Relative(ctx, file);
        return System.IO.File.ReadAllLines(file).Select((line, i) => (line, $"{relative}:{i + 1}"));
    }

    /// <summary>The first column of <paramref name="sql"/>'s rows, run read-only on the configured database.</summary>
    public static async Task<IEnumerable<(string, string)>> QueryAsync(CommandContext ctx, string sql, CancellationToken ct)
    {
        var rows = await CommandContext.Dialects.ReadColumnAsync(ctx.Database, sql, ct);
        return rows.Select((row, i) => (row, $"--targets-sql row {i + 1}"));
    }

    /// <summary>The lines <paramref name="command"/> (run by <c>/bin/sh -c</c>, or <c>cmd /c</c> on Windows) prints on stdout.</summary>
    public static async Task<IEnumerable<(string, string)>> CommandAsync(CommandContext ctx, string command, CancellationToken ct)
    {
        var windows = OperatingSystem.IsWindows();
        var info = new ProcessStartInfo(windows ? "cmd.exe" : "/bin/sh")
        {
            WorkingDirectory = ctx.Host.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(windows ? "/c" : "-c");
        info.ArgumentList.Add(command);
        info.Environment.Clear();
        foreach (var (name, value) in ctx.Host.Variables)
        {
            info.Environment[name] = value;
        }

        if (!info.Environment.ContainsKey("PATH") && Environment.GetEnvironmentVariable("PATH") is { } path)
        {
            info.Environment["PATH"] = path;
        }

        using var process = Process.Start(info) ?? throw new StrataException(ErrorCategory.BadInput, $"--targets-cmd: could not start {info.FileName}");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            var said = (await stderr).Trim();
            throw new StrataException(
                ErrorCategory.BadInput,
                $"--targets-cmd exited with code {process.ExitCode}" + (said.Length > 0 ? $": {said.Split('\n')[^1]}" : ""),
                "run the command by hand; it must print one target per line and exit 0");
        }

        return (await stdout).Split('\n').Select((line, i) => (line, $"--targets-cmd line {i + 1}"));
    }

    private static Listed Database(CommandContext ctx, string value, string origin)
    {
        var target = ctx.ResolveOther(value, origin, out _);
        return new Listed(value, new FleetTarget(ctx.Display(target), ctx.CreateDialect(target)), target);
    }

    /// <summary>
    /// A schema of the configured database: its search path is that schema alone and its history table lives in it,
    /// so its lock key (from schema and table) is its own and schemas never block each other.
    /// </summary>
    private static FleetTarget Schema(CommandContext ctx, string value, string origin)
    {
        if (ctx.Database.Dialect != Dialect.PostgreSql)
        {
            throw new StrataException(ErrorCategory.BadInput, $"--schemas needs a PostgreSQL database; {ctx.DatabaseDisplay} is SQLite", "SQLite has no schemas: list one database file per tenant instead");
        }

        History.HistoryTableName history;
        try
        {
            history = new History.HistoryTableName(ctx.Settings.History.Table, value);
        }
        catch (ConfigurationException e)
        {
            throw new StrataException(ErrorCategory.BadInput, $"{origin}: {e.Message}", e.Hint);
        }

        var provider = CommandContext.Dialects.Create(ctx.Database, new DialectSettings { Schema = value });
        return new FleetTarget(value, provider, ctx.MigratorOptions with { History = history });
    }
}
