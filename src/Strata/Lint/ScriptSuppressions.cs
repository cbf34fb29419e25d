using Strata.Sources;

namespace Strata.Lint;

/// <summary>
/// The <c>strata:lint-ignore</c> comments of one migration's up script, by the file line of the statement they
/// precede, for findings made outside <see cref="Linter"/>: <c>strata lint --measure</c> reads them so that a measured
/// finding is silenced exactly like a static one (before its statement, or file-wide). Throws
/// <see cref="Errors.ConfigurationException"/> for a comment naming an unknown rule, as the linter does.
/// </summary>
public sealed class ScriptSuppressions
{
    private readonly HashSet<string> _file;
    private readonly Dictionary<int, HashSet<string>> _byLine;

    private ScriptSuppressions(HashSet<string> file, Dictionary<int, HashSet<string>> byLine)
    {
        _file = file;
        _byLine = byLine;
    }

    /// <summary>Reads the comments of <paramref name="migration"/>'s up script (none for a C# migration).</summary>
    public static ScriptSuppressions Read(Migration migration, Dialect dialect)
    {
        ArgumentNullException.ThrowIfNull(migration);
        var byLine = new Dictionary<int, HashSet<string>>();
        if (migration.Up is not SqlScript up)
        {
            return new ScriptSuppressions([], byLine);
        }

        var text = up.IsStreamed ? null : up.Sql;
        var file = text is null ? [] : Suppressions.ParseFile(text, migration.SourcePath);
        var previousEnd = 0;
        foreach (var statement in up.Statements(dialect))
        {
            var line = up.FirstLine - 1 + statement.Line;
            var before = text is null ? "" : text[previousEnd..statement.Offset];
            var ids = Suppressions.Parse(before + "\n" + statement.Text, migration.SourcePath, line);
            if (ids.Count > 0)
            {
                byLine[line] = ids;
            }

            previousEnd = statement.Offset + statement.Text.Length;
        }

        return new ScriptSuppressions(file, byLine);
    }

    /// <summary>True when <paramref name="rule"/> is silenced for the statement starting on <paramref name="line"/> (0: file-wide only).</summary>
    public bool Silences(LintRule rule, int line)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return _file.Contains(rule.Id) || (_byLine.TryGetValue(line, out var ids) && ids.Contains(rule.Id));
    }
}
