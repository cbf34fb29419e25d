using System.Globalization;
using Strata.Errors;
using Strata.Sources;

namespace Strata.Execution;

/// <summary>
/// A migration that failed because what it creates is already there: typically the change was made on the database
/// another way first (<c>strata push</c> on a dev database, or by hand), so the migration itself is not wrong.
/// </summary>
internal static class AlreadyExists
{
    /// <summary>PostgreSQL's duplicate_table, duplicate_object, duplicate_column, duplicate_schema and duplicate_function.</summary>
    private static readonly string[] States = ["42P07", "42710", "42701", "42P06", "42723"];

    /// <summary>True for PostgreSQL's duplicate-object SQLSTATEs and SQLite's "… already exists" and "duplicate column name".</summary>
    public static bool Matches(MigrationFailedException error) => error.SqlState is { } state
        ? States.Contains(state, StringComparer.Ordinal)
        : error.ServerMessage.Contains(" already exists", StringComparison.Ordinal) || error.ServerMessage.Contains("duplicate column name", StringComparison.Ordinal);

    /// <summary>The way out, naming the migration's version for <c>strata mark-applied</c>.</summary>
    public static string Hint(Migration migration) =>
        $"the database already has what {migration.DisplayName} creates (made by `strata push` or by hand?). If it already holds all of this migration, "
        + $"record it as applied with `strata mark-applied {migration.Version?.ToString(CultureInfo.InvariantCulture)}`; otherwise start from a fresh dev database (`strata reset`, development only)";
}
