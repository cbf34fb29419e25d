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
        context.Terminal.Line($"{verb} [bold]{Markup.Escape(context.DatabaseDisplay)}[/] [grey](environment {Markup.Escape(s.Environment)}, folder {Markup.Escape(Relative(context, s.MigrationsPath))}/)[/]");
    }

    public static void Plan(CommandContext context, string command, MigrationPlan plan)
    {
        var t = context.Terminal;
        if (t.Json)
        {
            var steps = plan.Steps.Select(s => new StepJson(s.Migration.Version, s.Migration.DisplayName, Direction(s.Direction), "planned", null, s.Sql)).ToList();
            t.WriteJson(new RunJson(command, context.DatabaseDisplay, context.Settings.Environment, true, 0, 0, steps), CliJsonContext.Default.RunJson);
            return;
        }

        if (plan.IsEmpty)
        {
            t.Line("Dry run: nothing to do.");
            return;
        }

        t.Line($"Dry run: {Count(plan.Steps.Count)} would run, in this order. Nothing has been changed.");
        foreach (var step in plan.Steps)
        {
            t.Line("");
            t.Line($"[grey]-- {Markup.Escape(step.Migration.DisplayName)} ({Direction(step.Direction)}) from {Markup.Escape(step.Script.SourcePath)}[/]");
            t.Raw((step.Sql ?? "").TrimEnd());
        }
    }

    public static void Result(CommandContext context, string command, MigrationResult result, string doneVerb)
    {
        var t = context.Terminal;
        if (t.Json)
        {
            var steps = result.Steps.Select(s => new StepJson(s.Version, s.Migration, Direction(s.Direction), s.Outcome.ToString().ToLowerInvariant(), (long)s.Duration.TotalMilliseconds, null)).ToList();
            t.WriteJson(new RunJson(command, context.DatabaseDisplay, context.Settings.Environment, false, result.Batch, (long)result.Duration.TotalMilliseconds, steps), CliJsonContext.Default.RunJson);
            return;
        }

        var applied = result.FilesExecuted;
        if (applied == 0)
        {
            t.Line(command == "migrate" ? "Already up to date: nothing to apply." : "Nothing to roll back.");
            return;
        }

        var batch = result.Batch > 0 ? $" (batch {result.Batch})" : "";
        t.Line($"{doneVerb} {Count(applied)} in {ProgressObserver.Milliseconds(result.Duration)}{batch}.");
    }

    public static string Count(int n) => n == 1 ? "1 migration" : $"{n} migrations";

    public static string Relative(CommandContext context, string path)
    {
        var relative = Path.GetRelativePath(context.Host.WorkingDirectory, path);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? path : relative).Replace('\\', '/');
    }

    private static string Direction(StepDirection direction) => direction == StepDirection.Up ? "up" : "down";
}
