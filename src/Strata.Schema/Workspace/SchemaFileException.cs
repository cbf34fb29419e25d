using Strata.Errors;

namespace Strata.Schema;

/// <summary>
/// A desired-schema file (<c>schema.sql</c> or one of a folder's files) failed on the scratch database. Bad input
/// (exit 2), not a failed migration: nothing but a throw-away database was touched. The server's failure, with its
/// file position and SQLSTATE, is <see cref="Failure"/>.
/// </summary>
public sealed class SchemaFileException : StrataException
{
    /// <summary>Wraps the failure of applying a schema file.</summary>
    /// <param name="failure">The statement's failure on the scratch database.</param>
    public SchemaFileException(MigrationFailedException failure)
        : base(
            ErrorCategory.BadInput,
            $"the schema file failed on the scratch database at {failure?.Location}: {(failure?.SqlState is null ? "" : $"SQLSTATE {failure.SqlState}: ")}{failure?.ServerMessage}",
            "fix the SQL in the schema file: it is the database's own DDL, run as written",
            failure)
    {
        Failure = failure!;
    }

    /// <summary>The statement's failure on the scratch database (file, line, SQLSTATE, server message).</summary>
    public MigrationFailedException Failure { get; }
}
