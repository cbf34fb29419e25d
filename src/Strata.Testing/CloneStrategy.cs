namespace Strata.Testing;

/// <summary>
/// The <c>STRATEGY</c> of PostgreSQL's <c>CREATE DATABASE … TEMPLATE</c> (PostgreSQL 15+). Chosen through
/// <see cref="TestDatabaseOptions.CloneStrategy"/>; figures behind the default are in docs/adr/008-test-databases.md.
/// </summary>
public enum CloneStrategy
{
    /// <summary>No STRATEGY clause: the server's default (WAL_LOG on 15+); works on every version.</summary>
    ServerDefault,

    /// <summary>Copies block by block through the WAL; no checkpoint. Fastest for small and medium templates.</summary>
    WalLog,

    /// <summary>Copies the files after a checkpoint; pays two checkpoints per clone, so it only wins for big templates on idle servers.</summary>
    FileCopy,
}
