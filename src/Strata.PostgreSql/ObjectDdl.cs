using Strata.Schema;

namespace Strata.PostgreSql;

/// <summary>CREATE, DROP and in-place ALTER statements for PostgreSQL schema objects other than tables.</summary>
internal static class ObjectDdl
{
    public static IReadOnlyList<string> Create(SchemaObject item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Kind is ObjectKind.Grant or ObjectKind.DefaultPrivileges)
        {
            return PrivilegeDdl.Create(item);
        }

        var name = SchemaNames.Quote(item.Name);
        var table = item.Table is { } t ? SchemaNames.Quote(t) : "";
        var create = item.Kind switch
        {
            ObjectKind.Extension => $"CREATE EXTENSION IF NOT EXISTS {name} WITH SCHEMA {SchemaNames.Quote(item.Definition)}",
            ObjectKind.Schema => "CREATE SCHEMA " + name,
            ObjectKind.Enum => $"CREATE TYPE {name} AS ENUM ({item.Definition})",
            ObjectKind.Domain => $"CREATE DOMAIN {name} AS {item.Definition}",
            ObjectKind.CompositeType => $"CREATE TYPE {name} AS ({item.Definition})",
            ObjectKind.RangeType => $"CREATE TYPE {name} AS RANGE ({item.Definition})",
            ObjectKind.Collation => $"CREATE COLLATION {name} ({item.Definition})",
            ObjectKind.Sequence => $"CREATE SEQUENCE {name} {item.Definition}",
            ObjectKind.SequenceOwner => $"ALTER SEQUENCE {name} OWNED BY {table}.{SchemaNames.Quote(item.Arguments ?? "")}",
            ObjectKind.PrimaryKey or ObjectKind.Unique or ObjectKind.Check or ObjectKind.Exclusion or ObjectKind.ForeignKey =>
                $"ALTER TABLE {table} ADD CONSTRAINT {SchemaNames.Quote(item.Name.Name)} {item.Definition}",
            ObjectKind.View => $"CREATE VIEW {name} AS\n{item.Definition}",
            ObjectKind.MaterializedView => $"CREATE MATERIALIZED VIEW {name} AS\n{item.Definition}",
            ObjectKind.Policy => $"CREATE POLICY {SchemaNames.Quote(item.Name.Name)} ON {table} {item.Definition}",
            _ => item.Definition,
        };
        return Comment(item) is { } comment ? [create, .. item.Attached, comment] : [create, .. item.Attached];
    }

    public static IReadOnlyList<string> Drop(SchemaObject item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Kind is ObjectKind.Grant or ObjectKind.DefaultPrivileges)
        {
            return PrivilegeDdl.Drop(item);
        }

        var name = SchemaNames.Quote(item.Name);
        var table = item.Table is { } t ? SchemaNames.Quote(t) : "";
        return [item.Kind switch
        {
            ObjectKind.Extension => "DROP EXTENSION IF EXISTS " + name,
            ObjectKind.Schema => "DROP SCHEMA " + name,
            ObjectKind.Enum or ObjectKind.CompositeType or ObjectKind.RangeType => "DROP TYPE " + name,
            ObjectKind.Domain => "DROP DOMAIN " + name,
            ObjectKind.Collation => "DROP COLLATION " + name,
            ObjectKind.Sequence => "DROP SEQUENCE IF EXISTS " + name,
            ObjectKind.SequenceOwner => $"ALTER SEQUENCE {name} OWNED BY NONE",
            ObjectKind.Function or ObjectKind.Procedure or ObjectKind.Aggregate => $"DROP {Word(item.Kind)} {name}({item.Arguments})",
            ObjectKind.Operator => $"DROP OPERATOR {RoutineCatalog.OperatorName(item.Name)} ({item.Arguments})",
            ObjectKind.PrimaryKey or ObjectKind.Unique or ObjectKind.Check or ObjectKind.Exclusion or ObjectKind.ForeignKey =>
                $"ALTER TABLE {table} DROP CONSTRAINT {SchemaNames.Quote(item.Name.Name)}",
            ObjectKind.Index => "DROP INDEX IF EXISTS " + name,
            ObjectKind.Statistics => "DROP STATISTICS IF EXISTS " + name,
            ObjectKind.View => "DROP VIEW " + name,
            ObjectKind.MaterializedView => "DROP MATERIALIZED VIEW " + name,
            ObjectKind.Trigger or ObjectKind.Policy or ObjectKind.Rule => $"DROP {Word(item.Kind)} {SchemaNames.Quote(item.Name.Name)} ON {table}",
            ObjectKind.EventTrigger => "DROP EVENT TRIGGER " + name,
            ObjectKind.Publication => "DROP PUBLICATION " + name,
            ObjectKind.Cast => "DROP CAST " + item.Name.Name,
            _ => throw new NotSupportedException($"no DROP for {item}"),
        }];
    }

    public static IReadOnlyList<string>? Alter(SchemaObject before, SchemaObject after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var comment = before.Comment == after.Comment ? null : Comment(after) ?? $"COMMENT ON {Target(after)} IS NULL";
        var attached = AttachedChanges(before, after);
        IReadOnlyList<string>? statements = before.Definition == after.Definition
            ? attached
            : after.Kind switch
            {
                ObjectKind.Sequence => [$"ALTER SEQUENCE {SchemaNames.Quote(after.Name)} {after.Definition}"],
                ObjectKind.Grant or ObjectKind.DefaultPrivileges => [.. PrivilegeDdl.Drop(before), .. PrivilegeDdl.Create(after)],
                ObjectKind.Enum => TypeDdl.AddedLabels(before, after),
                ObjectKind.CompositeType => TypeDdl.AlterAttributes(before, after),
                ObjectKind.Function or ObjectKind.Procedure when SameSignature(before.Definition, after.Definition) => [after.Definition],
                _ => null,
            };
        if (before.Definition != after.Definition && statements is not null)
        {
            statements = attached is null ? null : [.. statements, .. attached];
        }

        return statements is null || comment is null ? statements : [.. statements, comment];
    }

    /// <summary>
    /// The attached statements added, when every one removed is a comment (which can be set to NULL); null when an
    /// attached setting is taken away, which only recreating the object undoes.
    /// </summary>
    private static List<string>? AttachedChanges(SchemaObject before, SchemaObject after)
    {
        var removed = before.Attached.Except(after.Attached, StringComparer.Ordinal).ToList();
        var clearing = new List<string>();
        foreach (var statement in removed)
        {
            var target = statement.StartsWith("COMMENT ON ", StringComparison.Ordinal) ? CommentTarget(statement) : null;
            if (target is null)
            {
                return null;
            }

            if (!after.Attached.Any(a => CommentTarget(a) == target))
            {
                clearing.Add(target + " IS NULL");
            }
        }

        return [.. clearing, .. after.Attached.Except(before.Attached, StringComparer.Ordinal)];
    }

    private static string? CommentTarget(string statement)
    {
        var at = statement.LastIndexOf(" IS '", StringComparison.Ordinal);
        at = at < 0 ? statement.LastIndexOf(" IS E'", StringComparison.Ordinal) : at;
        return statement.StartsWith("COMMENT ON ", StringComparison.Ordinal) && at > 0 ? statement[..at] : null;
    }

    /// <summary>True when two <c>pg_get_functiondef</c> texts declare the same arguments and result, so CREATE OR REPLACE works.</summary>
    private static bool SameSignature(string before, string after)
    {
        static string Head(string text) => string.Join('\n', text.Split('\n').Take(2));
        return Head(before) == Head(after);
    }

    private static string? Comment(SchemaObject item) =>
        item.Comment is null || item.Kind is ObjectKind.Grant or ObjectKind.DefaultPrivileges or ObjectKind.SequenceOwner or ObjectKind.Extension
            ? null
            : $"COMMENT ON {Target(item)} IS {PostgreSqlDdlRenderer.Literal(item.Comment)}";

    private static string Word(ObjectKind kind) => kind switch
    {
        ObjectKind.EventTrigger => "EVENT TRIGGER",
        ObjectKind.MaterializedView => "MATERIALIZED VIEW",
        ObjectKind.CompositeType or ObjectKind.RangeType or ObjectKind.Enum => "TYPE",
        _ => kind.ToString().ToUpperInvariant(),
    };

    private static string Target(SchemaObject item)
    {
        var name = SchemaNames.Quote(item.Name);
        var onTable = item.Table is { } t ? " ON " + SchemaNames.Quote(t) : "";
        return item.Kind switch
        {
            ObjectKind.Function or ObjectKind.Procedure or ObjectKind.Aggregate => $"{Word(item.Kind)} {name}({item.Arguments})",
            ObjectKind.Operator => $"OPERATOR {RoutineCatalog.OperatorName(item.Name)} ({item.Arguments})",
            ObjectKind.Cast => "CAST " + item.Name.Name,
            ObjectKind.PrimaryKey or ObjectKind.Unique or ObjectKind.Check or ObjectKind.Exclusion or ObjectKind.ForeignKey =>
                $"CONSTRAINT {SchemaNames.Quote(item.Name.Name)}{onTable}",
            ObjectKind.Trigger or ObjectKind.Policy or ObjectKind.Rule => $"{Word(item.Kind)} {SchemaNames.Quote(item.Name.Name)}{onTable}",
            _ => Word(item.Kind) + " " + name,
        };
    }
}
