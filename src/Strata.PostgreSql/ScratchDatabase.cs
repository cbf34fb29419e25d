using System.Security.Cryptography;
using Npgsql;
using Strata.Execution;
using Strata.Schema;

namespace Strata.PostgreSql;

/// <summary>
/// A scratch database on the same PostgreSQL server, where <c>schema.sql</c> or the migrations are applied to learn
/// the state they produce. Called by the CLI's <c>diff</c>, <c>generate</c>, <c>push</c>, <c>dump</c>, <c>verify</c>
/// and <c>lint --measure</c>. Three kinds:
/// <list type="bullet">
/// <item><see cref="OpenAsync(string, CancellationToken)"/> takes the server's kept scratch database, <see cref="KeptName"/> (created on first
/// use, owned by the role, marked by its comment), locked with an advisory lock while in use and emptied when taken.
/// <see cref="OpenForFilesAsync"/> leaves it as it is when it already holds what the command's schema files give
/// (<see cref="Reused"/>, ADR 024). A command then pays neither <c>CREATE DATABASE</c> nor <c>DROP DATABASE</c> (which forces a checkpoint of the whole
/// server). When it is in use by another command, owned by another role or not Strata's, a temporary one is made.</item>
/// <item><see cref="CopyAsync"/> copies a real database (schema and rows) for lint's measuring with data.</item>
/// <item><see cref="CreateAsync"/> makes a temporary database <c>strata_scratch_</c> and random hex (the role needs
/// CREATEDB), dropped on dispose with FORCE, so a failed apply leaves nothing behind.</item>
/// </list>
/// Each serves a whole command: <see cref="EmptyAsync"/> empties it between uses. Commits on the first two do not wait for the
/// WAL to reach disk (<c>synchronous_commit</c> is off for the database: nothing in it needs to survive a crash).
/// Connection and permission failures surface as <see cref="NpgsqlException"/>.
/// </summary>
public sealed class PostgreSqlScratchDatabase : IScratchDatabase
{
    /// <summary>The name of the kept scratch database.</summary>
    public const string KeptName = "strata_scratch";

    /// <summary>Where a copy is made from: a session on the source itself would stop PostgreSQL copying it.</summary>
    private static readonly string[] MaintenanceDatabases = ["postgres", "template1"];

    private readonly string _adminConnectionString;
    private NpgsqlConnection? _connection;
    private NpgsqlDataSource? _pool;
    private bool _holdsContent;

    private PostgreSqlScratchDatabase(string adminConnectionString, string name, string connectionString, KeptScratch.Taken? kept)
    {
        _adminConnectionString = adminConnectionString;
        Name = name;
        ConnectionString = connectionString;
        _connection = kept?.Connection;
        IsKept = kept is not null;
        Reused = kept is { Reused: true };
        _holdsContent = Reused;
    }

    /// <summary>The database's name: <see cref="KeptName"/>, or <c>strata_scratch_</c> and random hex.</summary>
    public string Name { get; }

    /// <summary>True for the kept scratch database (emptied, not dropped, on dispose).</summary>
    public bool IsKept { get; }

    /// <summary>
    /// True when the kept database was not emptied because it already holds what the schema files of the content key
    /// given to <see cref="OpenForFilesAsync"/> give on this server (recorded by
    /// <see cref="RememberAsync"/>): the caller reads it instead of applying them again.
    /// </summary>
    public bool Reused { get; }

