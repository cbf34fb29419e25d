using Spectre.Console;
using Strata.Lint;
using Strata.Schema;

namespace Strata.Cli.Output.Lint;

/// <summary>
/// The "measured" block of one migration in <c>strata lint --measure</c>'s text output: how it ran, the locks held at
/// the end (ACCESS EXCLUSIVE in red, write-blocking modes in yellow; measured on a copy with rows, how long each was
/// held), the slowest statements (on a copy), the relations rewritten (with the line of the statement), and the schema
/// changes (destructive ones marked).
/// </summary>
internal static class MeasuredBlock
{
    private const int MaxChanges = 12;

    public static void Render(Terminal terminal, MeasuredMigration measured)
    {
        var name = Markup.Escape(measured.Migration.DisplayName);
        if (measured.Measurement is not { } measurement)
        {
            terminal.Line($"  [dim]not measured[/] {name}: {Markup.Escape(measured.Note)}");
            return;
        }

        terminal.Line($"  [bold]measured[/] {name}: {Markup.Escape(measured.Note)}");
        if (measurement.Failure is not null)
        {
            return;
        }

        if (measurement.Transactional)
        {
            var times = measurement.Kept ? LockHold.Of(measurement).ToDictionary(h => h.Lock, h => h) : [];
            var locks = measurement.LocksAtEnd.GroupBy(l => l.Relation.Oid).Select(g => g.MaxBy(l => l.Strength)!).ToList();
            terminal.Line("    locks held at the end: " + (locks.Count == 0 ? "none on existing relations" : string.Join(", ", locks.Select(l => Lock(l, times.GetValueOrDefault(l))))));
        }

        if (measurement.Kept && measurement.Statements.Count > 0)
        {
            var slowest = measurement.Statements.OrderByDescending(s => s.Elapsed).Take(3)
                .Select(s => $"line {s.Line} {Output.ProgressObserver.Milliseconds(s.Elapsed)}");
            terminal.Line("    slowest statements: " + Markup.Escape(string.Join(", ", slowest)));
        }

        var rewrites = measured.Rewrites.ToList();
        terminal.Line("    rewritten: " + (rewrites.Count == 0 ? "nothing" : Markup.Escape(string.Join(", ", rewrites.Select(r => $"{r.Relation.Description} (line {r.Line})")))));
        if (measured.Changes is { } changes)
        {
            var shown = changes.Changes.Take(MaxChanges).Select(c => c.IsDestructive ? $"[red]{Markup.Escape(c.Summary)} (destructive)[/]" : Markup.Escape(c.Summary));
            var more = changes.Changes.Count > MaxChanges ? $", … and {changes.Changes.Count - MaxChanges} more (--json lists them all)" : "";
            terminal.Line("    schema changes: " + (changes.IsEmpty ? "none" : string.Join(", ", shown) + more));
        }
    }

    private static string Lock(HeldLock held, LockHold? hold)
    {
        var time = hold is null ? "" : $" held {Output.ProgressObserver.Milliseconds(hold.Held)} from line {hold.Line}";
        var text = Markup.Escape($"{held.Relation.Description} {held.Mode}{time}");
        return held.BlocksReads ? $"[red]{text}[/] (blocks reads and writes)"
            : held.BlocksWrites ? $"[yellow]{text}[/] (blocks writes)"
            : text;
    }
}
