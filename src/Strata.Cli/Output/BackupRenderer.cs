using Spectre.Console;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output.Json;
using Strata.Operations;

namespace Strata.Cli.Output;

/// <summary>Prints what <c>backup</c>, <c>restore</c> and <c>migrate --backup</c> did.</summary>
internal static class BackupRenderer
{
    /// <summary>The <see cref="Exception.Data"/> key under which <c>migrate --backup</c> leaves its <see cref="BackupJson"/> on a failure.</summary>
    public const string FailureKey = "strata.backup";

    /// <summary>After a failed <c>migrate --backup</c>: which backup was taken and how to put it back.</summary>
    public static void Failure(Terminal terminal, BackupJson backup)
    {
        var head = backup.Head is { } version ? $"at version {version}" : "with no migration applied";
        terminal.Err.MarkupLine($"[blue]backup:[/] the database was backed up before this run, {head}: {Markup.Escape(backup.File)}");
        terminal.Err.MarkupLine($"[blue]restore:[/] to go back to it: {Markup.Escape(backup.Restore)}  (or leave out --replace to restore it into a new database and compare)");
    }

    public static BackupJson ToJson(CommandContext ctx, BackupResult result) => new(
        RunRenderer.Relative(ctx, result.Path),
        ctx.DatabaseDisplay,
        result.Name.Head,
        result.Bytes,
        (long)result.Elapsed.TotalMilliseconds,
        [.. result.Removed.Select(r => RunRenderer.Relative(ctx, r))],
        BackupRuns.RestoreCommand(ctx, result.Path, replace: true));

    /// <summary>One line (and the pruned files) for a human; nothing with --json, where the caller writes the object.</summary>
    public static void Backup(CommandContext ctx, BackupResult result)
    {
        var t = ctx.Terminal;
        var head = result.Name.Head is { } version ? $"at version {version}" : "with no migration applied";
        t.Line($"Backed up [bold]{Markup.Escape(ctx.DatabaseDisplay)}[/] {head} to [bold]{Markup.Escape(RunRenderer.Relative(ctx, result.Path))}[/] ({Size(result.Bytes)}, {ProgressObserver.Milliseconds(result.Elapsed)}).");
        foreach (var removed in result.Removed)
        {
            t.Line($"[grey]Removed {Markup.Escape(RunRenderer.Relative(ctx, removed))} (keeping the newest {BackupRuns.Settings(ctx).Keep}).[/]");
        }
    }

    public static void Restore(CommandContext ctx, string file, RestoreResult result, TimeSpan elapsed)
    {
        var t = ctx.Terminal;
        if (t.Json)
        {
            t.WriteJson(new RestoreJson(RunRenderer.Relative(ctx, file), result.Database, result.Replaced, (long)elapsed.TotalMilliseconds), CliJsonContext.Default.RestoreJson);
            return;
        }

        if (result.Replaced)
        {
            t.Line($"Restored {Markup.Escape(RunRenderer.Relative(ctx, file))} over [bold]{Markup.Escape(ctx.DatabaseDisplay)}[/] ({ProgressObserver.Milliseconds(elapsed)}).");
            return;
        }

        var restored = result.Url.StartsWith("sqlite:", StringComparison.Ordinal) ? "sqlite:" + RunRenderer.Relative(ctx, result.Url["sqlite:".Length..]) : result.Url;
        t.Line($"Restored {Markup.Escape(RunRenderer.Relative(ctx, file))} into the new database [bold]{Markup.Escape(restored)}[/] ({ProgressObserver.Milliseconds(elapsed)}); {Markup.Escape(ctx.DatabaseDisplay)} is unchanged.");
        t.Line($"[grey]Look at it with `strata status --database {Markup.Escape(restored)}`; to put the backup in place of {Markup.Escape(ctx.DatabaseDisplay)} instead: {Markup.Escape(BackupRuns.RestoreCommand(ctx, file, replace: true))}[/]");
    }

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes / (1024.0 * 1024):0.#} MB",
    };
}
