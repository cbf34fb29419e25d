namespace Strata.Bench.Scenarios;

/// <summary>What a <see cref="SchemaCommandScenario"/> times.</summary>
internal enum SchemaCommand
{
    /// <summary><c>pg_dump --schema-only</c>, the yardstick.</summary>
    Dump,

    /// <summary><c>strata diff --exit-code</c> of a database against its own pulled schema.sql.</summary>
    Diff,

    /// <summary><c>strata push --yes</c> of schema.sql into an empty database.</summary>
    Push,

    /// <summary>
    /// <c>psql -1 -f</c> of the very script push runs (<c>strata push --dry-run</c>) into an empty database: the
    /// server's own time for push's DDL in one transaction, the floor of <see cref="Push"/> (ADR 026).
    /// </summary>
    PushScriptByPsql,
}
