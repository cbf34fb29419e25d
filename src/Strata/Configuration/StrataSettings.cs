using System.Globalization;
using System.Text;
using System.Text.Json;
using Strata.Errors;
using Strata.History;

namespace Strata.Configuration;

/// <summary>
/// The resolved, immutable configuration of one Strata run. Built by <see cref="ConfigurationResolver.Resolve"/>
/// from the command line, environment variables, <c>.env</c>, <c>strata.json</c> and defaults; read by the CLI
/// commands and the library entry point. <see cref="ToString"/> never includes a password.
/// </summary>
public sealed class StrataSettings
{
    /// <summary>The default wait for the migration lock: 60 seconds.</summary>
    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The environment used when none is chosen.</summary>
    public const string DefaultEnvironment = "development";

    /// <summary>The database to use, or null when none is configured (commands that need one call <see cref="RequireDatabase"/>).</summary>
    public DatabaseTarget? Database { get; init; }

    /// <summary>The migrations folder, as an absolute path (it may not exist yet).</summary>
    public required string MigrationsPath { get; init; }

    /// <summary>strata.json <c>"layout"</c>: how the migrations folder is laid out (null: Strata's own).</summary>
    public string? Layout { get; init; }

    /// <summary>The environment name, e.g. <c>development</c> or <c>production</c>.</summary>
    public string Environment { get; init; } = DefaultEnvironment;

    /// <summary>
    /// True when the environment was set explicitly (<c>--env</c>, <c>STRATA_ENV</c>, <c>DOTNET_ENVIRONMENT</c> or
    /// <c>ASPNETCORE_ENVIRONMENT</c>, <c>NODE_ENV</c>); false when <see cref="Environment"/> is a default (strata.json
    /// <c>environment</c>, or <c>development</c>). Only an explicit environment runs <c>-- strata:env</c> migrations.
    /// </summary>
    public bool EnvironmentIsExplicit { get; init; }

    /// <summary>
    /// The environment names strata.json declares under <c>environments</c>, or null when it declares none (then
    /// <c>-- strata:env</c> names are not checked).
    /// </summary>
    public IReadOnlyList<string>? DeclaredEnvironments { get; init; }

    /// <summary>True when the environment is marked <c>protected</c>: destructive commands (push, reset, redo) refuse.</summary>
    public bool Protected { get; init; }

    /// <summary>Where the history lives.</summary>
    public HistoryTableName History { get; init; } = new();

    /// <summary>How long to wait for the migration lock.</summary>
    public TimeSpan LockTimeout { get; init; } = DefaultLockTimeout;

    /// <summary>PostgreSQL lock_timeout for transactional migration statements (default 5 s); null for none.</summary>
    public TimeSpan? StatementLockTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>PostgreSQL statement_timeout for migration statements; null (default) for none.</summary>
    public TimeSpan? StatementTimeout { get; init; }

    /// <summary>How often a migration that hit the statement lock timeout is tried again (default 3).</summary>
    public int LockRetries { get; init; } = 3;

    /// <summary>The advisory lock key, or null to derive it from the history table's schema and name.</summary>
    public long? LockKey { get; init; }

    /// <summary>
    /// True (<c>--require-tls</c>, <c>"requireTls": true</c> in strata.json) when a PostgreSQL connection to a
    /// non-loopback host must require TLS: <see cref="RequireDatabase"/> then refuses one whose <c>sslmode</c> is
    /// disable, allow, prefer or unset, instead of the warning it otherwise draws. Loopback and Unix sockets are exempt.
    /// </summary>
    public bool RequireTls { get; init; }

    /// <summary>
    /// An empty PostgreSQL database for scratch work (<c>--dev-database</c>, <c>STRATA_DEV_DATABASE_URL</c>, strata.json
    /// <c>devDatabase</c>), or null: the schema commands then create temporary databases next to <see cref="Database"/>.
    /// </summary>
    public DatabaseTarget? DevDatabase { get; init; }

    /// <summary>The desired-schema file (<c>schema.sql</c>) as an absolute path, or null when not configured.</summary>
    public string? SchemaFile { get; init; }

    /// <summary>The default desired-schema location, relative to <c>strata.json</c> (or the working directory without one).</summary>
    public const string DefaultSchemaPath = "schema.sql";

