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
///   "schemaFile": "schema.sql",          // desired schema, relative to this file
///   "history": { "table": "strata_migrations", "schema": null },
///   "lockTimeout": 60,                   // seconds to wait for the migration lock
///   "environment": "development",        // default environment name
///   "protected": false,                  // default for environments that do not say
///   "environments": {
///     "production": { "database": "${PROD_DATABASE_URL}", "migrations": "migrations", "protected": true }
///   },
///   "lint": { … },                       // kept unparsed for the linter
///   "codegen": { … }                     // kept unparsed for code generation
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

    /// <summary>The desired-schema file, relative to the file.</summary>
    public string? SchemaFile { get; set; }

    /// <summary>Where the history lives.</summary>
    public StrataJsonHistory? History { get; set; }

    /// <summary>Seconds to wait for the migration lock.</summary>
    public double? LockTimeout { get; set; }

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
}
