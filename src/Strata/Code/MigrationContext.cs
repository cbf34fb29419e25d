using System.Data.Common;

namespace Strata.Code;

/// <summary>
/// What a C# migration works with: the open connection, the transaction the migration and its history row share
/// (null for non-transactional migrations), the environment, and helpers that run SQL inside that transaction.
/// Valid only during the call it is passed to.
/// </summary>
public sealed class MigrationContext
{
    /// <summary>Created by the dialects for each run of a code migration.</summary>
    public MigrationContext(DbConnection connection, DbTransaction? transaction, string environment)
    {
        Connection = connection ?? throw new ArgumentNullException(nameof(connection));
        Transaction = transaction;
        Environment = environment ?? throw new ArgumentNullException(nameof(environment));
    }

    /// <summary>The open connection (an <c>NpgsqlConnection</c> or <c>SqliteConnection</c>). Do not close it.</summary>
    public DbConnection Connection { get; }

    /// <summary>The transaction to enlist commands in (pass it to Dapper and ADO.NET commands); null when not transactional.</summary>
    public DbTransaction? Transaction { get; }

    /// <summary>The environment being migrated (<c>development</c>, <c>production</c>, …); empty when none was set.</summary>
    public string Environment { get; }

    /// <summary>Runs SQL (one or more statements) in the migration's transaction; returns the rows affected.</summary>
    public Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken = default) =>
        ExecuteAsync(sql, null, cancellationToken);

    /// <summary>Runs SQL with named parameters (<c>@name</c>) in the migration's transaction; returns the rows affected.</summary>
    public async Task<int> ExecuteAsync(string sql, IReadOnlyDictionary<string, object?>? parameters, CancellationToken cancellationToken = default)
    {
        var command = Create(sql, parameters);
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs a query in the migration's transaction and returns the first column of the first row (default when none).</summary>
    public async Task<T?> ScalarAsync<T>(string sql, IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default)
    {
        var command = Create(sql, parameters);
        await using (command.ConfigureAwait(false))
        {
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is null or DBNull ? default : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>A command on the connection, already enlisted in the transaction.</summary>
    public DbCommand CreateCommand(string sql)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = Transaction;
        command.CommandTimeout = 0;
        return command;
    }

    private DbCommand Create(string sql, IReadOnlyDictionary<string, object?>? parameters)
    {
        var command = CreateCommand(sql);
        foreach (var (name, value) in parameters ?? new Dictionary<string, object?>())
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name.StartsWith('@') ? name : "@" + name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
