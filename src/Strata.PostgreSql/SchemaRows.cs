using System.Globalization;
using Strata.Schema;

namespace Strata.PostgreSql;

/// <summary>Turns the rows of <see cref="SchemaQueries"/> (in their order) into a <see cref="DatabaseSchema"/>.</summary>
internal static class SchemaRows
{
    public static DatabaseSchema Build(IReadOnlyList<List<object?[]>> rows)
    {
        var objects = new List<SchemaObject>();
        objects.AddRange(rows[0].Select(r => new SchemaObject(ObjectKind.Schema, new QualifiedName(null, S(r[0])), "") { Comment = N(r[1]) }));
        objects.AddRange(rows[1].Select(r => new SchemaObject(ObjectKind.Extension, new QualifiedName(null, S(r[0])), S(r[1]))));
        var tables = Tables(rows[2]);
        objects.AddRange(rows[3].Select(Constraint));
        objects.AddRange(rows[4].Select(r => new SchemaObject(ObjectKind.Index, new QualifiedName(S(r[0]), S(r[2])), S(r[3]))
        {
            Table = new QualifiedName(S(r[0]), S(r[1])),
            Comment = N(r[4]),
        }));
        objects.AddRange(rows[5].Select(TypeObject));
        foreach (var row in rows[6])
        {
            objects.AddRange(Sequence(row));
        }

        objects.AddRange(rows[7].Select(View));
        objects.AddRange(rows[8].Select(Function));
        objects.AddRange(rows[9].Select(r => new SchemaObject(ObjectKind.Trigger, new QualifiedName(S(r[0]), S(r[2])), S(r[3]))
        {
            Table = new QualifiedName(S(r[0]), S(r[1])),
            DependsOn = [new QualifiedName(S(r[4]), S(r[5]))],
            Comment = N(r[6]),
        }));
        objects.AddRange(rows[10].Select(Policy));
        objects.AddRange(rows[11].Select(r => new SchemaObject(ObjectKind.Grant, new QualifiedName(null, S(r[2])), S(r[3]) + ((bool)r[4]! ? " WITH GRANT OPTION" : ""))
        {
            Table = new QualifiedName(S(r[0]), S(r[1])),
        }));
        return new DatabaseSchema(tables, objects);
    }

    private static List<TableDefinition> Tables(List<object?[]> rows)
    {
        var tables = new List<TableDefinition>();
        foreach (var group in rows.GroupBy(r => (S(r[0]), S(r[1]))))
        {
            var first = group.First();
            var columns = group.Where(r => r[5] is not null).Select(Column).ToList();
            tables.Add(new TableDefinition(new QualifiedName(group.Key.Item1, group.Key.Item2), columns)
            {
                RowLevelSecurity = (bool)first[2]!,
                ForceRowLevelSecurity = (bool)first[3]!,
                Comment = N(first[4]),
                Options = first[13] is null ? null : "PARTITION BY " + S(first[13]),
            });
        }

        return tables;
    }

    private static ColumnDefinition Column(object?[] r)
    {
        var generated = N(r[10]) is "s";
        return new ColumnDefinition(S(r[5]), S(r[6]), (bool)r[7]!)
        {
            Default = generated ? null : N(r[8]),
            Generated = generated ? N(r[8]) : null,
            Identity = N(r[9]) switch { "a" => "ALWAYS", "d" => "BY DEFAULT", _ => null },
            Collation = N(r[11]),
            Comment = N(r[12]),
        };
    }

    private static SchemaObject Constraint(object?[] r)
    {
        var kind = S(r[3]) switch
        {
            "p" => ObjectKind.PrimaryKey,
            "u" => ObjectKind.Unique,
            "f" => ObjectKind.ForeignKey,
            "x" => ObjectKind.Exclusion,
            _ => ObjectKind.Check,
        };
        return new SchemaObject(kind, new QualifiedName(S(r[0]), S(r[2])), S(r[4]))
        {
            Table = new QualifiedName(S(r[0]), S(r[1])),
            DependsOn = r[6] is null ? [] : [new QualifiedName(S(r[5]), S(r[6]))],
            Comment = N(r[7]),
        };
    }

    private static SchemaObject TypeObject(object?[] r)
    {
        var name = new QualifiedName(S(r[0]), S(r[1]));
        if (S(r[2]) == "e")
        {
            return new SchemaObject(ObjectKind.Enum, name, N(r[3]) ?? "") { Comment = N(r[8]) };
        }

        var definition = S(r[4]);
        definition += r[6] is null ? "" : " DEFAULT " + S(r[6]);
        definition += (bool)r[5]! ? " NOT NULL" : "";
        definition += r[7] is null ? "" : " " + S(r[7]);
        return new SchemaObject(ObjectKind.Domain, name, definition) { Comment = N(r[8]) };
    }

    private static IEnumerable<SchemaObject> Sequence(object?[] r)
    {
        var name = new QualifiedName(S(r[0]), S(r[1]));
        var definition = string.Create(
            CultureInfo.InvariantCulture,
            $"AS {S(r[2])} START WITH {r[3]} INCREMENT BY {r[4]} MINVALUE {r[5]} MAXVALUE {r[6]} CACHE {r[7]} {((bool)r[8]! ? "CYCLE" : "NO CYCLE")}");
        yield return new SchemaObject(ObjectKind.Sequence, name, definition) { Comment = N(r[12]) };
        if (r[10] is not null)
        {
            var table = new QualifiedName(S(r[9]), S(r[10]));
            yield return new SchemaObject(ObjectKind.SequenceOwner, name, table + "." + S(r[11])) { Table = table, Arguments = S(r[11]) };
        }
    }

    private static SchemaObject View(object?[] r) =>
        new(S(r[2]) == "m" ? ObjectKind.MaterializedView : ObjectKind.View, new QualifiedName(S(r[0]), S(r[1])), S(r[3]).Trim().TrimEnd(';'))
        {
            Comment = N(r[4]),
            DependsOn = Names(r[5]),
        };

    private static SchemaObject Function(object?[] r) =>
        new(S(r[2]) == "p" ? ObjectKind.Procedure : ObjectKind.Function, new QualifiedName(S(r[0]), S(r[1])), S(r[4]).Trim())
        {
            Arguments = S(r[3]),
            Comment = N(r[5]),
            DependsOn = Names(r[6]),
        };

    private static SchemaObject Policy(object?[] r)
    {
        var command = S(r[4]) switch { "r" => "SELECT", "a" => "INSERT", "w" => "UPDATE", "d" => "DELETE", _ => "ALL" };
        var definition = $"AS {((bool)r[3]! ? "PERMISSIVE" : "RESTRICTIVE")} FOR {command} TO {N(r[5]) ?? "PUBLIC"}";
        definition += r[6] is null ? "" : " USING (" + S(r[6]) + ")";
        definition += r[7] is null ? "" : " WITH CHECK (" + S(r[7]) + ")";
        return new SchemaObject(ObjectKind.Policy, new QualifiedName(S(r[0]), S(r[2])), definition) { Table = new QualifiedName(S(r[0]), S(r[1])) };
    }

    private static QualifiedName[] Names(object? value) =>
        value is string[] names ? [.. names.Select(n => n.Split('\u001f')).Select(p => new QualifiedName(p[0], p[1])).Order()] : [];

    private static string S(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    private static string? N(object? value) => value is null ? null : S(value);
}
