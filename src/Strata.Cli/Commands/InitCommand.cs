using System.CommandLine;
using Spectre.Console;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output.Json;
using Strata.Errors;

namespace Strata.Cli.Commands;

/// <summary><c>strata init</c>: a strata.json and an empty migrations folder, SQLite by default.</summary>
internal static class InitCommand
{
    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var command = new Command("init", "Create strata.json (SQLite file app.db by default; --database to choose) and an empty migrations folder here, then print the next steps.");
        command.SetAction(parse =>
        {
            var ctx = context(parse);
            var folder = ctx.Host.WorkingDirectory;
            var config = Path.Combine(folder, "strata.json");
            if (File.Exists(config))
            {
                throw new StrataException(ErrorCategory.BadInput, $"{config} already exists; init changes nothing", "edit it, or delete it to start over");
            }

            // A database the environment or .env already names (DATABASE_URL, POSTGRES_*, PG*, DB_PATH) is the one every
            // command will use: strata.json then names none, rather than a SQLite file nothing would open.
            var fromEnvironment = ctx.DatabaseOption is null && EnvironmentNamesDatabase(ctx);
            var database = ctx.DatabaseOption ?? "sqlite:app.db";
            var storedDatabase = HasPassword(database) ? "${DATABASE_URL}" : database;
            var databaseLine = fromEnvironment ? "" : $"\n  \"database\": \"{Escape(storedDatabase)}\",";
            File.WriteAllText(config, $$"""
                {{{databaseLine}}
                  "migrations": "migrations",
                  "history": { "table": "strata_migrations" },
                  "environments": {
                    "development": {},
                    "production": { "database": "${DATABASE_URL}", "protected": true }
                  }
                }

                """);
            Directory.CreateDirectory(Path.Combine(folder, "migrations"));
            var t = ctx.Terminal;
            var used = DatabaseInUse(ctx, fromEnvironment ? null : storedDatabase);
            if (t.Json)
            {
                t.WriteJson(new MessageJson("init", "created; " + used, ["strata.json", "migrations/"]), CliJsonContext.Default.MessageJson);
                return ExitCodes.Success;
            }

            t.Line($"[green]{t.Tick}[/] created strata.json and migrations/");
            if (!fromEnvironment && storedDatabase != database)
            {
                t.Warning("the database URL holds a password, so strata.json reads it from DATABASE_URL instead of storing it");
            }

            t.Line(Markup.Escape(used));

            t.Line("Next steps:");
            t.Line("  strata new create_users      [grey]# writes migrations/<timestamp>_create_users.sql[/]");
            t.Line("  [grey]edit the file: SQL on top, the undo after a line '-- strata:down'[/]");
            t.Line("  strata migrate               [grey]# applies it[/]");
            t.Line("  strata status                [grey]# exits 3 while anything is pending: use it as a CI gate[/]");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Which database the commands run here will use, and why, resolved as they resolve it: a DATABASE_URL (or
    /// POSTGRES_*, PG*, DB_PATH) in the environment or .env comes before strata.json, and init says so.
    /// </summary>
    private static string DatabaseInUse(CommandContext ctx, string? stored)
    {
        try
        {
            var settings = ctx.SettingsWithoutDatabaseOption();
            var origin = settings.Origins.LastOrDefault(o => o.Setting == "database")?.Source ?? "none";
            var source = origin.Split(';')[0].Split(", agreeing")[0];
            return settings.Database is not { } database ? "No database is configured yet."
                : origin.StartsWith("strata.json", StringComparison.Ordinal) ? $"Commands here will use {ctx.Display(database)} ({source})."
                : stored is null || stored.Contains("${", StringComparison.Ordinal)
                    ? $"Commands here will use {ctx.Display(database)}, from {source}; strata.json names no database of its own, so set one there (or pass --database to init) to work without it."
                : $"strata.json names {stored}; commands here will use {ctx.Display(database)} instead, from {source}: environment variables and .env "
                  + $"come before strata.json (unset {source.Split(" (")[0]} to use strata.json's; docs/configuration.md).";
        }
        catch (ConfigurationException e)
        {
            return $"Commands here will stop until the configuration is fixed: {e.Message}";
        }
    }

    private static bool EnvironmentNamesDatabase(CommandContext ctx)
    {
        try
        {
            return ctx.SettingsWithoutDatabaseOption().Database is not null;
        }
        catch (ConfigurationException)
        {
            return false; // said after the file is written, by DatabaseInUse
        }
    }

    private static bool HasPassword(string database) =>
        database.Contains("password=", StringComparison.OrdinalIgnoreCase)
        || (database.Contains("://", StringComparison.Ordinal) && database.Split("://")[1].Split('@') is { Length: > 1 } parts && parts[0].Contains(':', StringComparison.Ordinal));

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
