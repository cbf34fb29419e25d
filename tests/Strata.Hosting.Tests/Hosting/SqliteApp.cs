using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Strata.Sqlite;
using Strata.TestSupport;

namespace Strata.Hosting.Tests.Hosting;

/// <summary>
/// A generic host (no defaults: no appsettings, no environment variables) using Strata on a real SQLite file in a
/// temp folder, with the migrations the test writes into <see cref="Migrations"/>. Collects the host's logs.
/// </summary>
public sealed class SqliteApp : IDisposable
{
    private readonly TempDirectory _folder = new();

    public SqliteApp()
    {
        Migrations = Directory.CreateDirectory(Path.Combine(_folder.Path, "migrations")).FullName;
        DatabasePath = Path.Combine(_folder.Path, "app.db");
    }

    public string Migrations { get; }

    public string DatabasePath { get; }

    public void Write(string name, string sql) => File.WriteAllText(Path.Combine(Migrations, name), sql);

    /// <summary>
    /// A host with Strata (on this folder's database and migrations, then <paramref name="configure"/>), the Strata
    /// health check, the <paramref name="settings"/> as configuration, and <paramref name="services"/> registered first.
    /// </summary>
    public (IHost Host, LogCollector Logs) Build(
        Action<StrataOptions>? configure = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var logs = new LogCollector();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Staging" });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        services?.Invoke(builder.Services);
        builder.Services.AddStrata(builder.Configuration.GetSection("Strata"), strata =>
        {
            strata.UseDatabase(_ => new SqliteDialect(DatabasePath)).AddFolder(Migrations);
            configure?.Invoke(strata);
        });
        builder.Services.AddHealthChecks().AddStrata();
        return (builder.Build(), logs);
    }

    /// <summary>Runs the Strata health check of <paramref name="host"/>.</summary>
    public static async Task<HealthReportEntry> HealthAsync(IHost host)
    {
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        return report.Entries["strata"];
    }

    /// <summary>Runs a scalar query on the database file with a connection of the test's own.</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>True when a table of that name exists in the database file.</summary>
    public async Task<bool> TableExistsAsync(string table) =>
        await ScalarAsync($"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'") == 1;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
