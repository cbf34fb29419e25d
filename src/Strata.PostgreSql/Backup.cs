using System.Diagnostics;
using Npgsql;
using Strata.Operations;
using Strata.PostgreSql.Backups;

namespace Strata.PostgreSql;

/// <summary>
/// Backups of one PostgreSQL database through <c>pg_dump -Fc</c> and <c>pg_restore</c> (the <see cref="IDatabaseBackup"/>
/// role; <see cref="BackupFolder"/> names and keeps the files). The client programs must be at least the server's
/// major version (see <see cref="ClientDirectory"/>); the password reaches them in <c>PGPASSWORD</c>, never on their
/// command line. A restore goes into a new database made from <c>template0</c> with the original's encoding and locale,
/// which is dropped again when anything fails; <see cref="RestoreOptions.Replace"/> swaps the names only
/// after the restore worked (the role must own the database and hold CREATEDB).
/// </summary>
public sealed class PostgreSqlBackup : IDatabaseBackup
{
    private readonly NpgsqlConnectionStringBuilder _builder;
    private readonly ServerEndpoint _endpoint;

    /// <summary>Backups of the database <paramref name="connectionString"/> (an Npgsql keyword string) names.</summary>
    /// <param name="connectionString">The database to back up or restore next to (its password is passed in the environment).</param>
    /// <param name="clientDirectory">The folder holding pg_dump and pg_restore; null to take the newest found on PATH and in the usual install folders.</param>
    public PostgreSqlBackup(string connectionString, string? clientDirectory = null)
    {
        _builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Multiplexing = false, Enlist = false };
        _endpoint = new ServerEndpoint(_builder);
        ClientDirectory = clientDirectory;
    }

    /// <summary>The configured folder of pg_dump and pg_restore, or null to search for them.</summary>
    public string? ClientDirectory { get; }

    /// <inheritdoc />
    public string DatabaseName => _endpoint.Database;

    /// <inheritdoc />
    public string Extension => ".dump";

    /// <inheritdoc />
    public async Task BackupAsync(string path, CancellationToken cancellationToken)
    {
        var programs = ClientPrograms.Find(ClientDirectory, await ServerMajorAsync(cancellationToken).ConfigureAwait(false));
        var start = DumpStartInfo(programs.PgDump, path);
        await ToolRun.RunAsync(start, $"backup of {_endpoint.DisplayName}", _endpoint, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void CheckFile(string path) => ArchiveFile.Check(path);

    /// <inheritdoc />
    public async Task<RestoreResult> RestoreAsync(string path, RestoreOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArchiveFile.Check(path);
        var stamp = (options.Now ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyyMMdd'_'HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var original = _endpoint.Database;
        var target = options.Replace ? Truncate(original, "_restoring_" + stamp) : options.Into ?? Truncate(original, "_restored_" + stamp);
        var server = new ServerCommands(_builder, _endpoint);
        await using var serverScope = server.ConfigureAwait(false);
        await server.OpenAsync(cancellationToken).ConfigureAwait(false);
        var programs = ClientPrograms.Find(ClientDirectory, server.Major);
        programs.CheckCanRead(path);
        if (options.Replace)
        {
            await server.RefuseIfInUseAsync(original, cancellationToken).ConfigureAwait(false);
        }

        await server.CreateLikeAsync(target, original, cancellationToken).ConfigureAwait(false);
        try
        {
            var start = ToolRun.StartInfo(
                programs.PgRestore,
                ["--no-password", "--dbname", Libpq.ConnInfo(_builder, target), path],
                Libpq.Environment(_builder));
            await ToolRun.RunAsync(start, $"restore of {Path.GetFileName(path)} into database '{target}'", _endpoint, cancellationToken, OnlyTransactionTimeout).ConfigureAwait(false);
        }
        catch
        {
            await server.DropAsync(target, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        if (options.Replace)
        {
            await server.SwapAsync(original, target, Truncate(original, "_replaced_" + stamp), cancellationToken).ConfigureAwait(false);
            target = original;
        }

        var display = new ServerEndpoint(new NpgsqlConnectionStringBuilder(_builder.ConnectionString) { Database = target }).DisplayName;
        return new RestoreResult(display, display, options.Replace);
    }

    /// <summary>The pg_dump command for <paramref name="path"/>: custom format, no prompt, the conninfo without password.</summary>
    internal ProcessStartInfo DumpStartInfo(string pgDump, string path) => ToolRun.StartInfo(
        pgDump,
        ["--format=custom", "--no-password", "--file", path, "--dbname", Libpq.ConnInfo(_builder, _endpoint.Database)],
        Libpq.Environment(_builder));

    private async Task<int> ServerMajorAsync(CancellationToken cancellationToken)
    {
        var server = new ServerCommands(_builder, _endpoint);
        await using var serverScope = server.ConfigureAwait(false);
        await server.OpenAsync(cancellationToken).ConfigureAwait(false);
        return server.Major;
    }

    /// <summary>
    /// True when every error pg_restore reported is its <c>SET transaction_timeout = 0</c> (a PostgreSQL 17+ client on an
    /// older server, which has no such setting). That is why the restore does not run with <c>--exit-on-error</c> in one
    /// transaction: the target is a new database, dropped again on any other error.
    /// </summary>
    private static bool OnlyTransactionTimeout(string message)
    {
        var errors = message.Split('\n').Count(l => l.Contains("ERROR:", StringComparison.Ordinal));
        var tolerated = message.Split('\n').Count(l => l.Contains("ERROR:", StringComparison.Ordinal) && l.Contains("\"transaction_timeout\"", StringComparison.Ordinal));
        return errors > 0 && errors == tolerated;
    }

    /// <summary><paramref name="name"/> + <paramref name="suffix"/>, the name shortened to fit PostgreSQL's 63 bytes.</summary>
    private static string Truncate(string name, string suffix)
    {
        var room = 63 - System.Text.Encoding.UTF8.GetByteCount(suffix);
        while (System.Text.Encoding.UTF8.GetByteCount(name) > room)
        {
            name = name[..^1];
        }

        return name + suffix;
    }
}
