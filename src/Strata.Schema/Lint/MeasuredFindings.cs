using Strata.Errors;
using Strata.Schema;

namespace Strata.Lint;

/// <summary>
/// Turns what a migration did on the scratch database into findings with the measured rules, one per statement and
/// table (a rewrite, else an ACCESS EXCLUSIVE lock, else a write-blocking lock), one per destructive schema change and
/// one for a failure. strata.json severities and <c>strata:lint-ignore</c> comments apply as to static findings.
/// </summary>
internal static class MeasuredFindings
{
    public static void Add(MeasureOutcome outcome, MeasuredMigration measured, LintOptions options)
    {
        if (measured.Measurement is not { } measurement)
        {
            return;
        }

        var file = measured.Migration.SourcePath;
        var sink = new Sink(outcome, file, ScriptSuppressions.Read(measured.Migration, options.Dialect), options);
        var held = new List<HeldLock>();
        var times = measurement.Kept ? LockHold.Of(measurement).ToDictionary(h => h.Lock, h => h.Held) : null;
        foreach (var statement in measurement.Statements)
        {
            held.AddRange(statement.NewLocks);
            foreach (var (rule, table, message) in Effects(statement, held, measurement.Transactional, times))
            {
                sink.Add(rule, statement.Line, statement.Column, message, statement.FirstLine, table);
                if (!outcome.Blocking.TryGetValue((file, statement.Line), out var tables))
                {
                    tables = [];
                    outcome.Blocking[(file, statement.Line)] = tables;
                }

                if (!tables.Contains(table))
                {
                    tables.Add(table);
                }
            }
        }

        foreach (var change in measured.Changes?.DestructiveChanges ?? [])
        {
            sink.Add(LintRules.MeasuredDrop, 0, 0, change.Destructive!, "", null);
        }

        if (measurement.Failure is { } failure)
        {
            sink.Add(LintRules.MigrationFailed, failure.Location.Line, failure.Location.Column, Failed(failure), failure.Location.LineText.Trim(), null);
        }
    }

    /// <summary>What went wrong, as the finding's message: the server's words and SQLSTATE, and its hint when it gave one.</summary>
    public static string Failed(MigrationFailedException failure, string context = "") =>
        $"fails on the scratch database{context}: {failure.ServerMessage}"
        + (failure.SqlState is { } state ? $" (SQLSTATE {state})" : "")
        + (failure.Hint is { } hint ? $"; hint: {hint}" : "");

    /// <summary>Per table the statement affected: a rewrite, else the strongest lock if it blocks writes.</summary>
    /// <remarks>With <paramref name="times"/> (measured on a copy with rows) the messages say how long the statement ran and the lock was held.</remarks>
    private static IEnumerable<(LintRule Rule, QualifiedName Table, string Message)> Effects(
        StatementMeasurement statement, List<HeldLock> held, bool transactional, Dictionary<HeldLock, TimeSpan>? times)
    {
        string Until(HeldLock? heldLock) =>
            times is not null && heldLock is not null && times.TryGetValue(heldLock, out var time) ? $"held until commit: {Ms(time)}" : "held until commit";
        var ran = times is null ? "" : $" in {Ms(statement.Elapsed)}";
        var tables = statement.NewLocks.Select(l => l.Relation.Table).Concat(statement.Rewritten.Select(r => r.Table)).Distinct().Order();
        foreach (var table in tables)
        {
            var rewritten = statement.Rewritten.Where(r => r.Table == table).ToList();
            var onTable = held.Where(l => l.Relation.Name == table).MaxBy(l => l.Strength);
            if (rewritten.Count > 0)
            {
                var files = rewritten.Count == 1 ? "a new data file" : "new data files";
                var lockText = transactional && onTable is not null ? $", under {onTable.Mode} on {table} {Until(onTable)}" : "";
                yield return (LintRules.MeasuredRewrite, table, $"rewrote {Join(rewritten.Select(Describe))} ({files}){ran}{lockText}");
                continue;
            }

            var strongest = statement.NewLocks.Where(l => l.Relation.Table == table).MaxBy(l => l.Strength);
            if (strongest is { BlocksWrites: true })
            {
                var on = strongest.Relation.Name == table ? Describe(strongest.Relation) : $"{Describe(strongest.Relation)} of {table}";
                var waits = strongest.BlocksReads ? (strongest.Relation.IsIndex ? $"queries on {table} wait" : "reads and writes wait") : "writes wait";
                yield return (strongest.BlocksReads ? LintRules.MeasuredAccessExclusive : LintRules.MeasuredBlocksWrites, table, $"took {strongest.Mode} on {on}, {Until(strongest)} ({waits})");
            }
        }
    }

    /// <summary>Adds findings of one file to the outcome, unless strata.json turns their rule off or a comment silences them.</summary>
    private sealed class Sink(MeasureOutcome outcome, string file, ScriptSuppressions suppressions, LintOptions options)
    {
        public void Add(LintRule rule, int line, int column, string message, string statement, QualifiedName? table)
        {
            var severity = options.SeverityOf(rule);
            if (severity == LintSeverity.Off)
            {
                return;
            }

            if (suppressions.Silences(rule, line))
            {
                outcome.Suppressed++;
                return;
            }

            var finding = new LintFinding(rule, severity, file, line, column, message, statement);
            outcome.Findings.Add(finding);
            if (table is { } name)
            {
                outcome.Tables[finding] = name;
            }
        }
    }

    private static string Ms(TimeSpan time) => Durations.Milliseconds(time);

    /// <summary><c>table public.orders</c>, <c>index public.orders_pkey</c>.</summary>
    public static string Describe(ProbedRelation relation) => relation.Description;

    /// <summary><c>a</c>, <c>a and b</c>, <c>a, b and c</c>.</summary>
    public static string Join(IEnumerable<string> parts)
    {
        var list = parts.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list[..^1]) + " and " + list[^1];
    }
}
