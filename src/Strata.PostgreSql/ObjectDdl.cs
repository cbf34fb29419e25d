using Strata.Schema;

namespace Strata.PostgreSql;

/// <summary>CREATE, DROP and in-place ALTER statements for PostgreSQL schema objects other than tables.</summary>
internal static class ObjectDdl
{
    public static IReadOnlyList<string> Create(SchemaObject item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var name = SchemaNames.Quote(item.Name);
        var table = item.Table is { } t ? SchemaNames.Quote(t) : "";
        var create = item.Kind switch
        {
            ObjectKind.Extension => $"CREATE EXTENSION IF NOT EXISTS {name} WITH SCHEMA {SchemaNames.Quote(item.Definition)}",
            ObjectKind.Schema => "CREATE SCHEMA " + name,
            ObjectKind.Enum => $"CREATE TYPE {name} AS ENUM ({item.Definition})",
            ObjectKind.Domain => $"CREATE DOMAIN {name} AS {item.Definition}",
            ObjectKind.Sequence => $"CREATE SEQUENCE {name} {item.Definition}",
            ObjectKind.SequenceOwner => $"ALTER SEQUENCE {name} OWNED BY {table}.{SchemaNames.Quote(item.Arguments ?? "")}",
            ObjectKind.PrimaryKey or ObjectKind.Unique or ObjectKind.Check or ObjectKind.Exclusion or ObjectKind.ForeignKey =>
                $"ALTER TABLE {table} ADD CONSTRAINT {SchemaNames.Quote(item.Name.Name)} {item.Definition}",
            ObjectKind.View => $"CREATE VIEW {name} AS\n{item.Definition}",
            ObjectKind.MaterializedView => $"CREATE MATERIALIZED VIEW {name} AS\n{item.Definition}",
            ObjectKind.Policy => $"CREATE POLICY {SchemaNames.Quote(item.Name.Name)} ON {table} {item.Definition}",
            ObjectKind.Grant => Grant(item),
            _ => item.Definition,
        };
        return Comment(item) is { } comment ? [create, comment] : [create];
    }

    public static IReadOnlyList<string> Drop(SchemaObject item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var name = SchemaNames.Quote(item.Name);
        var table = item.Table is { } t ? SchemaNames.Quote(t) : "";
        return [item.Kind switch
        {
            ObjectKind.Extension => "DROP EXTENSION IF EXISTS " + name,
            ObjectKind.Schema => "DROP SCHEMA " + name,
            ObjectKind.Enum => "DROP TYPE " + name,
            ObjectKind.Domain => "DROP DOMAIN " + name,
            ObjectKind.Sequence => "DROP SEQUENCE IF EXISTS " + name,
            ObjectKind.SequenceOwner => $"ALTER SEQUENCE {name} OWNED BY NONE",
            ObjectKind.Function => $"DROP FUNCTION {name}({item.Arguments})",
            ObjectKind.Procedure => $"DROP PROCEDURE {name}({item.Arguments})",
            ObjectKind.PrimaryKey or ObjectKind.Unique or ObjectKind.Check or ObjectKind.Exclusion or ObjectKind.ForeignKey =>
                $"ALTER TABLE {table} DROP CONSTRAINT {SchemaNames.Quote(item.Name.Name)}",
            ObjectKind.Index => "DROP INDEX IF EXISTS " + name,
            ObjectKind.View => "DROP VIEW " + name,
            ObjectKind.MaterializedView => "DROP MATERIALIZED VIEW " + name,
            ObjectKind.Trigger => $"DROP TRIGGER {SchemaNames.Quote(item.Name.Name)} ON {table}",
            ObjectKind.Policy => $"DROP POLICY {SchemaNames.Quote(item.Name.Name)} ON {table}",
            _ => $"REVOKE ALL ON TABLE {table} FROM {item.Name.Name}",
        }];
    }

