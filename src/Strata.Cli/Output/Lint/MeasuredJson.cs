using System.Text.Json;
using Strata.Lint;
using Strata.Schema;

namespace Strata.Cli.Output.Lint;

/// <summary>
/// The <c>measured</c> array of <c>strata lint --json</c>: per pending migration its file, name, status
/// (<c>measured</c>, <c>failed</c>, <c>not-measured</c>), whether it ran in a transaction, a note, the locks held at
/// the end, the relations rewritten (with the statement's line), the statements that took locks or rewrote (whole
/// text), and the schema changes with their destructive reason. Measured on a copy with rows (<c>--copy-of</c>,
/// <c>withData</c>): every statement with its <c>elapsedMs</c>, and each lock's <c>heldMs</c>.
/// </summary>
internal static class MeasuredJson
{
    public static void Write(Utf8JsonWriter json, MeasureOutcome outcome)
    {
        json.WriteStartArray("measured");
        foreach (var measured in outcome.Migrations)
        {
            json.WriteStartObject();
            json.WriteString("file", measured.Migration.SourcePath);
            json.WriteString("migration", measured.Migration.DisplayName);
            json.WriteString("status", measured.Status);
            json.WriteBoolean("transactional", measured.Migration.Up.Transactional);
            json.WriteString("note", measured.Note);
            if (measured.Measurement is { } measurement)
            {
                var times = measurement.Kept ? LockHold.Of(measurement).ToDictionary(h => h.Lock, h => h.Held) : null;
                json.WriteBoolean("withData", measurement.Kept);
                if (measurement.Kept)
                {
                    json.WriteNumber("elapsedMs", Ms(measurement.Elapsed));
                }

                Locks(json, "locksAtEnd", measurement.LocksAtEnd, times);
                json.WriteStartArray("rewritten");
                foreach (var (relation, line) in measured.Rewrites)
                {
                    json.WriteStartObject();
                    Relation(json, relation);
                    json.WriteNumber("line", line);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                Statements(json, measurement.Statements, times);
            }

            json.WriteStartArray("schemaChanges");
            foreach (var change in measured.Changes?.Changes ?? [])
            {
                json.WriteStartObject();
                json.WriteString("change", change.Summary);
                json.WriteString("destructive", change.Destructive);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>A finding's <c>table</c>: name, and rows and bytes on the target (<c>new</c> when it has none).</summary>
    public static void WriteTable(Utf8JsonWriter json, TableWeight weight)
    {
        json.WriteStartObject("table");
        json.WriteString("name", weight.Table.ToString());
        json.WriteBoolean("new", weight.Size is null);
        if (weight.Size is { } size)
        {
            json.WriteNumber("rows", size.Rows);
            json.WriteNumber("bytes", size.Bytes);
        }

        json.WriteEndObject();
    }

    private static void Statements(Utf8JsonWriter json, IReadOnlyList<StatementMeasurement> statements, Dictionary<HeldLock, TimeSpan>? times)
    {
        json.WriteStartArray("statements");
        foreach (var statement in statements.Where(s => times is not null || s.NewLocks.Count > 0 || s.Rewritten.Count > 0))
        {
            json.WriteStartObject();
            json.WriteNumber("line", statement.Line);
            json.WriteNumber("column", statement.Column);
            json.WriteString("statement", statement.Text);
            if (times is not null)
            {
                json.WriteNumber("elapsedMs", Ms(statement.Elapsed));
            }

            Locks(json, "locks", statement.NewLocks, times);
            json.WriteStartArray("rewritten");
            foreach (var relation in statement.Rewritten)
            {
                json.WriteStartObject();
                Relation(json, relation);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static double Ms(TimeSpan time) => Math.Round(time.TotalMilliseconds, 1);

    private static void Locks(Utf8JsonWriter json, string name, IReadOnlyList<HeldLock> locks, Dictionary<HeldLock, TimeSpan>? times)
    {
        json.WriteStartArray(name);
        foreach (var held in locks)
        {
            json.WriteStartObject();
            Relation(json, held.Relation);
            json.WriteString("mode", held.Mode);
            json.WriteString("blocks", held.BlocksReads ? "reads and writes" : held.BlocksWrites ? "writes" : "schema changes");
            if (times is not null && times.TryGetValue(held, out var time))
            {
                json.WriteNumber("heldMs", Ms(time));
            }
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Relation(Utf8JsonWriter json, ProbedRelation relation)
    {
        json.WriteString("relation", relation.Name.ToString());
        json.WriteString("kind", relation.KindName);
        json.WriteString("table", relation.Table.ToString());
    }
}
