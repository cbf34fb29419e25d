using System.Globalization;
using Strata.Errors;
using Strata.History;
using Strata.Sources;

namespace Strata.Planning;

/// <summary>
/// Decides what migrate and rollback do, and refuses (with every reason at once) before anything runs.
/// Pure: works on a <see cref="StatusReport"/>.
/// </summary>
public static class Planner
{
    /// <summary>The problems that stop migrate, rollback and validate.</summary>
    public static IReadOnlyList<Problem> FindProblems(StatusReport status, bool allowOutOfOrder = false, bool ignoreMissing = false)
    {
        ArgumentNullException.ThrowIfNull(status);
        var problems = new List<Problem>();
        foreach (var e in status.Entries)
        {
            var problem = e.Status switch
            {
                MigrationStatusKind.Changed => new Problem(Where(e), e.Detail + "; restore the file as it was applied, or accept the edit with `strata repair`"),
                MigrationStatusKind.Missing when !ignoreMissing => new Problem(Where(e), e.Detail + "; restore the file (or pass --ignore-missing)"),
                MigrationStatusKind.Unfinished => new Problem(Where(e), Unfinished(e, status.InvalidIndexes)),
                MigrationStatusKind.OutOfOrder when !allowOutOfOrder => new Problem(
                    Where(e),
                    e.Detail + "; give it a newer version, or pass --allow-out-of-order"
                    + $" (if its changes are already in the database, its history row was lost: record it with `strata mark-applied {e.Version}`)"),
                _ => null,
            };
            if (problem is not null)
            {
                problems.Add(problem);
            }
        }

        return problems;
    }

    /// <summary>The steps of <c>migrate</c>; throws <see cref="ValidationException"/> when the history and files disagree.</summary>
    public static MigrationPlan PlanMigrate(StatusReport status, MigrateOptions options)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(options);
        ThrowIfAny(FindProblems(status, options.AllowOutOfOrder, options.IgnoreMissing));
        if (options.Target is { } target)
        {
            CheckTarget(status, target);
        }

        var steps = status.Entries
            .Where(e => !e.IsRepeatable && e.Status is MigrationStatusKind.Pending or MigrationStatusKind.OutOfOrder)
            .Where(e => options.Target is null || e.Version <= options.Target)
            .Select(e => new MigrationStep(e.Migration!, StepDirection.Up))
            .ToList();
        if (options.Target is null)
        {
            steps.AddRange(status.Entries
                .Where(e => e.IsRepeatable && e.Status is MigrationStatusKind.Pending or MigrationStatusKind.Outdated)
                .Select(e => new MigrationStep(e.Migration!, StepDirection.Up, e.Applied)));
        }

        return new MigrationPlan(steps, status);
    }

    /// <summary>The steps of <c>rollback</c>, newest first; refuses when any needed down script is missing.</summary>
    public static MigrationPlan PlanRollback(StatusReport status, RollbackOptions options)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(options);
        ThrowIfAny(FindProblems(status, allowOutOfOrder: true, ignoreMissing: true));
        var applied = status.Entries
            .Where(e => !e.IsRepeatable && e.Applied is not null)
            .OrderByDescending(e => e.Applied!.Batch)
            .ThenByDescending(e => e.Version)
            .ToList();
        var chosen = Choose(applied, options);
        var problems = new List<Problem>();
        foreach (var e in chosen)
        {
            if (e.Applied!.Kind == HistoryKind.Baseline)
            {
                problems.Add(new Problem(e.DisplayName, "is the baseline: the database held it before Strata; it cannot be rolled back"));
            }
            else if (e.Migration is null)
            {
                problems.Add(new Problem(e.DisplayName, "its file is gone, so there is no down script to run; restore the file"));
            }
            else if (e.Migration.Down is null)
            {
                problems.Add(new Problem(e.Migration.SourcePath, $"has no down script; add a `-- strata:down` section or a {e.Migration.DisplayName}.down.sql file"));
            }
        }

        ThrowIfAny(problems, "rollback refused before anything ran; add the missing down scripts, or roll back fewer migrations");
        return new MigrationPlan(chosen.Select(e => new MigrationStep(e.Migration!, StepDirection.Down, e.Applied)).ToList(), status);
    }

    private static List<MigrationStatusEntry> Choose(List<MigrationStatusEntry> applied, RollbackOptions options)
    {
        if (options.Steps is { } steps)
        {
            if (steps < 1)
            {
                throw new StrataException(ErrorCategory.BadInput, $"--steps must be 1 or more (got {steps})");
            }

            return applied.Take(steps).ToList();
        }

        if (options.ToVersion is { } to)
        {
            if (to != 0 && !applied.Any(e => e.Version == to))
            {
                throw new StrataException(
                    ErrorCategory.BadInput,
                    $"version {to} is not applied, so there is nothing to roll back to",
                    "pass the version of an applied migration (see `strata status`), or 0 to roll back everything");
            }

            return applied.Where(e => e.Version > to).ToList();
        }

        var lastBatch = applied.Count == 0 ? 0 : applied.Max(e => e.Applied!.Batch);
        return applied.Where(e => e.Applied!.Batch == lastBatch && e.Applied.Kind != HistoryKind.Baseline).ToList();
    }

    private static void CheckTarget(StatusReport status, long target)
    {
        var versions = status.Entries.Where(e => e.Migration?.Kind == MigrationKind.Versioned).Select(e => e.Version!.Value).ToList();
        if (!versions.Contains(target))
        {
            throw new StrataException(
                ErrorCategory.BadInput,
                $"--target {target.ToString(CultureInfo.InvariantCulture)} is not the version of any migration",
                "pass a version listed by `strata status`");
        }

        var newest = status.Entries.Where(e => e.Applied is not null && e.Version is not null).Select(e => e.Version!.Value).DefaultIfEmpty(0).Max();
        if (target < newest)
        {
            throw new StrataException(
                ErrorCategory.BadInput,
                $"--target {target} is older than the newest applied version {newest}",
                $"to go back, use `strata rollback --to {target}`");
        }
    }

    private static void ThrowIfAny(IReadOnlyList<Problem> problems, string? hint = null)
    {
        if (problems.Count > 0)
        {
            throw new ValidationException(problems, hint ?? "fix each problem listed; nothing was changed");
        }
    }

    private static string Where(MigrationStatusEntry e) => e.Migration?.SourcePath ?? e.DisplayName;

    private static string Unfinished(MigrationStatusEntry e, IReadOnlyList<string> invalidIndexes)
    {
        var indexes = invalidIndexes.Count == 0
            ? ""
            : $"The database has invalid indexes, probably left by it: {string.Join(", ", invalidIndexes)}; drop them (DROP INDEX CONCURRENTLY <name>) before running it again. ";
        var id = e.Version?.ToString(CultureInfo.InvariantCulture) ?? e.DisplayName;
        var when = e.Applied?.AppliedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "an earlier run";
        return $"no-transaction migration started at {when} and did not finish, so the database may hold part of it. "
            + indexes
            + $"Check what it did, then run `strata mark-applied {id}` if it completed, or undo its effects and run `strata mark-rolled-back {id}`";
    }
}
