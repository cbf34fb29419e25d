using System.Text.RegularExpressions;

namespace Strata.Schema;

/// <summary>
/// Reads rename hints (<see cref="RenameHint"/>) from the comments of <c>schema.sql</c>. Called by the CLI's
/// <c>diff</c>, <c>generate</c> and <c>push</c> before comparing. A malformed <c>-- strata:rename</c> line throws
/// <see cref="FormatException"/> naming the file, the line and the expected form.
/// </summary>
public static partial class RenameHints
{
    /// <summary>The hints in <paramref name="sql"/>, in file order.</summary>
    /// <param name="sql">The text of a schema file.</param>
    /// <param name="file">The file's name, for the error message.</param>
    public static IReadOnlyList<RenameHint> Parse(string sql, string file)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var hints = new List<RenameHint>();
        var lines = sql.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (!line.StartsWith("-- strata:rename", StringComparison.Ordinal))
            {
                continue;
            }

            var match = Hint().Match(line);
            if (!match.Success)
            {
                throw new FormatException(
                    $"{file}:{i + 1}: malformed rename hint '{line}'; write '-- strata:rename table schema.old -> new' "
                    + "or '-- strata:rename column schema.table.old -> new' (the schema may be left out)");
            }

            var parts = match.Groups["old"].Value.Split('.');
            var isColumn = match.Groups["kind"].Value == "column";
            var needed = isColumn ? 2 : 1;
            if (parts.Length < needed || parts.Length > needed + 1)
            {
                throw new FormatException($"{file}:{i + 1}: '{match.Groups["old"].Value}' should be {(isColumn ? "[schema.]table.column" : "[schema.]table")}");
            }

            var schema = parts.Length > needed ? parts[0] : null;
            var table = new QualifiedName(schema, parts[parts.Length - needed]);
            hints.Add(new RenameHint(table, isColumn ? parts[^1] : null, match.Groups["new"].Value));
        }

        return hints;
    }

    [GeneratedRegex(@"^-- strata:rename\s+(?<kind>table|column)\s+(?<old>[^\s]+)\s*->\s*(?<new>[^\s.]+)\s*$")]
    private static partial Regex Hint();
}
