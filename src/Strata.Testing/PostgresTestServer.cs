using System.Globalization;
using System.Security.Cryptography;
using Npgsql;
using Strata.Execution;
using Strata.PostgreSql;
using Strata.Sources;

namespace Strata.Testing;

/// <summary>
/// The PostgreSQL operations behind the pools and <c>strata test-db</c>: build a template once per migration set
/// (serialised across processes by an advisory lock), clone it, drop clones, clean the leftovers of dead
/// processes. Needs a role with CREATEDB. Clones made here are owned by this object: it holds one connection whose
/// application name marks the owner as alive, so <see cref="CleanAsync"/> in another process leaves them alone
/// until this process ends. Failures surface as Strata's errors, as <c>strata test-db</c> reports them: the server
/// refused (a taken name, no CREATEDB, a database in use) is a <see cref="Errors.StrataException"/> of
/// <see cref="Errors.ErrorCategory.BadInput"/> whose hint depends on the SQLSTATE; an unreachable server is a
/// <see cref="Errors.DatabaseUnavailableException"/>; a migration of the template fails as the <see cref="Migrator"/> does.
/// </summary>
public sealed class PostgresTestServer : IAsyncDisposable
{
    private readonly NpgsqlConnectionStringBuilder _builder;
    private readonly NpgsqlDataSource _admin;
    private readonly SemaphoreSlim _ownerGate = new(1, 1);
    private NpgsqlConnection? _owner;
    private int _counter;

    /// <summary>Connects to the server of <paramref name="adminConnectionString"/> (any database on it; the role needs CREATEDB).</summary>
    public PostgresTestServer(string adminConnectionString, string prefix = "strata_test")
        : this(adminConnectionString, null, prefix)
    {
    }

