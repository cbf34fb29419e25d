using System.Text.Json;
using System.Text.Json.Serialization;

namespace Strata.Configuration;

/// <summary>
/// The contents of <c>strata.json</c> (camelCase property names; unknown properties are rejected with their line):
/// <code>
/// {
///   "$schema": "…",                      // optional, ignored
///   "database": "sqlite:app.db",         // URL, keyword string or SQLite path; ${NAME} expands from env and .env
///   "migrations": "migrations",          // folder, relative to this file
///   "schema": "schema.sql",              // desired schema (file or folder of .sql files), relative to this file
///   "schemaFile": "schema.sql",          // older spelling of "schema"
///   "devDatabase": "postgres://localhost/dev",  // empty PostgreSQL database for scratch work (diff, generate, verify…)
///   "unmanaged": ["server *"],           // objects the schema engine cannot model that you accept ("kind name", * wildcards)
///   "history": { "table": "strata_migrations", "schema": null },
///   "lockTimeout": 60,                   // seconds to wait for the migration lock
///   "statementLockTimeout": 5,           // PostgreSQL lock_timeout (s) of transactional migration statements; 0: none
///   "statementTimeout": 0,               // PostgreSQL statement_timeout (s) of migration statements; 0: none
///   "lockRetries": 3,                    // tries again after a statement lock timeout, with doubling pauses
///   "lockKey": 4242,                     // advisory lock key shared by several history tables (default: derived)
///   "requireTls": false,                 // refuse PostgreSQL connections to non-loopback hosts without TLS
///   "environment": "development",        // default environment name
///   "protected": false,                  // default for environments that do not say
///   "environments": {
///     "production": { "database": "${PROD_DATABASE_URL}", "migrations": "migrations", "protected": true, "requireTls": true }
///   },
///   "lint": { … },                       // kept unparsed for the linter
///   "codegen": { … },                    // kept unparsed for code generation
///   "backup": { "folder": "backups", "keep": 10, "postgresBin": null }  // strata backup / restore / migrate --backup
/// }
/// </code>
/// </summary>
internal sealed class StrataJsonDocument
{
    /// <summary>An editor schema reference; ignored.</summary>
    [JsonPropertyName("$schema")]
    public string? SchemaReference { get; set; }

    /// <summary>The default database.</summary>
    public string? Database { get; set; }

    /// <summary>The migrations folder, relative to the file.</summary>
    public string? Migrations { get; set; }

    /// <summary>How the migrations folder is laid out: <c>strata</c> (default), <c>auto</c>, or another tool's layout (docs/layouts.md).</summary>
    public string? Layout { get; set; }

    /// <summary>The desired-schema file, relative to the file.</summary>
    public string? SchemaFile { get; set; }

    /// <summary>The desired schema: a <c>.sql</c> file or a folder of them, relative to the file (wins over <see cref="SchemaFile"/>).</summary>
    public string? Schema { get; set; }

    /// <summary>An empty PostgreSQL database the schema commands may fill and empty again instead of creating scratch databases.</summary>
    public string? DevDatabase { get; set; }

    /// <summary>Patterns (<c>kind name</c>, <c>*</c> wildcards) of objects the schema engine cannot model that are accepted: not reported, no failure of <c>diff --exit-code</c>.</summary>
    public string[]? Unmanaged { get; set; }

    /// <summary>Where the history lives.</summary>
    public StrataJsonHistory? History { get; set; }

    /// <summary>Seconds to wait for the migration lock.</summary>
    public double? LockTimeout { get; set; }

    /// <summary>Seconds of PostgreSQL lock_timeout for transactional migration statements; 0 for none.</summary>
    public double? StatementLockTimeout { get; set; }

    /// <summary>Seconds of PostgreSQL statement_timeout for migration statements; 0 for none.</summary>
    public double? StatementTimeout { get; set; }

    /// <summary>Retries after a statement lock timeout.</summary>
    public int? LockRetries { get; set; }

    /// <summary>The advisory lock key.</summary>
    public long? LockKey { get; set; }

    /// <summary>True to refuse non-loopback PostgreSQL connections that do not require TLS.</summary>
    public bool? RequireTls { get; set; }

    /// <summary>The default environment name.</summary>
    public string? Environment { get; set; }

    /// <summary>Whether environments are protected unless they say otherwise.</summary>
    public bool? Protected { get; set; }

    /// <summary>Per-environment settings by name.</summary>
    public Dictionary<string, StrataJsonEnvironment>? Environments { get; set; }

    /// <summary>Linter settings, unparsed.</summary>
    public JsonElement? Lint { get; set; }

    /// <summary>Code generation settings, unparsed.</summary>
    public JsonElement? Codegen { get; set; }

    /// <summary>Backup settings (folder, keep, postgresBin), unparsed; read by <see cref="Operations.BackupSettings"/>.</summary>
    public JsonElement? Backup { get; set; }
}
