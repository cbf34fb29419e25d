using Strata.Schema;

namespace Strata.Cli.Infrastructure;

/// <summary>
/// The schema commands' library (<see cref="SchemaWorkspace"/>) on the configured database: options from the resolved
/// settings, notes, warnings and (with <c>--verbose</c>) the timings on stderr; and the desired schema files read with
/// their paths shown relative to the working directory.
/// </summary>
internal static class Workspaces
{
    /// <summary>
    /// A workspace on the configured database. With <paramref name="missingDatabaseIsEmpty"/> (push, diff) an SQLite file
    /// that does not exist yet reads as an empty schema, with a note naming it.
    /// </summary>
    public static SchemaWorkspace Open(CommandContext ctx, bool missingDatabaseIsEmpty = false) => new(
        ctx.CreateDialect(ctx.Database),
        new SchemaWorkspaceOptions
        {
            DisplayName = ctx.DatabaseDisplay,
            Migrator = ctx.MigratorOptions,
            DevDatabase = ctx.DevDatabase,
            MissingDatabaseIsEmpty = missingDatabaseIsEmpty,
            AcceptedUnmanaged = ctx.Settings.Unmanaged,
            Observer = new TerminalSchemaObserver(ctx.Terminal),
        });

    /// <summary>
    /// The configured database's SQLite folder checked (exit 2 when it does not exist), for commands that read the
    /// database.
    /// </summary>
    public static void RequireDatabaseFolder(CommandContext ctx) => SqliteFolder.Require(ctx.Database, ctx.Settings, ctx.Host.WorkingDirectory);

    /// <summary>Reads the desired schema at <paramref name="path"/>, warning about each file's data statements (schema files are compared by structure).</summary>
    public static SchemaFiles Files(CommandContext ctx, string path)
    {
        var files = SchemaFiles.Read(path, p => Output.RunRenderer.Relative(ctx, p));
        foreach (var statement in files.DataStatements(ctx.Dialect))
        {
            ctx.Terminal.Warning(
                $"{statement}: a data statement in the declared schema; schema files are compared by structure (tables, columns, "
                + "indexes, …), so diff, generate and push leave rows out. Put data in a migration (strata new <slug>; "
                + "-- strata:env development for demo data)");
        }

        return files;
    }

    /// <summary>
    /// Empties the configured database for <c>strata reset</c> through its dialect's wipe role (PostgreSQL: every
    /// non-system schema dropped, an empty <c>public</c>; SQLite: the file and its journals deleted).
    /// </summary>
    public static Task WipeAsync(CommandContext ctx, CancellationToken cancellationToken)
    {
        var roles = ((ISchemaDialect)ctx.CreateDialect(ctx.Database)).SchemaRoles;
        var wipe = roles.Wipe ?? throw new Errors.StrataException(Errors.ErrorCategory.BadInput, $"reset cannot empty {ctx.DatabaseDisplay}: {roles.Name} databases cannot be wiped", "drop and recreate the database by hand, then run strata migrate");
        return wipe.WipeAsync(ctx.DatabaseDisplay, cancellationToken);
    }

    /// <summary>The migrations for the scratch database, or null when the migrations folder does not exist (an empty state).</summary>
    public static Sources.IMigrationSource? Migrations(CommandContext ctx) => Directory.Exists(ctx.Settings.MigrationsPath) ? ctx.Source : null;
}