    internal PostgresTestServer(string adminConnectionString, string? displayName, string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(adminConnectionString);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        _builder = new NpgsqlConnectionStringBuilder(adminConnectionString);
        DisplayName = displayName ?? PostgreSqlDriver.DisplayName(adminConnectionString);
        Prefix = prefix;
        OwnerId = "p" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        _admin = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(_builder.ConnectionString) { ApplicationName = "strata-testing" });
    }

    /// <summary>How error messages name the server (<c>postgres://user@host:port/database</c>), never with the password.</summary>
    public string DisplayName { get; }

    /// <summary>The start of every clone name made here.</summary>
    public string Prefix { get; }

    /// <summary>This owner's part of clone names: <c>p&lt;pid&gt;_&lt;6 hex&gt;</c>.</summary>
    public string OwnerId { get; }

    /// <summary>A connection string to <paramref name="database"/> on this server, with the admin credentials.</summary>
    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(_builder.ConnectionString) { Database = database, ApplicationName = null }.ConnectionString;

    /// <summary>
    /// Returns the name of the template holding every migration of <paramref name="source"/>, building it first
    /// unless a finished one exists. Several processes calling at once build it once; the others wait.
    /// </summary>
    public Task<string> EnsureTemplateAsync(IMigrationSource source, MigratorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        return EnsureTemplateAsync(source, new TestDatabaseOptions { Migrator = options }, cancellationToken);
    }

    /// <summary>
    /// The template for <paramref name="source"/> migrated with <paramref name="options"/>' migrator options and
    /// created with its encoding and locale; with a null source an unmigrated template (nothing in it, not even a
    /// history table), for <see cref="TestDatabases.ForPostgresEmpty"/>. Built once across processes, as above.
    /// </summary>
    internal Task<string> EnsureTemplateAsync(IMigrationSource? source, TestDatabaseOptions options, CancellationToken cancellationToken) =>
        TestServerErrors.RunAsync(DisplayName, () => BuildOnceAsync(source, options, cancellationToken));

    private async Task<string> BuildOnceAsync(IMigrationSource? source, TestDatabaseOptions options, CancellationToken cancellationToken)
    {
        var migrations = source is null ? [] : await source.LoadAsync(Dialect.PostgreSql, cancellationToken).ConfigureAwait(false);
        var migrator = source is null ? new MigratorOptions() : options.Migrator;
        var template = MigrationSetHash.TemplateName(MigrationSetHash.Compute(migrations, Dialect.PostgreSql, migrator, TemplateSettings(source is not null, options)));
        if (await IsReadyTemplateAsync(template, cancellationToken).ConfigureAwait(false))
        {
            return template;
        }

        var locked = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_builder.ConnectionString) { Pooling = false, ApplicationName = "strata-testing template lock" }.ConnectionString);
        await using var lockedScope = locked.ConfigureAwait(false);
        await locked.OpenAsync(cancellationToken).ConfigureAwait(false);
        var take = new NpgsqlCommand("SELECT pg_advisory_lock($1)", locked) { Parameters = { new() { Value = PgText.TemplateLockKey(template) } } };
        await using (take.ConfigureAwait(false))
        {
            await take.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!await IsReadyTemplateAsync(template, cancellationToken).ConfigureAwait(false))
        {
            await BuildTemplateAsync(template, source, options, cancellationToken).ConfigureAwait(false);
        }

        return template;
    }

    /// <summary>What besides the migrations makes a template differ: none for a migrated one with the server's defaults.</summary>
    private static List<string> TemplateSettings(bool migrated, TestDatabaseOptions options)
    {
        var settings = new List<string>();
        if (!migrated)
        {
            settings.Add("unmigrated");
        }

        if (options.Encoding is { } encoding)
        {
            settings.Add("encoding=" + encoding.ToUpperInvariant());
        }

        if (options.Locale is { } locale)
        {
            settings.Add("locale=" + locale);
        }

        return settings;
    }

    /// <summary>Creates a new database from <paramref name="template"/> named after this owner and returns its name.</summary>
    public Task<string> CloneAsync(string template, CloneStrategy strategy = CloneStrategy.ServerDefault, CancellationToken cancellationToken = default) =>
        TestServerErrors.RunAsync(DisplayName, async () =>
        {
            await EnsureOwnerAsync(cancellationToken).ConfigureAwait(false);
            var name = Prefix + "_" + OwnerId + "_" + Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture);
            await CreateAsync(name, template, strategy, cancellationToken).ConfigureAwait(false);
            return name;
        });

    /// <summary>
    /// Creates <paramref name="name"/> from <paramref name="template"/> and marks it as a test database (a comment),
    /// so <see cref="IsTestDatabaseAsync"/> recognises it; it belongs to nobody, so clean never drops it.
    /// Called by <c>strata test-db create</c>. A name the server already has is refused with a message saying so.
    /// </summary>
    public Task CreateFromTemplateAsync(string name, string template, CloneStrategy strategy = CloneStrategy.ServerDefault, CancellationToken cancellationToken = default) =>
        TestServerErrors.RunAsync(DisplayName, async () =>
        {
            await CreateAsync(name, template, strategy, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync($"COMMENT ON DATABASE {PgText.Quote(name)} IS {PgText.Literal(PgText.TestDatabase + " from " + template)}", cancellationToken).ConfigureAwait(false);
        }, name);

    /// <summary>
    /// True when <paramref name="database"/> is something this toolkit made (a template, a pool clone of this
    /// prefix, or a database from <see cref="CreateFromTemplateAsync"/>); <c>strata test-db drop</c> drops nothing else.
    /// </summary>
    public Task<bool> IsTestDatabaseAsync(string database, CancellationToken cancellationToken = default) =>
        TestServerErrors.RunAsync(DisplayName, () => ReadIsTestDatabaseAsync(database, cancellationToken));

    private async Task<bool> ReadIsTestDatabaseAsync(string database, CancellationToken cancellationToken)
    {
        var command = _admin.CreateCommand("SELECT coalesce(shobj_description(oid, 'pg_database'), '') FROM pg_database WHERE datname = $1");
        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.Add(new NpgsqlParameter { Value = database });
        var comment = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        return comment is not null && (database.StartsWith(MigrationSetHash.TemplateName(""), StringComparison.Ordinal)
            || database.StartsWith(Prefix + "_p", StringComparison.Ordinal)
            || comment.StartsWith(PgText.TestDatabase, StringComparison.Ordinal));
    }

    private async Task CreateAsync(string name, string template, CloneStrategy strategy, CancellationToken cancellationToken)
    {
        var clause = strategy switch
        {
            CloneStrategy.WalLog => " STRATEGY WAL_LOG",
            CloneStrategy.FileCopy => " STRATEGY FILE_COPY",
            _ => "",
        };
        await ExecuteAsync($"CREATE DATABASE {PgText.Quote(name)} TEMPLATE {PgText.Quote(template)}{clause}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drops a database (a template too), ending its connections first (<c>WITH (FORCE)</c>); a missing one is fine.</summary>
    public Task DropAsync(string database, CancellationToken cancellationToken = default) =>
        TestServerErrors.RunAsync(DisplayName, () => DropTemplateAsync(database, cancellationToken));

    /// <summary>
    /// Drops the clones of owners that are gone (crashed or killed test processes) and half-built templates nobody
    /// is building; with <paramref name="includeTemplates"/> also every finished template. Returns the dropped names.
    /// </summary>
    public Task<IReadOnlyList<string>> CleanAsync(bool includeTemplates = false, CancellationToken cancellationToken = default) =>
        TestServerErrors.RunAsync(DisplayName, () => new PostgresCleaner(this, _admin).CleanAsync(includeTemplates, cancellationToken));

    /// <summary>Closes the owner connection (its clones become leftovers for clean) and the admin connections.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_owner is not null)
        {
            await _owner.DisposeAsync().ConfigureAwait(false);
        }

        await _admin.DisposeAsync().ConfigureAwait(false);
        _ownerGate.Dispose();
    }

    internal async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        var command = _admin.CreateCommand(sql);
        await using var commandScope = command.ConfigureAwait(false);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    internal async Task<bool> IsReadyTemplateAsync(string template, CancellationToken cancellationToken)
    {
        var command = _admin.CreateCommand(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = $1");
        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.Add(new NpgsqlParameter { Value = template });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string comment
            && comment.StartsWith(PgText.TemplateReady, StringComparison.Ordinal);
    }

    private async Task BuildTemplateAsync(string template, IMigrationSource? source, TestDatabaseOptions options, CancellationToken cancellationToken)
    {
        var quoted = PgText.Quote(template);
        await DropTemplateAsync(template, cancellationToken).ConfigureAwait(false);
        var encoding = options.Encoding is { } e ? " ENCODING " + PgText.Literal(e) : "";
        var locale = options.Locale is { } l ? $" LC_COLLATE {PgText.Literal(l)} LC_CTYPE {PgText.Literal(l)}" : "";
        await ExecuteAsync($"CREATE DATABASE {quoted} TEMPLATE template0{encoding}{locale}", cancellationToken).ConfigureAwait(false);
        if (source is not null)
        {
            var target = new NpgsqlConnectionStringBuilder(ConnectionStringFor(template)) { Pooling = false, ApplicationName = "strata-testing template build" };
            await new Migrator(new PostgreSqlDialect(target.ConnectionString), source, options.Migrator).MigrateAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync($"ALTER DATABASE {quoted} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false", cancellationToken).ConfigureAwait(false);
        var stamp = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        await ExecuteAsync($"COMMENT ON DATABASE {quoted} IS {PgText.Literal($"{PgText.TemplateReady} {stamp} UTC")}", cancellationToken).ConfigureAwait(false);
    }

    internal async Task DropTemplateAsync(string template, CancellationToken cancellationToken)
    {
        var quoted = PgText.Quote(template);
        var exists = _admin.CreateCommand("SELECT datistemplate FROM pg_database WHERE datname = $1");
        await using var existsScope = exists.ConfigureAwait(false);
        exists.Parameters.Add(new NpgsqlParameter { Value = template });
        if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is bool isTemplate)
        {
            if (isTemplate)
            {
                await ExecuteAsync($"ALTER DATABASE {quoted} WITH IS_TEMPLATE false", cancellationToken).ConfigureAwait(false);
            }

            await ExecuteAsync($"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)", cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task EnsureOwnerAsync(CancellationToken cancellationToken)
    {
        if (_owner is not null)
        {
            return;
        }

        await _ownerGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_owner is null)
            {
                var builder = new NpgsqlConnectionStringBuilder(_builder.ConnectionString) { Pooling = false, ApplicationName = PgText.OwnerApplication + OwnerId, KeepAlive = 30 };
                var owner = new NpgsqlConnection(builder.ConnectionString);
                await owner.OpenAsync(cancellationToken).ConfigureAwait(false);
                _owner = owner;
            }
        }
        finally
        {
            _ownerGate.Release();
        }
    }
}
