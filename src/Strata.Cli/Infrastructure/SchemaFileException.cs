using Strata.Errors;

namespace Strata.Cli.Infrastructure;

/// <summary>
/// A desired-schema file (<c>schema.sql</c> or one of a folder's files) failed on the scratch database. Bad input
/// (exit 2), not a failed migration: nothing but a throw-away database was touched. The server's failure, with its
/// file position and SQLSTATE, is <see cref="Failure"/>; the error renderer shows it with the source line and a caret.
/// </summary>
internal sealed class SchemaFileException(MigrationFailedException failure) : StrataException(
    ErrorCategory.BadInput,
    $"the schema file failed on the scratch database at {failure.Location}: {(failure.SqlState is null ? "" : $"SQLSTATE {failure.SqlState}: ")}{failure.ServerMessage}",
    "fix the SQL in the schema file: it is the database's own DDL, run as written",
    failure)
{
    public MigrationFailedException Failure => failure;
}
