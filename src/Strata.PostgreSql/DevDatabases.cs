using Strata.Configuration;
using Strata.Errors;
using Strata.Schema;

namespace Strata.PostgreSql;

/// <summary>The dev database role: <see cref="PostgreSqlDevDatabase"/> (locked, checked empty, emptied after use) as a scratch database.</summary>
internal sealed class DevDatabases : IDevDatabases
{
    public async Task<IScratchDatabase> OpenAsync(DatabaseTarget dev, string display, TimeSpan lockTimeout, Action<string>? warning, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dev);
        if (dev.Dialect != Dialect.PostgreSql)
        {
            throw new ConfigurationException(
                $"the dev database {dev.DisplayName} is not a PostgreSQL database, but {display} is",
                "point devDatabase (or --dev-database) at an empty PostgreSQL database, or leave it out to use temporary databases");
        }

        try
        {
            var database = await PostgreSqlDevDatabase.OpenAsync(dev.ConnectionString, dev.DisplayName, lockTimeout, cancellationToken).ConfigureAwait(false);
            return new DevScratch(database, dev.DisplayName, warning);
        }
        catch (Exception e) when (PostgreSqlDriver.IsUnreachable(e))
        {
            throw new DatabaseUnavailableException($"cannot reach the dev database {dev.DisplayName}: {e.Message}", "check devDatabase (or --dev-database, STRATA_DEV_DATABASE_URL) and that its server is running", e);
        }
    }
}
