namespace Strata.Schema;

/// <summary>
/// What a dialect does on the schema side, one small role each (ADR 001): read a schema, render DDL, open scratch
/// databases, and — where the dialect has them — use a configured dev database, wipe a database and measure migrations.
/// A role a dialect lacks is null, so a caller finds out before calling, not by an exception.
/// </summary>
public sealed class SchemaRoles
{
    /// <summary>The dialect's name in messages: <c>PostgreSQL</c>, <c>SQLite</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Reads the schema of the dialect's database.</summary>
    public required ISchemaIntrospector Introspector { get; init; }

    /// <summary>Turns schema changes into the dialect's DDL.</summary>
    public required IDdlRenderer Renderer { get; init; }

    /// <summary>Opens empty scratch databases beside the dialect's database (the same server, or a temporary file).</summary>
    public required IScratchDatabases Scratch { get; init; }

    /// <summary>Uses a configured, empty dev database instead of scratch databases; null where the dialect has none (SQLite: its scratch databases are temporary files).</summary>
    public IDevDatabases? DevDatabase { get; init; }

    /// <summary>Empties the dialect's database (<c>strata reset</c>); null where the dialect cannot.</summary>
    public IDatabaseWipe? Wipe { get; init; }

    /// <summary>Measures what migrations do (locks, rewrites), copies the database and reads its table sizes for <c>strata lint --measure</c>; null where the dialect cannot (SQLite).</summary>
    public IMigrationMeasuring? Measuring { get; init; }

    /// <summary>The schema every database of the dialect has (<c>public</c>), or null (SQLite has no schemas).</summary>
    public string? DefaultSchema { get; init; }
}