    /// <summary>
    /// The desired schema as an absolute path: a <c>.sql</c> file or a folder of them (strata.json <c>schema</c>, or
    /// <c>schemaFile</c>); <see cref="DefaultSchemaPath"/> next to strata.json when neither is set. It may not exist yet
    /// (<c>pull</c> creates it). Read by <c>diff</c>, <c>generate</c>, <c>push</c> and <c>pull</c>.
    /// </summary>
    public string SchemaPath { get; init; } = DefaultSchemaPath;

    /// <summary>
    /// Objects the schema engine cannot model that the user accepts (strata.json <c>unmanaged</c>): patterns
    /// <c>kind name</c> with <c>*</c> wildcards, e.g. <c>server *</c>. Others are reported as "not managed" by pull,
    /// diff and generate, and make <c>diff --exit-code</c> exit 3.
    /// </summary>
    public IReadOnlyList<string> Unmanaged { get; init; } = [];

    /// <summary>The absolute path of the <c>strata.json</c> that was read, or null when none was.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>The <c>lint</c> section of <c>strata.json</c>, unparsed, or null.</summary>
    public JsonElement? Lint { get; init; }

    /// <summary>The <c>codegen</c> section of <c>strata.json</c>, unparsed, or null.</summary>
    public JsonElement? Codegen { get; init; }

    /// <summary>The <c>backup</c> section of <c>strata.json</c>, unparsed, or null; read by <see cref="Operations.BackupSettings.From"/>.</summary>
    public JsonElement? Backup { get; init; }

    /// <summary>Where each value came from, in a fixed order, for <c>--verbose</c>; contains no values, only sources.</summary>
    public IReadOnlyList<SettingOrigin> Origins { get; init; } = [];

    /// <summary>
    /// The host <see cref="Database"/> may reach without TLS, as its dialect tells (<see cref="IConnectionSyntax.Unencrypted"/>),
    /// or null; set by <see cref="ConfigurationResolver"/>, refused by <see cref="RequireDatabase"/> when <see cref="RequireTls"/> is set.
    /// </summary>
    public UnencryptedConnection? Unencrypted { get; init; }

    /// <summary>
    /// Things the user should know but that do not stop the run (a password on the command line, a remote
    /// connection without TLS). The CLI prints them to stderr; they contain no passwords.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// The database, for commands that need one; called before connecting. Throws <see cref="ConfigurationException"/>
    /// "no database configured" with a hint listing every way to configure one when <see cref="Database"/> is null,
    /// and <see cref="DatabaseUnavailableException"/> (exit 5) naming the host when <see cref="RequireTls"/> is set
    /// and the connection would not require TLS.
    /// </summary>
    public DatabaseTarget RequireDatabase()
    {
        var database = Database ?? throw new ConfigurationException(
            "no database configured",
            "pass --database <url>, set DATABASE_URL (postgres://user@host:5432/db or sqlite:app.db), set "
            + "POSTGRES_HOST/POSTGRES_DB or the libpq PGHOST/PGDATABASE variables, set DB_PATH to a SQLite file, "
            + "add \"database\" to strata.json, or run `strata init` to create a SQLite setup");
        if (RequireTls && Unencrypted is { } plaintext)
        {
            throw new DatabaseUnavailableException(
                $"refused to connect to {plaintext.Host} without TLS (sslmode {plaintext.Mode}): TLS is required (--require-tls or \"requireTls\" in strata.json)",
                "add sslmode=verify-full and sslrootcert=<CA file> to the database URL (or at least sslmode=require), "
                + "or connect through a loopback address or Unix socket");
        }

        return database;
    }

    /// <summary>A one-line summary for logs and <c>--verbose</c>: database display name, environment, paths. No password.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("database=").Append(Database?.DisplayName ?? "(none)");
        text.Append("; environment=").Append(Environment).Append(EnvironmentIsExplicit ? "" : " (default)").Append(Protected ? " (protected)" : "");
        text.Append("; migrations=").Append(MigrationsPath);
        text.Append("; history=").Append(History);
        text.Append("; lockTimeout=").Append(LockTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)).Append('s');
        if (RequireTls)
        {
            text.Append("; requireTls");
        }

        if (SchemaFile is not null)
        {
            text.Append("; schemaFile=").Append(SchemaFile);
        }

        text.Append("; config=").Append(ConfigFile ?? "(none)");
        return text.ToString();
    }
}
