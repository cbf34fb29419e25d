using System.Text;

namespace Strata.Schema;

/// <summary>
/// The ordered changes that turn one state into another, made by <see cref="SchemaDiffer.Compare"/>. Read by the
/// CLI's <c>diff</c>, <c>generate</c> and <c>push</c>, and by lint and verify.
/// </summary>
public sealed class SchemaDiff
{
    /// <summary>The directive that makes Strata run a migration section outside a transaction.</summary>
    public const string NoTransactionDirective = "-- strata:no-transaction";

    private readonly IReadOnlyList<string> _preamble;

    /// <summary>Creates a diff from ordered changes and the dialect's script preamble.</summary>
    public SchemaDiff(IReadOnlyList<SchemaChange> changes, IReadOnlyList<string> preamble)
    {
        Changes = changes ?? throw new ArgumentNullException(nameof(changes));
        _preamble = preamble ?? [];
    }

    /// <summary>The changes, in an order that respects dependencies.</summary>
    public IReadOnlyList<SchemaChange> Changes { get; }

    /// <summary>Statements that open the script when <see cref="RunsOutsideTransaction"/> (the renderer's rebuild prologue).</summary>
    public IReadOnlyList<string> Prologue { get; init; } = [];

    /// <summary>Statements that close the script when <see cref="RunsOutsideTransaction"/>.</summary>
    public IReadOnlyList<string> Epilogue { get; init; } = [];

    /// <summary>True when the diff is empty.</summary>
    public bool IsEmpty => Changes.Count == 0;

    /// <summary>
    /// True when a change (a SQLite table rebuild) needs the script to manage its own transaction: it must run with
    /// <c>-- strata:no-transaction</c>, and <see cref="Statements"/> then include the BEGIN and COMMIT.
    /// </summary>
    public bool RunsOutsideTransaction => Changes.Any(c => c.OutsideTransaction);

    /// <summary>The changes that can lose data.</summary>
    public IReadOnlyList<SchemaChange> DestructiveChanges => [.. Changes.Where(c => c.IsDestructive)];

    /// <summary>Every statement in order (prologue and epilogue when needed, preamble first); empty when there are no changes.</summary>
    public IReadOnlyList<string> Statements => IsEmpty
        ? []
        : RunsOutsideTransaction
            ? [.. Prologue, .. _preamble, .. Changes.SelectMany(c => c.Statements), .. Epilogue]
            : [.. _preamble, .. Changes.SelectMany(c => c.Statements)];

    /// <summary>
    /// The script: each change's statements ending in <c>;</c>, a destructive change preceded by a
    /// <c>-- DESTRUCTIVE: reason</c> line; the <c>-- strata:no-transaction</c> directive first when
    /// <see cref="RunsOutsideTransaction"/>. Empty text when there is nothing to do.
    /// </summary>
    public string ToScript()
    {
        if (IsEmpty)
        {
            return "";
        }

        var text = new StringBuilder();
        var outside = RunsOutsideTransaction;
        if (outside)
        {
            text.Append(NoTransactionDirective).Append('\n');
            Append(text, Prologue);
        }

        Append(text, _preamble);
        foreach (var change in Changes)
        {
            if (change.Destructive is { } reason)
            {
                text.Append("-- DESTRUCTIVE: ").Append(reason).Append('\n');
            }

            Append(text, change.Statements);
        }

        if (outside)
        {
            Append(text, Epilogue);
        }

        return text.ToString();
    }

    /// <summary>
    /// The index in <see cref="Changes"/> of the change whose text holds line <paramref name="line"/> (1-based) of
    /// <see cref="ToScript"/>, its <c>-- DESTRUCTIVE</c> line included; -1 for a line of the directive, prologue,
    /// preamble or epilogue, or past the end. Lets a failure at a script line name its change.
    /// </summary>
    public int IndexOfChangeAtLine(int line)
    {
        if (IsEmpty || line < 1)
        {
            return -1;
        }

        var next = 1 + (RunsOutsideTransaction ? 1 + Lines(Prologue) : 0) + Lines(_preamble);
        for (var i = 0; i < Changes.Count && next <= line; i++)
        {
            next += (Changes[i].IsDestructive ? 1 : 0) + Lines(Changes[i].Statements);
            if (line < next)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The number of script lines <paramref name="statements"/> take, each ending in <c>;</c> and a line break (a
    /// <c>\r\n</c>, a lone <c>\r</c> or <c>\n</c> inside a statement, such as a function body, ends a line, as in
    /// script positions).
    /// </summary>
    private static int Lines(IEnumerable<string> statements) => statements.Sum(s =>
    {
        var lines = 1;
        for (var i = 0; i < s.Length; i++)
        {
            lines += s[i] == '\n' || (s[i] == '\r' && (i + 1 == s.Length || s[i + 1] != '\n')) ? 1 : 0;
        }

        return lines;
    });

    private static void Append(StringBuilder text, IEnumerable<string> statements)
    {
        foreach (var statement in statements)
        {
            text.Append(statement).Append(";\n");
        }
    }
}