    public static IReadOnlyList<string>? Alter(SchemaObject before, SchemaObject after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (before.Definition == after.Definition)
        {
            return [Comment(after) ?? $"COMMENT ON {Target(after)} IS NULL"];
        }

        var comment = before.Comment == after.Comment ? null : Comment(after) ?? $"COMMENT ON {Target(after)} IS NULL";
        IReadOnlyList<string>? statements = after.Kind switch
        {
            ObjectKind.Sequence => [$"ALTER SEQUENCE {SchemaNames.Quote(after.Name)} {after.Definition}"],
            ObjectKind.Grant => [.. Drop(before), Grant(after)],
            ObjectKind.Enum => AddedLabels(before, after),
            ObjectKind.Function or ObjectKind.Procedure when SameSignature(before.Definition, after.Definition) => [after.Definition],
            _ => null,
        };
        return statements is null || comment is null ? statements : [.. statements, comment];
    }

    private static string Grant(SchemaObject item)
    {
        var option = item.Definition.EndsWith(" WITH GRANT OPTION", StringComparison.Ordinal);
        var privileges = option ? item.Definition[..^" WITH GRANT OPTION".Length] : item.Definition;
        return $"GRANT {privileges} ON TABLE {SchemaNames.Quote(item.Table!.Value)} TO {item.Name.Name}{(option ? " WITH GRANT OPTION" : "")}";
    }

    private static List<string>? AddedLabels(SchemaObject before, SchemaObject after)
    {
        if (!after.Definition.StartsWith(before.Definition + ", ", StringComparison.Ordinal))
        {
            return null;
        }

        var labels = new List<string>();
        var rest = after.Definition[(before.Definition.Length + 2)..];
        var start = 0;
        var quoted = false;
        for (var i = 0; i < rest.Length; i++)
        {
            if (rest[i] == '\'')
            {
                quoted = !quoted;
            }
            else if (!quoted && rest[i] == ',')
            {
                labels.Add(rest[start..i].Trim());
                start = i + 1;
            }
        }

        labels.Add(rest[start..].Trim());
        return [.. labels.Select(l => $"ALTER TYPE {SchemaNames.Quote(after.Name)} ADD VALUE {l}")];
    }

    /// <summary>True when two <c>pg_get_functiondef</c> texts declare the same arguments and result, so CREATE OR REPLACE works.</summary>
    private static bool SameSignature(string before, string after)
    {
        static string Head(string text) => string.Join('\n', text.Split('\n').Take(2));
        return Head(before) == Head(after);
    }

    private static string? Comment(SchemaObject item) =>
        item.Comment is null || item.Kind is ObjectKind.Grant or ObjectKind.SequenceOwner or ObjectKind.Extension
            ? null
            : $"COMMENT ON {Target(item)} IS {PostgreSqlDdlRenderer.Literal(item.Comment)}";

    private static string Target(SchemaObject item)
    {
        var name = SchemaNames.Quote(item.Name);
        var onTable = item.Table is { } t ? " ON " + SchemaNames.Quote(t) : "";
        return item.Kind switch
        {
            ObjectKind.Enum => "TYPE " + name,
            ObjectKind.Function => $"FUNCTION {name}({item.Arguments})",
            ObjectKind.Procedure => $"PROCEDURE {name}({item.Arguments})",
            ObjectKind.MaterializedView => "MATERIALIZED VIEW " + name,
            ObjectKind.PrimaryKey or ObjectKind.Unique or ObjectKind.Check or ObjectKind.Exclusion or ObjectKind.ForeignKey =>
                $"CONSTRAINT {SchemaNames.Quote(item.Name.Name)}{onTable}",
            ObjectKind.Trigger or ObjectKind.Policy => $"{item.Kind.ToString().ToUpperInvariant()} {SchemaNames.Quote(item.Name.Name)}{onTable}",
            _ => item.Kind.ToString().ToUpperInvariant() + " " + name,
        };
    }
}
