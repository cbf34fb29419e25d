using Strata.Errors;

namespace Strata.Configuration;

/// <summary>
/// Finds the database in environment variables (process environment over <c>.env</c>), in this order:
/// <c>DATABASE_URL</c>; the <c>POSTGRES_*</c> set (when <c>POSTGRES_HOST</c> or <c>POSTGRES_DB</c> is set); libpq's
/// <c>PG*</c> set (when <c>PGHOST</c> or <c>PGDATABASE</c> is set; <c>PGSSLMODE</c>, <c>PGAPPNAME</c>,
/// <c>PGCONNECT_TIMEOUT</c> and <c>PGPASSFILE</c> pass through); <c>DB_PATH</c> (a SQLite file). Errors are
/// prefixed with the variable and layer they came from.
/// </summary>
internal static class EnvironmentDatabase
{
    private static readonly string[] PostgresNames = ["POSTGRES_HOST", "POSTGRES_PORT", "POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_DB"];

    private static readonly string[] LibpqNames =
        ["PGHOST", "PGPORT", "PGUSER", "PGPASSWORD", "PGDATABASE", "PGSSLMODE", "PGAPPNAME", "PGCONNECT_TIMEOUT", "PGPASSFILE"];

    private static readonly (string Variable, string Parameter)[] LibpqPassThrough =
        [("PGSSLMODE", "sslmode"), ("PGAPPNAME", "application_name"), ("PGCONNECT_TIMEOUT", "connect_timeout"), ("PGPASSFILE", "passfile")];

    /// <summary>The database from the variables, or null; <paramref name="origin"/> names the variables used.</summary>
    public static DatabaseTarget? Resolve(EnvironmentVariables variables, string workingDirectory, out string origin)
    {
        if (variables.TryGet("DATABASE_URL", out var url, out _))
        {
            origin = variables.Describe("DATABASE_URL");
            return Attributed(origin, () => DatabaseUrl.Parse(url, workingDirectory));
        }

        if (variables.Get("POSTGRES_HOST") is not null || variables.Get("POSTGRES_DB") is not null)
        {
            origin = $"POSTGRES_* variables ({variables.LayersOf(PostgresNames)})";
            return Attributed(origin, () => FromPostgresVariables(variables));
        }

        if (variables.Get("PGHOST") is not null || variables.Get("PGDATABASE") is not null)
        {
            origin = $"PG* variables ({variables.LayersOf(LibpqNames)})";
            return Attributed(origin, () => FromLibpqVariables(variables));
        }

        if (variables.TryGet("DB_PATH", out var path, out _))
        {
            origin = variables.Describe("DB_PATH");
            return Attributed(origin, () => SqliteLocation.FromPath(path.Trim(), workingDirectory));
        }

        origin = "";
        return null;
    }

    private static DatabaseTarget FromPostgresVariables(EnvironmentVariables variables)
    {
        var builder = new PostgresTargetBuilder("the POSTGRES_* variables");
        SetConnection(builder, variables, "POSTGRES_HOST", "POSTGRES_PORT");
        builder.Username = variables.Get("POSTGRES_USER");
        builder.Password = variables.Get("POSTGRES_PASSWORD");
        builder.Database = variables.Get("POSTGRES_DB");
        return builder.Build();
    }

    private static DatabaseTarget FromLibpqVariables(EnvironmentVariables variables)
    {
        var builder = new PostgresTargetBuilder("the PG* variables");
        SetConnection(builder, variables, "PGHOST", "PGPORT");
        builder.Username = variables.Get("PGUSER");
        builder.Password = variables.Get("PGPASSWORD");
        builder.Database = variables.Get("PGDATABASE");
        foreach (var (variable, parameter) in LibpqPassThrough)
        {
            if (variables.Get(variable) is { } value)
            {
                PostgresParameters.Apply(builder, parameter, value);
            }
        }

        return builder.Build();
    }

    private static void SetConnection(PostgresTargetBuilder builder, EnvironmentVariables variables, string hostName, string portName)
    {
        if (variables.Get(hostName) is { } hosts)
        {
            builder.SetHosts(PostgresParameters.ParseHostNames(hosts.Trim(), hostName));
        }

        if (variables.Get(portName) is { } ports)
        {
            builder.SetPorts(PostgresParameters.ParsePorts(ports.Trim(), portName));
        }
    }

    private static DatabaseTarget Attributed(string origin, Func<DatabaseTarget> parse)
    {
        try
        {
            return parse();
        }
        catch (ConfigurationException e)
        {
            throw new ConfigurationException($"{origin}: {e.Message}", e.Hint);
        }
    }
}