    /// <summary>A connection string to the scratch database (secret: holds the original password; no pooling).</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// A Strata dialect on the scratch database whose sessions come from a connection pool of this scratch database,
    /// so a command that migrates it many times (verify) does not start a server process each time.
    /// </summary>
    public IDialect Provider => new PostgreSqlDialect(_pool ??= NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(ConnectionString)
    {
        Pooling = true,
        IncludeErrorDetail = true,
        IncludeFailedBatchedCommand = true,
        Enlist = false,
    }));

    /// <summary>
    /// The kept scratch database of the server <paramref name="connectionString"/> points at (emptied and locked for
    /// this command), created when missing; a temporary one (<see cref="CreateAsync"/>) when it cannot be used.
    /// </summary>
    public static Task<PostgreSqlScratchDatabase> OpenAsync(string connectionString, CancellationToken cancellationToken) =>
        OpenAsync(connectionString, KeptName, null, cancellationToken);

    /// <summary>
    /// <see cref="OpenAsync(string, CancellationToken)"/> for applying schema files whose text (and the applying
    /// program's version) <paramref name="contentKey"/> stands for: when the kept database already holds what they give
    /// on this server as it is now (same key, server version, roles, settings and extension versions; see ADR 024), it
    /// is not emptied and <see cref="Reused"/> is true.
    /// </summary>
    public static Task<PostgreSqlScratchDatabase> OpenForFilesAsync(string connectionString, string contentKey, CancellationToken cancellationToken) =>
        OpenAsync(connectionString, KeptName, contentKey, cancellationToken);

    /// <summary><see cref="OpenAsync(string, CancellationToken)"/> with another name for the kept database (tests).</summary>
    internal static Task<PostgreSqlScratchDatabase> OpenAsync(string connectionString, string keptName, CancellationToken cancellationToken) =>
        OpenAsync(connectionString, keptName, null, cancellationToken);

    /// <summary><see cref="OpenForFilesAsync"/> with another name for the kept database (tests).</summary>
    internal static async Task<PostgreSqlScratchDatabase> OpenAsync(string connectionString, string keptName, string? contentKey, CancellationToken cancellationToken)
    {
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
        var kept = await KeptScratch.TryTakeAsync(admin, keptName, contentKey, cancellationToken).ConfigureAwait(false);
        return kept is null
            ? await CreateAsync(connectionString, cancellationToken).ConfigureAwait(false)
            : new PostgreSqlScratchDatabase(admin, keptName, new NpgsqlConnectionStringBuilder(admin) { Database = keptName }.ConnectionString, kept);
    }

    /// <summary>Creates an empty temporary database next to the one <paramref name="connectionString"/> points at.</summary>
    public static async Task<PostgreSqlScratchDatabase> CreateAsync(string connectionString, CancellationToken cancellationToken)
    {
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
        var name = "strata_scratch_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var connection = new NpgsqlConnection(admin);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await KeptScratch.CreateAsync(connection, name, comment: null, cancellationToken).ConfigureAwait(false);
        }

        var scratch = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new PostgreSqlScratchDatabase(admin, name, scratch, kept: null);
    }

    /// <summary>
    /// Creates a temporary copy, schema and rows, of the database <paramref name="sourceConnectionString"/> points at:
    /// <c>CREATE DATABASE strata_copy_… TEMPLATE source</c> on the same server (the role needs CREATEDB), dropped with
    /// FORCE on dispose. Lint measures migrations on it with their real data. PostgreSQL copies only a database that
    /// nobody else is connected to (<see cref="PostgresException"/> 55006 otherwise); the copy keeps the source's
    /// settings, so its commits cost what they cost there.
    /// </summary>
    public static async Task<PostgreSqlScratchDatabase> CopyAsync(string sourceConnectionString, CancellationToken cancellationToken)
    {
        var source = new NpgsqlConnectionStringBuilder(sourceConnectionString) { Pooling = false };
        var template = source.Database ?? source.Username
            ?? throw new ArgumentException("the connection string names no database", nameof(sourceConnectionString));
        var name = "strata_copy_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        foreach (var maintenance in MaintenanceDatabases.Where(d => d != template))
        {
            var admin = new NpgsqlConnectionStringBuilder(source.ConnectionString) { Database = maintenance }.ConnectionString;
            var connection = new NpgsqlConnection(admin);
            await using (connection.ConfigureAwait(false))
            {
                try
                {
                    await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName && maintenance == "postgres")
                {
                    continue;
                }

                var create = new NpgsqlCommand($"CREATE DATABASE {SqlText.Quote(name)} TEMPLATE {SqlText.Quote(template)}", connection) { CommandTimeout = 0 };
                await using (create.ConfigureAwait(false))
                {
                    await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            return new PostgreSqlScratchDatabase(admin, name, new NpgsqlConnectionStringBuilder(source.ConnectionString) { Database = name }.ConnectionString, kept: null);
        }

        throw new InvalidOperationException("unreachable: template1 always exists");
    }

    /// <summary>Reads the scratch database's schema (see <see cref="PostgreSqlSchemaIntrospector"/>), on a connection kept open for the next read.</summary>
    public async Task<DatabaseSchema> ReadAsync(SchemaFilter? filter, CancellationToken cancellationToken) =>
        await PostgreSqlSchemaIntrospector.ReadAsync(await ConnectionAsync(cancellationToken).ConfigureAwait(false), filter, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Drops everything created in the database (see <see cref="PostgreSqlSchemaWipe"/>), so it can serve the next use
    /// as if new. Sessions of <see cref="Provider"/> go back to its pool first (they hold no locks when idle).
    /// </summary>
    public async Task EmptyAsync(CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (_holdsContent)
        {
            await KeptScratch.ForgetAsync(connection, Name, cancellationToken).ConfigureAwait(false);
            _holdsContent = false;
        }

        await PostgreSqlSchemaWipe.WipeScratchAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records in the kept database's comment that it now holds what the schema files of <paramref name="contentKey"/>
    /// give, so the next command that opens it with the same key reuses it; <see cref="EmptyAsync"/> forgets it again.
    /// Does nothing on a temporary database or a copy.
    /// </summary>
    public async Task RememberAsync(string contentKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contentKey);
        if (IsKept)
        {
            await KeptScratch.RememberAsync(await ConnectionAsync(cancellationToken).ConfigureAwait(false), Name, contentKey, cancellationToken).ConfigureAwait(false);
            _holdsContent = true;
        }
    }

    /// <summary>Closes the pool; drops a temporary database (ending any connection still open to it); releases the kept one.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_pool is { } pool)
        {
            _pool = null;
            await pool.DisposeAsync().ConfigureAwait(false);
        }

        if (_connection is { } open)
        {
            _connection = null;
            if (IsKept)
            {
                await KeptScratch.ReleaseAsync(open).ConfigureAwait(false);
            }

            await open.DisposeAsync().ConfigureAwait(false); // ends the session (and the kept database's lock, had the release failed)
        }

        if (IsKept)
        {
            return;
        }

        var connection = new NpgsqlConnection(_adminConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(CancellationToken.None).ConfigureAwait(false);
            var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {SqlText.Quote(Name)} WITH (FORCE)", connection);
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private async Task<NpgsqlConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        if (_connection is null)
        {
            var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            _connection = connection;
        }

        return _connection;
    }
}
