using Strata.Errors;
using Strata.History;

namespace Strata.Configuration;

/// <summary>
/// Resolves the configuration of a run. Called once by the CLI (with the real environment and working directory)
/// and by tests (with made-up ones); it reads only the <c>.env</c> and <c>strata.json</c> files, never the process
/// environment itself. Precedence, highest first: command line (<see cref="ConfigurationOverrides"/>), process
/// environment variables, <c>.env</c> in the working directory (variable by variable, under the process
/// environment), <c>strata.json</c> (the chosen environment's section over the top level), defaults.
/// <list type="bullet">
/// <item>Database: <c>--database</c>; <c>DATABASE_URL</c>, the dialects' variables (<c>POSTGRES_*</c>, <c>PG*</c>, <c>DB_PATH</c>); strata.json;
/// none (commands that need one call <see cref="StrataSettings.RequireDatabase"/>).</item>
/// <item>Environment: <c>--env</c> &gt; <c>STRATA_ENV</c> &gt; strata.json <c>environment</c> &gt; <c>development</c>.
/// A chosen name that strata.json's <c>environments</c> does not declare is an error listing the known names.</item>
/// <item>Password (PostgreSQL): <c>--password-file</c>; the password inside the chosen database setting; <c>PGPASSWORD</c>;
/// else Npgsql's password file lookup (the dialect's <see cref="IConnectionSyntax.ApplyCredentials"/>).</item>
/// <item>Relative paths from strata.json resolve against its folder; from the command line and environment, against
/// the working directory.</item>
/// </list>
/// Every problem is a <see cref="ConfigurationException"/> naming the file, line or variable at fault; none contains a password.
/// </summary>
public static class ConfigurationResolver
{
    private const string MigrationsDefault = "migrations";

    /// <summary>
    /// Resolves the settings; see the type's summary for the rules. Database values are parsed by the dialects of
    /// <paramref name="dialects"/> (<see cref="DatabaseUrl.Parse"/>).
    /// </summary>
    public static StrataSettings Resolve(ConfigurationOverrides overrides, IReadOnlyDictionary<string, string> environment, string workingDirectory, DialectSet dialects)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(workingDirectory);
        ArgumentNullException.ThrowIfNull(dialects);
        var cwd = Path.GetFullPath(workingDirectory);
        var origins = new List<SettingOrigin>();
        var variables = new EnvironmentVariables(environment, ReadDotEnv(cwd, origins));
        var json = LoadJson(overrides.ConfigFile, cwd, origins);
        var (name, environmentIsExplicit) = EnvironmentName.Resolve(overrides, variables, json, origins);
        var layers = new Layers(overrides, variables, json, json?.EnvironmentSection(name), name, cwd, dialects);
        var warnings = new List<string>();
        var configured = ResolveDatabase(layers, origins, out var databaseOrigin);
        var passwordOnCommandLine = databaseOrigin == "--database" && configured?.Password is not null;
        var database = CredentialSources.Apply(configured, dialects, new CredentialSources(overrides.PasswordFile, variables, databaseOrigin, cwd, warnings), out var passwordOrigin);
        if (passwordOrigin is not null)
        {
            origins.Add(new SettingOrigin("password", passwordOrigin));
        }

