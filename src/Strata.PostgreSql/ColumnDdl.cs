using System.Text;
using Strata.Schema;

namespace Strata.PostgreSql;

/// <summary>Column text inside CREATE TABLE and the column settings that need their own ALTER TABLE statements.</summary>
internal static class ColumnDdl
{
    /// <summary><c>name type [COLLATE] [GENERATED …] [DEFAULT …] [NOT NULL]</c>.</summary>
    public static string Definition(ColumnDefinition column)
    {
        var text = new StringBuilder(SchemaNames.Quote(column.Name)).Append(' ').Append(column.Type);
        if (column.Collation is not null)
        {
            text.Append(" COLLATE ").Append(column.Collation);
        }

        if (column.Generated is not null)
        {
            text.Append(" GENERATED ALWAYS AS (").Append(column.Generated).Append(column.Virtual ? ") VIRTUAL" : ") STORED");
        }

        if (column.Identity is not null)
        {
            text.Append(" GENERATED ").Append(column.Identity).Append(" AS IDENTITY");
            if (column.IdentityOptions is not null)
            {
                text.Append(" (").Append(column.IdentityOptions).Append(')');
            }
        }

        if (column.Default is not null)
        {
            text.Append(" DEFAULT ").Append(column.Default);
        }

        if (column.NotNull && column.NotNullName is not null)
        {
            text.Append(" CONSTRAINT ").Append(SchemaNames.Quote(column.NotNullName));
        }

        return column.NotNull ? text.Append(" NOT NULL").ToString() : text.ToString();
    }

    /// <summary>
    /// What CREATE TABLE cannot say about a column, from <paramref name="before"/> (null: a new column) to
    /// <paramref name="after"/>: storage, compression, statistics target and options; for an inherited column also the
    /// default and NOT NULL it sets on top of its parent's.
    /// </summary>
    public static IEnumerable<string> Settings(QualifiedName table, ColumnDefinition? before, ColumnDefinition after)
    {
        var alter = $"ALTER TABLE ONLY {SchemaNames.Quote(table)} ALTER COLUMN {SchemaNames.Quote(after.Name)} ";
        if (before is null && after.Inherited)
        {
            if (after.Default is not null)
            {
                yield return alter + "SET DEFAULT " + after.Default;
            }

            if (after.NotNull)
            {
                yield return alter + "SET NOT NULL";
            }
        }

        if (before?.Storage != after.Storage && (before is not null || after.Storage is not null))
        {
            yield return alter + "SET STORAGE " + (after.Storage ?? "DEFAULT");
        }

        if (before?.Compression != after.Compression && (before is not null || after.Compression is not null))
        {
            yield return alter + "SET COMPRESSION " + (after.Compression ?? "DEFAULT");
        }

        if (before?.Statistics != after.Statistics && (before is not null || after.Statistics is not null))
        {
            yield return alter + "SET STATISTICS " + (after.Statistics ?? -1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (before?.Options != after.Options)
        {
            if (before?.Options is { } old)
            {
                yield return alter + "RESET (" + string.Join(", ", old.Split(", ").Select(o => o.Split('=')[0])) + ")";
            }

            if (after.Options is { } options)
            {
                yield return alter + "SET (" + options + ")";
            }
        }
    }

    /// <summary>
    /// <c>RENAME CONSTRAINT</c> for a NOT NULL constraint whose name changes (PostgreSQL 18+), after NOT NULL is set;
    /// nothing when the column is not NOT NULL afterwards.
    /// </summary>
    public static IEnumerable<string> NotNullRename(QualifiedName table, ColumnDefinition before, ColumnDefinition after)
    {
        if (!after.NotNull || before.NotNullName == after.NotNullName || (!before.NotNull && after.NotNullName is null))
        {
            yield break;
        }

        var standard = $"{table.Name}_{after.Name}_not_null";
        var old = before.NotNull ? before.NotNullName ?? standard : standard;
        var now = after.NotNullName ?? standard;
        yield return $"ALTER TABLE {SchemaNames.Quote(table)} RENAME CONSTRAINT {SchemaNames.Quote(old)} TO {SchemaNames.Quote(now)}";
    }

    /// <summary><c>ALTER COLUMN … SET …</c> for identity sequence options that changed (a removed option goes back to its default).</summary>
    public static IEnumerable<string> IdentityChanges(string alter, ColumnDefinition before, ColumnDefinition after)
    {
        var old = Options(before.IdentityOptions);
        var now = Options(after.IdentityOptions);
        foreach (var key in new[] { "START WITH", "INCREMENT BY", "MINVALUE", "MAXVALUE", "CACHE", "CYCLE" })
        {
            var (had, has) = (old.GetValueOrDefault(key), now.GetValueOrDefault(key));
            if (had == has)
            {
                continue;
            }

            yield return alter + (has is not null ? $"SET {key}{(has.Length > 0 ? " " + has : "")}" : key switch
            {
                "START WITH" => "SET START WITH " + (now.GetValueOrDefault("MINVALUE") ?? "1"),
                "INCREMENT BY" => "SET INCREMENT BY 1",
                "CACHE" => "SET CACHE 1",
                _ => "SET NO " + key,
            });
        }
    }

    private static Dictionary<string, string> Options(string? text)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var words = (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            switch (words[i])
            {
                case "START" or "INCREMENT" or "SEQUENCE" when i + 2 < words.Length:
                    options[words[i] + " " + words[i + 1]] = words[i + 2];
                    i += 2;
                    break;
                case "MINVALUE" or "MAXVALUE" or "CACHE" when i + 1 < words.Length:
                    options[words[i]] = words[i + 1];
                    i++;
                    break;
                case "CYCLE":
                    options["CYCLE"] = "";
                    break;
            }
        }

        return options;
    }
}
