using System.Text;

namespace Strata.Schema;

/// <summary>
/// Renders a whole state as a deterministic, readable SQL script: what <c>pull</c> writes to <c>schema.sql</c> and
/// <c>dump</c> prints. The script is the diff from the empty state, so applying it to an empty database gives the state
/// back (the round-trip property the tests check).
/// </summary>
public static class SchemaScript
{
    /// <summary>
    /// The script for <paramref name="schema"/>, one statement per paragraph, with a header line and a
    /// <c>-- not managed: kind name</c> line for each object the engine cannot model.
    /// </summary>
    /// <param name="schema">The state to render.</param>
    /// <param name="renderer">The dialect's renderer.</param>
    /// <param name="header">A comment line for the top (without <c>--</c>), or null.</param>
    public static string Render(DatabaseSchema schema, IDdlRenderer renderer, string? header = null)
    {
        var diff = SchemaDiffer.Compare(DatabaseSchema.Empty, schema, renderer);
        var text = new StringBuilder();
        if (header is not null)
        {
            text.Append("-- ").Append(header).Append("\n\n");
        }

        if (schema.Unmanaged.Count > 0)
        {
            text.Append("-- Not in this file: the database holds objects Strata cannot model (create them in a hand-written migration):\n");
            foreach (var item in schema.Unmanaged)
            {
                text.Append("-- not managed: ").Append(item).Append('\n');
            }

            text.Append('\n');
        }

        foreach (var statement in diff.Statements)
        {
            text.Append(statement).Append(";\n\n");
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }
}
