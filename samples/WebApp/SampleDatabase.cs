using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Strata;
using Strata.Configuration;
using Strata.PostgreSql;
using Strata.Sqlite;

namespace WebApp;

/// <summary>
/// The app's database: <c>DATABASE_URL</c> when set (a postgres:// URL, an Npgsql keyword string or sqlite:path,
/// parsed by Strata's configuration layer), else <c>app.db</c> next to the app. Hands Strata the target (its
/// dialect comes from <see cref="Dialects"/>) and the endpoints their connections.
/// </summary>
internal sealed class SampleDatabase
{
    private readonly DatabaseTarget _target;

    private SampleDatabase(DatabaseTarget target) => _target = target;

    /// <summary>Where the app connects, without the password.</summary>
    public string DisplayName => _target.DisplayName;

    /// <summary>Reads <c>DATABASE_URL</c>; throws Strata's ConfigurationException (password-free) when it is malformed.</summary>
    public static SampleDatabase FromConfiguration(IConfiguration configuration)
    {
        var url = configuration["DATABASE_URL"];
        var target = string.IsNullOrWhiteSpace(url)
            ? Dialects.Parse("sqlite:" + Path.Combine(AppContext.BaseDirectory, "app.db"), AppContext.BaseDirectory)
            : Dialects.Parse(url, Directory.GetCurrentDirectory());
        return new SampleDatabase(target);
    }

    /// <summary>The dialects the app can run on; Strata's factory picks the one the database value names.</summary>
    public static DialectSet Dialects { get; } = new(PostgreSqlDialect.Factory, SqliteDialect.Factory);

    /// <summary>The resolved database, for <c>UseDatabase(target, Dialects)</c>.</summary>
    public DatabaseTarget Target => _target;

    /// <summary>An open connection for a request.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = _target.Dialect == Dialect.PostgreSql
            ? new NpgsqlConnection(_target.ConnectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _target.ConnectionString }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
