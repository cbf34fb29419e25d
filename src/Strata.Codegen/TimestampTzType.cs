namespace Strata.Codegen;

/// <summary>The C# type of a PostgreSQL <c>timestamp with time zone</c> column.</summary>
public enum TimestampTzType
{
    /// <summary><see cref="System.DateTime"/> of kind UTC: what Npgsql reads by default.</summary>
    DateTime,

    /// <summary><see cref="System.DateTimeOffset"/> with offset zero (Npgsql reads and writes it with offset 0 only).</summary>
    DateTimeOffset,
}
