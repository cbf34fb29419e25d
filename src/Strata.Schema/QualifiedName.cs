namespace Strata.Schema;

/// <summary>
/// The name of a schema object: an optional schema (null on SQLite, and for objects that are not in a schema, such as
/// extensions and schemas themselves) and the object's own name. Ordered ordinally by schema, then name, so every
/// rendering that sorts by it is deterministic.
/// </summary>
/// <param name="Schema">The schema, e.g. <c>public</c>; null when the engine has none.</param>
/// <param name="Name">The unquoted object name.</param>
public readonly record struct QualifiedName(string? Schema, string Name) : IComparable<QualifiedName>
{
    /// <summary>Orders by schema, then name, ordinally (null schema first).</summary>
    public int CompareTo(QualifiedName other)
    {
        var bySchema = string.CompareOrdinal(Schema, other.Schema);
        return bySchema != 0 ? bySchema : string.CompareOrdinal(Name, other.Name);
    }

    /// <summary>Ordinal order.</summary>
    public static bool operator <(QualifiedName left, QualifiedName right) => left.CompareTo(right) < 0;

    /// <summary>Ordinal order.</summary>
    public static bool operator >(QualifiedName left, QualifiedName right) => left.CompareTo(right) > 0;

    /// <summary>Ordinal order.</summary>
    public static bool operator <=(QualifiedName left, QualifiedName right) => left.CompareTo(right) <= 0;

    /// <summary>Ordinal order.</summary>
    public static bool operator >=(QualifiedName left, QualifiedName right) => left.CompareTo(right) >= 0;

    /// <summary><c>schema.name</c>, or <c>name</c> without a schema; unquoted, for messages.</summary>
    public override string ToString() => Schema is null ? Name : Schema + "." + Name;
}
