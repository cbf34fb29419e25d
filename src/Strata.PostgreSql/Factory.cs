using Strata.Configuration;
using Strata.Execution;
using Strata.Operations;

namespace Strata.PostgreSql;

/// <summary>PostgreSQL's entry in a <see cref="DialectSet"/> (<see cref="PostgreSqlDialect.Factory"/>).</summary>
internal sealed class DialectFactory : IDialectFactory
{
    public IConnectionSyntax Connections { get; } = new Connection.ConnectionSyntax();

    public Dialect Dialect => Dialect.PostgreSql;

    public IDialect Create(DatabaseTarget target, DialectSettings settings)
    {
        Require(target);
        ArgumentNullException.ThrowIfNull(settings);
        return new PostgreSqlDialect(target.ConnectionString, new PostgreSqlOptions { LockKey = settings.LockKey, LoadDatabaseTypes = settings.LoadDatabaseTypes, Schema = settings.Schema });
    }

    public IDatabaseBackup CreateBackup(DatabaseTarget target, BackupSettings backup, DialectSettings settings)
    {
        Require(target);
        ArgumentNullException.ThrowIfNull(backup);
        return new PostgreSqlBackup(target.ConnectionString, backup.PostgresBin);
    }

    public Task<IReadOnlyList<string>> ReadColumnAsync(DatabaseTarget target, string sql, CancellationToken cancellationToken)
    {
        Require(target);
        return PostgreSqlControlQuery.ReadColumnAsync(target.ConnectionString, sql, cancellationToken);
    }

    public async Task<int?> ReadConnectionHeadroomAsync(DatabaseTarget target, CancellationToken cancellationToken)
    {
        Require(target);
        return await PostgreSqlControlQuery.ReadConnectionHeadroomAsync(target.ConnectionString, cancellationToken).ConfigureAwait(false);
    }

    public IFleetHistoryReader? CreateSchemaHistories(DatabaseTarget target)
    {
        Require(target);
        return new PostgreSqlSchemaHistories(target.ConnectionString);
    }

    private void Require(DatabaseTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Dialect != Dialect)
        {
            throw new ArgumentException($"{target.DisplayName} is not a PostgreSQL database", nameof(target));
        }
    }
}