        var migrations = ResolveMigrations(layers, origins);
        var devDatabase = ResolveDevDatabase(layers, origins);
        string? schemaFile = null;
        var isProtected = Flag(layers, origins, "protected", null, layers.Section?.Protected, json?.Document.Protected);
        var requireTls = Flag(layers, origins, "requireTls", overrides.RequireTls, layers.Section?.RequireTls, json?.Document.RequireTls);
        return new StrataSettings
        {
            Database = database,
            DevDatabase = devDatabase,
            Environment = name,
            EnvironmentIsExplicit = environmentIsExplicit,
            DeclaredEnvironments = json?.Document.Environments?.Keys.Order(StringComparer.Ordinal).ToList(),
            MigrationsPath = migrations,
            Layout = json?.Document.Layout,
            Protected = isProtected,
            RequireTls = requireTls,
            History = ResolveHistory(layers, origins),
            LockTimeout = ResolveLockTimeout(layers, origins),
            StatementLockTimeout = SettingValues.Seconds(json?.Path, origins, "statementLockTimeout", layers.Overrides.StatementLockTimeout, json?.Document.StatementLockTimeout, TimeSpan.FromSeconds(5)),
            StatementTimeout = SettingValues.Seconds(json?.Path, origins, "statementTimeout", layers.Overrides.StatementTimeout, json?.Document.StatementTimeout, null),
            LockRetries = (int)SettingValues.Whole(origins, "lockRetries", layers.Overrides.LockRetries, layers.Json?.Document.LockRetries, 3, 0, 100)!.Value,
            LockKey = SettingValues.Whole(origins, "lockKey", layers.Overrides.LockKey, layers.Json?.Document.LockKey, null, long.MinValue, long.MaxValue),
            SchemaFile = schemaFile = ResolveSchemaFile(layers, origins, warnings),
            SchemaPath = schemaFile ?? Path.GetFullPath(Path.Combine(json?.Directory ?? cwd, StrataSettings.DefaultSchemaPath)),
            ConfigFile = json?.Path,
            Unmanaged = json?.Document.Unmanaged ?? [],
            Lint = LintSection(json, origins),
            Codegen = json?.Document.Codegen,
            Backup = json?.Document.Backup,
            Origins = origins,
            Unencrypted = database is null ? null : dialects.Syntax(database).Unencrypted(database),
            Warnings = [.. ConnectionWarnings.For(database, dialects, passwordOnCommandLine, requireTls), .. warnings],
        };
    }

    internal static IReadOnlyDictionary<string, string> ReadDotEnv(string cwd, List<SettingOrigin> origins)
    {
        var variables = Guard(() => DotEnvFile.Load(cwd, out _), Path.Combine(cwd, DotEnvFile.FileName));
        if (File.Exists(Path.Combine(cwd, DotEnvFile.FileName)))
        {
            origins.Add(new SettingOrigin(".env", Path.Combine(cwd, DotEnvFile.FileName)));
        }

        return variables;
    }

    internal static StrataJsonFile? LoadJson(string? configFile, string cwd, List<SettingOrigin> origins)
    {
        if (configFile is not null)
        {
            var path = Path.GetFullPath(Path.Combine(cwd, configFile));
            if (!File.Exists(path))
            {
                throw new ConfigurationException(
                    $"the configuration file {path} (from --config) {(Directory.Exists(path) ? "is a folder" : "does not exist")}",
                    "check the --config path, or leave --config out to use strata.json in the working directory");
            }

            origins.Add(new SettingOrigin("config", "--config"));
            return Guard(() => StrataJsonFile.Load(path), path);
        }

        var defaultPath = Path.Combine(cwd, StrataJsonFile.FileName);
        if (!File.Exists(defaultPath))
        {
            origins.Add(new SettingOrigin("config", "none (no strata.json in the working directory)"));
            return null;
        }

        origins.Add(new SettingOrigin("config", "strata.json in the working directory"));
        return Guard(() => StrataJsonFile.Load(defaultPath), defaultPath);
    }

    private static DatabaseTarget? ResolveDatabase(Layers layers, List<SettingOrigin> origins, out string origin)
    {
        DatabaseTarget? target;
        if (layers.Overrides.Database is { } fromCli)
        {
            origin = "--database";
            target = Prefixed("--database", () => DatabaseUrl.Parse(fromCli, layers.WorkingDirectory, layers.Dialects));
        }
        else
        {
            target = EnvironmentDatabase.Resolve(layers.Variables, layers.WorkingDirectory, layers.Dialects, out origin)
                ?? FromJson(layers, layers.Section?.Database, $"environments.{layers.EnvironmentName}.database", ref origin)
                ?? FromJson(layers, layers.Json?.Document.Database, "database", ref origin);
        }

        origin = target is null ? "none" : origin;
        origins.Add(new SettingOrigin("database", origin));
        return target;
    }

    /// <summary>The dev database: <c>--dev-database</c>, <c>STRATA_DEV_DATABASE_URL</c>, the environment's section, the top level.</summary>
    private static DatabaseTarget? ResolveDevDatabase(Layers layers, List<SettingOrigin> origins)
    {
        const string Variable = "STRATA_DEV_DATABASE_URL";
        var origin = "none";
        var target = layers.Overrides.DevDatabase is { } fromCli ? Prefixed("--dev-database", () => DatabaseUrl.Parse(fromCli, layers.WorkingDirectory, layers.Dialects))
            : layers.Variables.Get(Variable) is { } fromVariable ? Prefixed(layers.Variables.Describe(Variable), () => DatabaseUrl.Parse(fromVariable, layers.WorkingDirectory, layers.Dialects))
            : FromJson(layers, layers.Section?.DevDatabase, $"environments.{layers.EnvironmentName}.devDatabase", ref origin)
                ?? FromJson(layers, layers.Json?.Document.DevDatabase, "devDatabase", ref origin);
        if (origin == "none" && target is not null)
        {
            origin = layers.Overrides.DevDatabase is null ? layers.Variables.Describe(Variable) : "--dev-database";
        }

        origins.Add(new SettingOrigin("devDatabase", origin));
        return target;
    }

    private static DatabaseTarget? FromJson(Layers layers, string? value, string property, ref string origin)
    {
        if (value is null || layers.Json is null)
        {
            return null;
        }

        var where = $"{layers.Json.Path}: \"{property}\"";
        var expanded = VariableExpander.Expand(value, layers.Variables, where);
        var target = Prefixed(where, () => DatabaseUrl.Parse(expanded, layers.Json.Directory, layers.Dialects));
        origin = "strata.json " + property;
        return target;
    }

    private static string ResolveMigrations(Layers layers, List<SettingOrigin> origins)
    {
        var (path, source) = layers.Overrides.MigrationsPath is { } fromCli ? (Path.Combine(layers.WorkingDirectory, fromCli), "--migrations")
            : layers.Section?.Migrations is { } fromSection
                ? (Path.Combine(layers.Json!.Directory, fromSection), $"strata.json environments.{layers.EnvironmentName}.migrations")
            : layers.Json?.Document.Migrations is { } fromJson ? (Path.Combine(layers.Json.Directory, fromJson), "strata.json migrations")
            : (Path.Combine(layers.Json?.Directory ?? layers.WorkingDirectory, MigrationsDefault), "default");
        origins.Add(new SettingOrigin("migrations", source));
        return Path.GetFullPath(path);
    }

    /// <summary>A yes/no setting: the command line, the environment's section of strata.json, its top level, false.</summary>
    private static bool Flag(Layers layers, List<SettingOrigin> origins, string name, bool? fromCli, bool? fromSection, bool? fromJson)
    {
        var (value, source) = fromCli is { } cli ? (cli, "--" + SettingValues.Kebab(name))
            : fromSection is { } section ? (section, $"strata.json environments.{layers.EnvironmentName}.{name}")
            : fromJson is { } json ? (json, "strata.json " + name)
            : (false, "default");
        origins.Add(new SettingOrigin(name, source));
        return value;
    }

    private static HistoryTableName ResolveHistory(Layers layers, List<SettingOrigin> origins)
    {
        var history = layers.Json?.Document.History;
        var (table, tableSource) = layers.Overrides.HistoryTable is { } cliTable ? (cliTable, "command line")
            : history?.Table is { } jsonTable ? (jsonTable, "strata.json history.table")
            : (HistoryTableName.DefaultTable, "default");
        var (schema, schemaSource) = layers.Overrides.HistorySchema is { } cliSchema ? (cliSchema, "command line")
            : history?.Schema is { } jsonSchema ? (jsonSchema, "strata.json history.schema")
            : ((string?)null, "default");
        origins.Add(new SettingOrigin("history.table", tableSource));
        origins.Add(new SettingOrigin("history.schema", schemaSource));
        return new HistoryTableName(table, schema);
    }

    private static TimeSpan ResolveLockTimeout(Layers layers, List<SettingOrigin> origins)
    {
        if (layers.Overrides.LockTimeout is { } fromCli)
        {
            origins.Add(new SettingOrigin("lockTimeout", "command line"));
            return fromCli >= TimeSpan.Zero
                ? fromCli
                : throw new ConfigurationException("the lock timeout from the command line is negative", "give a number of seconds, 0 or more");
        }

        if (layers.Json?.Document.LockTimeout is { } seconds)
        {
            origins.Add(new SettingOrigin("lockTimeout", "strata.json lockTimeout"));
            return seconds is >= 0 and <= SettingValues.MaxSeconds
                ? TimeSpan.FromSeconds(seconds)
                : throw new ConfigurationException(
                    $"{layers.Json.Path}: \"lockTimeout\" must be between 0 and {SettingValues.MaxSeconds:0} seconds",
                    "give the number of seconds to wait for the migration lock, e.g. 60");
        }

        origins.Add(new SettingOrigin("lockTimeout", "default"));
        return StrataSettings.DefaultLockTimeout;
    }

    /// <summary>
    /// strata.json <c>schema</c> (or its older spelling <c>schemaFile</c>, with a warning; both at once is an error),
    /// else null: the default <see cref="StrataSettings.DefaultSchemaPath"/> next to strata.json, named as such in the origins.
    /// </summary>
    private static string? ResolveSchemaFile(Layers layers, List<SettingOrigin> origins, List<string> warnings)
    {
        var document = layers.Json?.Document;
        if (document?.Schema is not null && document.SchemaFile is not null)
        {
            throw new ConfigurationException(
                $"{layers.Json!.Path}: \"schema\" and \"schemaFile\" both name the desired schema",
                "keep \"schema\" and remove \"schemaFile\" (its older spelling)");
        }

        if ((document?.Schema ?? document?.SchemaFile) is not { } schemaFile)
        {
            var defaultPath = Path.Combine(layers.Json?.Directory ?? layers.WorkingDirectory, StrataSettings.DefaultSchemaPath);
            origins.Add(new SettingOrigin("schema", $"default: {StrataSettings.DefaultSchemaPath} next to {(layers.Json is null ? "the working directory" : "strata.json")}"
                + (File.Exists(defaultPath) || Directory.Exists(defaultPath) ? "" : " (not there yet)")));
            return null;
        }

        if (document!.SchemaFile is not null)
        {
            warnings.Add($"{layers.Json!.Path}: \"schemaFile\" is the older spelling of \"schema\"; rename it");
        }

        origins.Add(new SettingOrigin("schema", document.Schema is null ? "strata.json schemaFile (older spelling of schema)" : "strata.json schema"));
        return Path.GetFullPath(Path.Combine(layers.Json!.Directory, schemaFile));
    }

    private static System.Text.Json.JsonElement? LintSection(StrataJsonFile? json, List<SettingOrigin> origins)
    {
        origins.Add(new SettingOrigin("lint", json?.Document.Lint is null ? "default (every rule at its own severity)" : "strata.json lint"));
        return json?.Document.Lint;
    }

    private static DatabaseTarget Prefixed(string where, Func<DatabaseTarget> parse)
    {
        try
        {
            return parse();
        }
        catch (ConfigurationException e)
        {
            throw new ConfigurationException($"{where}: {e.Message}", e.Hint);
        }
    }

    private static T Guard<T>(Func<T> read, string path)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"cannot read {path}: {e.Message}", "check that the file exists and is readable");
        }
    }

    private sealed record Layers(
        ConfigurationOverrides Overrides,
        EnvironmentVariables Variables,
        StrataJsonFile? Json,
        StrataJsonEnvironment? Section,
        string EnvironmentName,
        string WorkingDirectory,
        DialectSet Dialects);
}
