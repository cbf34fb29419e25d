using System.CommandLine;
using Strata.Configuration;

namespace Strata.Cli.Infrastructure;

/// <summary>The options every command accepts (product.md "Global options").</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Database { get; } = new("--database", "-d")
    {
        Description = "Database URL: postgres://user@host:5432/db, sqlite:path/to.db, or a PostgreSQL keyword string (Host=…;Database=… or host=… dbname=…). Overrides DATABASE_URL and strata.json. Prefer DATABASE_URL or a password file for passwords.",
        HelpName = "url",
        Recursive = true,
    };

    public Option<string?> PasswordFile { get; } = new("--password-file")
    {
        Description = "Read the PostgreSQL password from this file (one trailing newline is ignored; keep it chmod 600). Replaces a password in the database URL; safer than a password on the command line.",
        HelpName = "file",
        Recursive = true,
    };

    public Option<bool> RequireTls { get; } = new("--require-tls")
    {
        Description = "Refuse (exit 5) a PostgreSQL connection to a non-loopback host unless its sslmode requires TLS (require, verify-ca, verify-full); without it such a connection only draws a warning. Also: \"requireTls\": true in strata.json.",
        Recursive = true,
    };

    public Option<string?> Config { get; } = new("--config", "-c")
    {
        Description = "Configuration file (default: strata.json in the current folder, if present).",
        HelpName = "file",
        Recursive = true,
    };

    public Option<string?> Environment { get; } = new("--env", "-e")
    {
        Description = "Environment name (else STRATA_ENV, DOTNET_ENVIRONMENT/ASPNETCORE_ENVIRONMENT, NODE_ENV; else strata.json \"environment\" or development as a default). Picks the strata.json environment; -- strata:env migrations run only when it was set, not by default.",
        HelpName = "name",
        Recursive = true,
    };

    public Option<string?> Migrations { get; } = new("--migrations", "-m")
    {
        Description = "Migrations folder (default: migrations).",
        HelpName = "dir",
        Recursive = true,
    };

    public Option<int?> LockTimeout { get; } = new("--lock-timeout")
    {
        Description = "Seconds to wait for another runner's migration lock before exiting with code 5 (default 60).",
        HelpName = "seconds",
        Recursive = true,
    };

    public Option<long?> LockKey { get; } = new("--lock-key")
    {
        Description = "PostgreSQL advisory lock key (default: derived from the history table's schema and name). Give several history tables the same key to run their migrations one at a time.",
        HelpName = "number",
        Recursive = true,
    };

    public Option<double?> StatementLockTimeout { get; } = new("--statement-lock-timeout")
    {
        Description = "PostgreSQL lock_timeout, in seconds, for the statements of transactional migrations (default 5; 0: none). A migration stuck behind a long transaction fails fast instead of blocking every reader of the table, and is retried.",
        HelpName = "seconds",
    };

    public Option<double?> StatementTimeout { get; } = new("--statement-timeout")
    {
        Description = "PostgreSQL statement_timeout, in seconds, for each migration statement (default: none).",
        HelpName = "seconds",
    };

    public Option<int?> LockRetries { get; } = new("--lock-retries")
    {
        Description = "How often a migration that hit the statement lock timeout is tried again, with pauses of 1, 2, 4… seconds (default 3).",
        HelpName = "N",
    };

    public Option<string?> DevDatabase { get; } = new("--dev-database")
    {
        Description = "An empty PostgreSQL database (URL or keyword string) to use for scratch work instead of creating temporary databases next to the target; Strata empties it again afterwards. Also STRATA_DEV_DATABASE_URL or \"devDatabase\" in strata.json.",
        HelpName = "url",
    };

    public Option<string?> MaxFileSize { get; } = new("--max-file-size")
    {
        Description = "Refuse migration files larger than this (e.g. 300MB; units are powers of 1024) before reading them, with exit code 2 (default: no limit; files above 8 MiB are streamed, not held in memory).",
        HelpName = "size",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json") { Description = "Machine-readable JSON on stdout.", Recursive = true };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Explain where settings came from; show stack traces of internal errors.", Recursive = true };

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Print only errors.", Recursive = true };

    public Option<bool> NoColor { get; } = new("--no-color") { Description = "Plain text output without colours (also: NO_COLOR).", Recursive = true };

    public Option<bool> Yes { get; } = new("--yes", "-y") { Description = "Answer yes to confirmation prompts (needed for risky commands on protected environments when not interactive).", Recursive = true };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Database, PasswordFile, RequireTls, Config, Environment, Migrations, LockTimeout, LockKey, MaxFileSize, Json, Verbose, Quiet, NoColor, Yes })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The options that shape how migration statements run: for migrate, rollback and redo.</summary>
    public void AddStatementOptionsTo(Command command)
    {
        command.Options.Add(StatementLockTimeout);
        command.Options.Add(StatementTimeout);
        command.Options.Add(LockRetries);
    }

    /// <summary>The option of commands that need a scratch database: diff, generate, push, dump, verify, lint.</summary>
    public void AddScratchOptionsTo(Command command) => command.Options.Add(DevDatabase);

    private static TimeSpan? Seconds(ParseResult result, Option<double?> option)
    {
        if (!result.CommandResult.Command.Options.Contains(option) || result.GetValue(option) is not { } seconds)
        {
            return null;
        }

        return double.IsFinite(seconds) && seconds is >= 0 and <= 86_400
            ? TimeSpan.FromSeconds(seconds)
            : throw new Errors.StrataException(Errors.ErrorCategory.BadInput, $"{option.Name} must be a number of seconds from 0 to 86400 (got {seconds})", "0 turns it off");
    }

    public ConfigurationOverrides ToOverrides(ParseResult result)
    {
        var lockTimeout = result.GetValue(LockTimeout);
        if (lockTimeout is < 0)
        {
            throw new Errors.StrataException(Errors.ErrorCategory.BadInput, $"--lock-timeout must be 0 or more seconds (got {lockTimeout})");
        }

        return new ConfigurationOverrides
        {
            Database = result.GetValue(Database),
            ConfigFile = result.GetValue(Config),
            Environment = result.GetValue(Environment),
            MigrationsPath = result.GetValue(Migrations),
            LockTimeout = lockTimeout is { } s ? TimeSpan.FromSeconds(s) : null,
            LockKey = result.GetValue(LockKey),
            StatementLockTimeout = Seconds(result, StatementLockTimeout),
            StatementTimeout = Seconds(result, StatementTimeout),
            LockRetries = result.CommandResult.Command.Options.Contains(LockRetries) ? result.GetValue(LockRetries) : null,
            PasswordFile = result.GetValue(PasswordFile),
            RequireTls = result.GetValue(RequireTls) ? true : null,
            DevDatabase = result.CommandResult.Command.Options.Contains(DevDatabase) ? result.GetValue(DevDatabase) : null,
        };
    }
}
