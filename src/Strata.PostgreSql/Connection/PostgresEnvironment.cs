using Strata.Configuration;

namespace Strata.PostgreSql.Connection;

/// <summary>
/// The environment variables that name a PostgreSQL database: the <c>POSTGRES_*</c> set (Docker's image, when
/// <c>POSTGRES_HOST</c> or <c>POSTGRES_DB</c> is set) and libpq's <c>PG*</c> set (when <c>PGHOST</c> or <c>PGDATABASE</c>
/// is set; <c>PGSSLMODE</c>, <c>PGAPPNAME</c>, <c>PGCONNECT_TIMEOUT</c> and <c>PGPASSFILE</c> pass through). The
/// engine decides which layer names the database and whether two ways agree.
/// </summary>
internal static class PostgresEnvironment
{
    private static readonly (string Variable, string Parameter)[] LibpqPassThrough =
        [("PGSSLMODE", "sslmode"), ("PGAPPNAME", "application_name"), ("PGCONNECT_TIMEOUT", "connect_timeout"), ("PGPASSFILE", "passfile")];

    /// <summary>The two sets, in the order they are reported.</summary>
    public static IReadOnlyList<EnvironmentSource> Sources { get; } =
    [
        new("POSTGRES_* variables", ["POSTGRES_HOST", "POSTGRES_DB"], ["POSTGRES_PORT", "POSTGRES_USER", "POSTGRES_PASSWORD"], (v, _, _) => FromPostgresVariables(v)),
        new("PG* variables", ["PGHOST", "PGDATABASE"], ["PGPORT", "PGUSER", "PGPASSWORD", "PGSSLMODE", "PGAPPNAME", "PGCONNECT_TIMEOUT", "PGPASSFILE"], (v, _, _) => FromLibpqVariables(v)),
    ];

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
}
