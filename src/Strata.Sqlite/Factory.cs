using Strata.Configuration;
using Strata.Errors;
using Strata.Execution;
using Strata.Operations;

namespace Strata.Sqlite;

/// <summary>SQLite's entry in a <see cref="DialectSet"/> (<see cref="SqliteDialect.Factory"/>).</summary>
internal sealed class DialectFactory : IDialectFactory
{
    public IConnectionSyntax Connections { get; } = new Connection.ConnectionSyntax();

    public Dialect Dialect => Dialect.Sqlite;

    public IDialect Create(DatabaseTarget target, DialectSettings settings)
    {
        Require(target);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Schema is not null)
        {
            throw new ConfigurationException($"{target.DisplayName} is SQLite, which has no schemas", "leave DialectSettings.Schema unset for SQLite; use one database file per tenant");
        }

        var options = settings.LockTimeout is { } timeout ? new SqliteOptions { BusyTimeout = timeout } : new SqliteOptions();
        return new SqliteDialect(target.ConnectionString, options);
    }

    public IDatabaseBackup CreateBackup(DatabaseTarget target, BackupSettings backup, DialectSettings settings)
    {
        Require(target);
        ArgumentNullException.ThrowIfNull(settings);
        if (target.IsInMemory)
        {
            throw new StrataException(ErrorCategory.BadInput, "an in-memory SQLite database cannot be backed up", "configure a database file");
        }

        return new SqliteBackup(Path.GetFullPath(target.ConnectionString), settings.LockTimeout);
    }

    public Task<IReadOnlyList<string>> ReadColumnAsync(DatabaseTarget target, string sql, CancellationToken cancellationToken)
    {
        Require(target);
        return SqliteControlQuery.ReadColumnAsync(target.ConnectionString, sql, cancellationToken);
    }

    public Task<int?> ReadConnectionHeadroomAsync(DatabaseTarget target, CancellationToken cancellationToken)
    {
        Require(target);
        return Task.FromResult<int?>(null);
    }

    public IFleetHistoryReader? CreateSchemaHistories(DatabaseTarget target)
    {
        Require(target);
        return null;
    }

    private void Require(DatabaseTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Dialect != Dialect)
        {
            throw new ArgumentException($"{target.DisplayName} is not an SQLite database", nameof(target));
        }
    }
}
