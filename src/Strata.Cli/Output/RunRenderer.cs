using Spectre.Console;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output.Json;
using Strata.Execution;
using Strata.Planning;

namespace Strata.Cli.Output;

/// <summary>Prints the plan of a dry run and the summary of migrate, rollback and redo.</summary>
internal static class RunRenderer
{
    public static void Header(CommandContext context, string verb)
    {
        var s = context.Settings;
        context.Terminal.Line($"{verb} [bold]{Markup.Escape(context.DatabaseDisplay)}[/] [grey](environment {Markup.Escape(context.EnvironmentDisplay)}, folder {Markup.Escape(Relative(context, s.MigrationsPath))}/)[/]");
    }

    /// <summary>
    /// A dry run's plan; <paramref name="offline"/> when it was made from the files alone (no database: the plan of an
    /// empty one, each step's SQL without the history writes around it).
    /// </summary>
    public static void Plan(CommandContext context, string command, MigrationPlan plan, bool offline = false)
    {
        var t = context.Terminal;
        string SqlOf(MigrationStep step) => offline ? OfflineSql(step) : step.Sql ?? "";
        if (t.Json)
        {
            var steps = plan.Steps.Select(s => new StepJson(s.Migration.Version, s.Migration.DisplayName, Direction(s.Direction), "planned", null, SqlOf(s))).ToList();
            var batches = PlannedBatches(plan);
            var database = offline ? OfflinePlan.DatabaseDisplay(context) : context.DatabaseDisplay;
            t.WriteJson(new RunJson(command, database, context.Settings.Environment, true, batches.Count == 0 ? 0 : batches[^1], 0, steps) { Batches = batches, Offline = offline ? true : null }, CliJsonContext.Default.RunJson);
            return;
        }

        var files = offline ? $"Offline: {Count(plan.Status.Entries.Count(e => e.Migration is not null))} checked, no database contacted; planned as for an empty database. " : "";
        if (plan.IsEmpty)
        {
            t.Line($"{Markup.Escape(files)}Dry run: nothing to do.");
            return;
        }

        t.Line($"{Markup.Escape(files)}Dry run: {Count(plan.Steps.Count)} would run, in this order. Nothing has been changed.");
        foreach (var step in plan.Steps)
        {
            t.Line("");
            t.Line($"[grey]-- {Markup.Escape(step.Migration.DisplayName)} ({Direction(step.Direction)}) from {Markup.Escape(step.Script.SourcePath)}[/]");
            t.Raw(SqlOf(step).TrimEnd());
        }
    }

    /// <summary>The script as the file has it: offline there is no dialect session to render the history writes with.</summary>
    private static string OfflineSql(MigrationStep step) => step.Script switch
    {
        Sources.SqlScript sql => sql.Preview(),
        _ => $"-- C# migration {step.Script.SourcePath}",
    };

    public static void Result(CommandContext context, string command, MigrationResult result, string doneVerb, BackupJson? backup = null)
    {
        var t = context.Terminal;
        if (t.Json)
        {
            var steps = result.Steps.Select(s => new StepJson(s.Version, s.Migration, Direction(s.Direction), s.Outcome.ToString().ToLowerInvariant(), (long)s.Duration.TotalMilliseconds, null)).ToList();
            t.WriteJson(new RunJson(command, context.DatabaseDisplay, context.Settings.Environment, false, result.Batch, (long)result.Duration.TotalMilliseconds, steps) { Batches = result.Batches, Backup = backup }, CliJsonContext.Default.RunJson);
            return;
        }

        var applied = result.FilesExecuted;
        if (applied == 0)
        {
            t.Line(command == "migrate" ? "Already up to date: nothing to apply." : "Nothing to roll back.");
            return;
        }

        var batches = Batches(result.Batches.Count > 0 ? result.Batches : result.Batch > 0 ? [result.Batch] : []);
        t.Line($"{doneVerb} {Count(applied)} in {ProgressObserver.Milliseconds(result.Duration)}{batches}: {Split(result)}.");
    }

    /// <summary>
    /// Where the run's time went: inside the migrations (the step lines' sum), and the rest, which is reading the
    /// files, connecting, taking the lock and reading the history (over a slow link or on a busy server that part can
    /// dwarf a quick migration).
    /// </summary>
    private static string Split(MigrationResult result)
    {
        var inSteps = result.Steps.Where(s => s.Outcome == ExecutionOutcome.Applied).Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Duration);
        var rest = result.Duration > inSteps ? result.Duration - inSteps : TimeSpan.Zero;
        var them = result.FilesExecuted == 1 ? "it" : "them";
        return $"{ProgressObserver.Milliseconds(inSteps)} running {them}, {ProgressObserver.Milliseconds(rest)} reading the files, connecting, locking and reading the history";
    }

    /// <summary>" (batch 3)", " (batches 2 and 3)", " (batches 1, 2 and 3)", or nothing.</summary>
    public static string Batches(IReadOnlyList<int> batches) => batches.Count switch
    {
        0 => "",
        1 => $" (batch {batches[0]})",
        _ => $" (batches {string.Join(", ", batches.Take(batches.Count - 1))} and {batches[^1]})",
    };

    /// <summary>The batch a dry run of migrate would write, or the batches a dry run of rollback would revert.</summary>
    private static List<int> PlannedBatches(MigrationPlan plan)
    {
        if (plan.IsEmpty)
        {
            return [];
        }

        return plan.Steps[0].Direction == StepDirection.Up
            ? [plan.Status.Entries.Select(e => e.Applied?.Batch ?? 0).DefaultIfEmpty(0).Max() + 1]
            : [.. plan.Steps.Select(s => s.Applied?.Batch ?? 0).Where(b => b > 0).Distinct().Order()];
    }

    public static string Count(int n) => n == 1 ? "1 migration" : $"{n} migrations";

    public static string Relative(CommandContext context, string path)
    {
        var relative = Path.GetRelativePath(context.Host.WorkingDirectory, path);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? path : relative).Replace('\\', '/');
    }

    private static string Direction(StepDirection direction) => direction == StepDirection.Up ? "up" : "down";
}
