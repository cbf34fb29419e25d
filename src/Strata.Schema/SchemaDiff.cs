using System.Text;

namespace Strata.Schema;

/// <summary>
/// The ordered changes that turn one state into another, made by <see cref="SchemaDiffer.Compare"/>. Read by the
/// CLI's <c>diff</c>, <c>generate</c> and <c>push</c>, and by lint and verify.
/// </summary>
public sealed class SchemaDiff
{
    private readonly IReadOnlyList<string> _preamble;

    /// <summary>Creates a diff from ordered changes and the dialect's script preamble.</summary>
    public SchemaDiff(IReadOnlyList<SchemaChange> changes, IReadOnlyList<string> preamble)
    {
        Changes = changes ?? throw new ArgumentNullException(nameof(changes));
        _preamble = preamble ?? [];
    }

    /// <summary>The changes, in an order that respects dependencies.</summary>
    public IReadOnlyList<SchemaChange> Changes { get; }

    /// <summary>True when the two states are the same.</summary>
    public bool IsEmpty => Changes.Count == 0;

    /// <summary>The changes that can lose data.</summary>
    public IReadOnlyList<SchemaChange> DestructiveChanges => [.. Changes.Where(c => c.IsDestructive)];

    /// <summary>Every statement in order, preamble first when there are changes.</summary>
    public IReadOnlyList<string> Statements => IsEmpty ? [] : [.. _preamble, .. Changes.SelectMany(c => c.Statements)];

    /// <summary>
    /// The script: each change's statements ending in <c>;</c>, a destructive change preceded by a
    /// <c>-- DESTRUCTIVE: reason</c> line. Empty text when there is nothing to do.
    /// </summary>
    public string ToScript()
    {
        if (IsEmpty)
        {
            return "";
        }

        var text = new StringBuilder();
        foreach (var statement in _preamble)
        {
            text.Append(statement).Append(";\n");
        }

        foreach (var change in Changes)
        {
            if (change.Destructive is { } reason)
            {
                text.Append("-- DESTRUCTIVE: ").Append(reason).Append('\n');
            }

            foreach (var statement in change.Statements)
            {
                text.Append(statement).Append(";\n");
            }
        }

        return text.ToString();
    }
}
