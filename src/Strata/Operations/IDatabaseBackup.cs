namespace Strata.Operations;

/// <summary>
/// A dialect's backup role for one configured database: PostgreSQL through <c>pg_dump -Fc</c> and <c>pg_restore</c>,
/// SQLite through its online backup API. <see cref="BackupFolder"/> names, keeps and prunes the files; the role only
/// copies bytes in and out. Failures are <see cref="Errors.StrataException"/>s whose messages name the file and never a
/// password: a missing or too old client program or a bad file is bad input (exit 2), an unreachable server is
/// <see cref="Errors.DatabaseUnavailableException"/> (exit 5), a restore the database refused is a failed change (exit 4).
/// </summary>
public interface IDatabaseBackup
{
    /// <summary>The database's name as backups are named after it: the PostgreSQL database, or the SQLite file's name without extension.</summary>
    string DatabaseName { get; }

    /// <summary>The file extension of this dialect's backups, with its dot: <c>.dump</c> (pg_dump custom format) or <c>.sqlite</c>.</summary>
    string Extension { get; }

    /// <summary>
    /// Writes a consistent copy of the whole database (schema and rows) to <paramref name="path"/>, which must not exist.
    /// The database stays usable while it runs.
    /// </summary>
    Task BackupAsync(string path, CancellationToken cancellationToken);

    /// <summary>
    /// Throws <see cref="Errors.StrataException"/> (bad input) naming <paramref name="path"/> unless it is a backup this
    /// dialect can restore; reads only the file.
    /// </summary>
    void CheckFile(string path);

    /// <summary>
    /// Restores the backup at <paramref name="path"/>: into a new database (<see cref="RestoreOptions.Into"/>, or a name
    /// derived from the configured one), or over the configured database with <see cref="RestoreOptions.Replace"/>.
    /// Never touches an existing database without <see cref="RestoreOptions.Replace"/>.
    /// </summary>
    Task<RestoreResult> RestoreAsync(string path, RestoreOptions options, CancellationToken cancellationToken);
}
