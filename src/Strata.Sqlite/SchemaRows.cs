using System.Globalization;
using System.Text.RegularExpressions;
using Strata.Schema;

namespace Strata.Sqlite;

/// <summary>Turns the rows of <see cref="SqliteSchemaIntrospector"/>'s queries into a <see cref="DatabaseSchema"/>.</summary>
internal static partial class SqliteSchemaRows
{
    public static DatabaseSchema Build(List<object?[]> objects, List<object?[]> columns, List<object?[]> keys, List<object?[]> uniques)
    {
        var tables = new List<TableDefinition>();
        var items = new List<SchemaObject>();
        var tableNames = objects.Where(o => S(o[0]) is "table" or "view" or "virtual").Select(o => S(o[1])).ToList();
        foreach (var row in objects)
        {
            var (type, name, table, sql) = (S(row[0]), S(row[1]), S(row[2]), S(row[3]));
            switch (type)
            {
                case "table":
                    var parsed = Table(name, sql, [.. columns.Where(c => S(c[0]) == name)]);
                    tables.Add(parsed.Table);
                    items.AddRange(parsed.Constraints);
                    break;
                case "virtual":
                    items.Add(new SchemaObject(ObjectKind.VirtualTable, new QualifiedName(null, name), sql));
                    break;
                case "index" when row[3] is not null:
                    items.Add(new SchemaObject(ObjectKind.Index, new QualifiedName(null, name), sql) { Table = new QualifiedName(null, table) });
                    break;
                case "view":
                    items.Add(new SchemaObject(ObjectKind.View, new QualifiedName(null, name), sql)
                    {
                        DependsOn = [.. tableNames.Where(t => t != name && SqlSegments.HasWord(sql, t)).Select(t => new QualifiedName(null, t))],
                    });
                    break;
                case "trigger":
                    items.Add(new SchemaObject(ObjectKind.Trigger, new QualifiedName(null, name), sql) { Table = new QualifiedName(null, table) });
                    break;
                default:
                    break;
            }
        }

        items.AddRange(ForeignKeys(keys));
        items.AddRange(uniques.GroupBy(u => (S(u[0]), S(u[1]))).Select(g => Unique(g.Key.Item1, [.. g.Select(u => S(u[2]))])));
        return new DatabaseSchema(tables, items);
    }

    private static (TableDefinition Table, List<SchemaObject> Constraints) Table(string name, string sql, List<object?[]> columns)
    {
        var qualified = new QualifiedName(null, name);
        var parts = SqlSegments.TableBody(sql);
        var constraints = new List<SchemaObject>();
        var checks = new List<string>();
        var autoincrement = false;
        var definitions = new List<ColumnDefinition>();
        foreach (var column in columns)
        {
            var columnName = S(column[1]);
            var part = parts.FirstOrDefault(p => StartsWithName(p, columnName)) ?? "";
            autoincrement |= SqlSegments.HasWord(part, "AUTOINCREMENT");
            checks.AddRange(SqlSegments.After(part, "CHECK"));
            var hidden = Convert.ToInt32(column[6], CultureInfo.InvariantCulture);
            definitions.Add(new ColumnDefinition(columnName, S(column[2]), Convert.ToInt32(column[3], CultureInfo.InvariantCulture) != 0)
            {
                Default = column[4] is null ? null : S(column[4]),
                Generated = hidden is 2 or 3 ? SqlSegments.After(part, "AS").FirstOrDefault()?[1..^1] : null,
                Virtual = hidden == 2,
                Collation = Collate().Match(part) is { Success: true } collate ? collate.Groups[1].Value.ToUpperInvariant() : null,
            });
        }

        foreach (var part in parts.Where(p => !columns.Any(c => StartsWithName(p, S(c[1])))))
        {
            checks.AddRange(SqlSegments.After(part, "CHECK"));
        }

        var primary = columns.Where(c => Convert.ToInt32(c[5], CultureInfo.InvariantCulture) > 0).OrderBy(c => Convert.ToInt32(c[5], CultureInfo.InvariantCulture)).Select(c => SqliteDdlRenderer.Quote(S(c[1]))).ToList();
        if (primary.Count > 0)
        {
            constraints.Add(new SchemaObject(ObjectKind.PrimaryKey, new QualifiedName(null, name + "_pkey"), $"PRIMARY KEY ({string.Join(", ", primary)}){(autoincrement ? " AUTOINCREMENT" : "")}") { Table = qualified });
        }

        constraints.AddRange(checks.Select((c, i) => new SchemaObject(ObjectKind.Check, new QualifiedName(null, $"{name}_check{i + 1}"), "CHECK " + c) { Table = qualified }));
        var close = sql.LastIndexOf(')');
        var options = close >= 0 ? sql[(close + 1)..].Trim().TrimEnd(';').Trim() : "";
        return (new TableDefinition(qualified, definitions) { Options = options.Length > 0 ? options.ToUpperInvariant() : null }, constraints);
    }

    private static IEnumerable<SchemaObject> ForeignKeys(List<object?[]> keys)
    {
        foreach (var group in keys.GroupBy(k => (S(k[0]), Convert.ToInt64(k[1], CultureInfo.InvariantCulture))))
        {
            var rows = group.ToList();
            var from = string.Join(", ", rows.Select(r => SqliteDdlRenderer.Quote(S(r[3]))));
            var to = rows.All(r => r[4] is not null) ? " (" + string.Join(", ", rows.Select(r => SqliteDdlRenderer.Quote(S(r[4])))) + ")" : "";
            var target = S(rows[0][2]);
            var definition = $"FOREIGN KEY ({from}) REFERENCES {SqliteDdlRenderer.Quote(target)}{to}";
            definition += S(rows[0][5]) is var update && update != "NO ACTION" ? " ON UPDATE " + update : "";
            definition += S(rows[0][6]) is var delete && delete != "NO ACTION" ? " ON DELETE " + delete : "";
            var table = new QualifiedName(null, group.Key.Item1);
            var name = $"{group.Key.Item1}_{string.Join("_", rows.Select(r => S(r[3])))}_fkey";
            yield return new SchemaObject(ObjectKind.ForeignKey, new QualifiedName(null, name), definition) { Table = table, DependsOn = [new QualifiedName(null, target)] };
        }
    }

    private static SchemaObject Unique(string table, List<string> columns) =>
        new(ObjectKind.Unique, new QualifiedName(null, $"{table}_{string.Join("_", columns)}_key"), $"UNIQUE ({string.Join(", ", columns.Select(SqliteDdlRenderer.Quote))})")
        {
            Table = new QualifiedName(null, table),
        };

    private static bool StartsWithName(string part, string name)
    {
        var first = part.Split([' ', '\t', '\n', '\r'], 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        var unquoted = first.Length >= 2 && first[0] is '"' or '`' or '[' ? first[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : first;
        return string.Equals(unquoted, name, StringComparison.OrdinalIgnoreCase)
            && !(first.Equals("CONSTRAINT", StringComparison.OrdinalIgnoreCase) || first.Equals("PRIMARY", StringComparison.OrdinalIgnoreCase)
                || first.Equals("UNIQUE", StringComparison.OrdinalIgnoreCase) || first.Equals("CHECK", StringComparison.OrdinalIgnoreCase)
                || first.Equals("FOREIGN", StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"\bCOLLATE\s+([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.IgnoreCase)]
    private static partial Regex Collate();

    private static string S(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
}
