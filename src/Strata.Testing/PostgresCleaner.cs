using System.Text.RegularExpressions;
using Npgsql;

namespace Strata.Testing;

/// <summary>
/// Finds what crashed test runs left behind: clones whose owner (<c>&lt;prefix&gt;_p&lt;pid&gt;_&lt;token&gt;_&lt;n&gt;</c>) has no
/// live owner connection (application name <c>strata-test-owner &lt;owner&gt;</c>) and templates without the ready
/// comment whose build lock is free. Called by <see cref="PostgresTestServer.CleanAsync"/>.
/// </summary>
internal sealed class PostgresCleaner(PostgresTestServer server, NpgsqlDataSource admin)
{
    public async Task<IReadOnlyList<string>> CleanAsync(bool includeTemplates, CancellationToken cancellationToken)
    {
        var clone = new Regex("^" + Regex.Escape(server.Prefix) + "_(p[0-9]+_[0-9a-f]{6})_[0-9]+$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        // Databases first, owners second: an owner connects before it creates a clone, so every clone listed here
        // has an owner that was connected before the owners are read. The other order would drop the first clone of
        // an owner that connected between the two queries (a test process starting while another one cleans).
        var databases = await DatabasesAsync(cancellationToken).ConfigureAwait(false);
        var live = await LiveOwnersAsync(cancellationToken).ConfigureAwait(false);
        var dropped = new List<string>();
        foreach (var (name, comment) in databases)
        {
            var match = clone.Match(name);
            if (match.Success && !live.Contains(match.Groups[1].Value))
            {
                await server.DropAsync(name, cancellationToken).ConfigureAwait(false);
                dropped.Add(name);
            }
            else if (name.StartsWith(MigrationSetHash.TemplateName(""), StringComparison.Ordinal)
                && (includeTemplates || !(comment ?? "").StartsWith(PgText.TemplateReady, StringComparison.Ordinal))
                && await DropTemplateUnlessBuildingAsync(name, includeTemplates, cancellationToken).ConfigureAwait(false))
            {
                dropped.Add(name);
            }
        }

        return dropped;
    }

    private async Task<HashSet<string>> LiveOwnersAsync(CancellationToken cancellationToken)
    {
        var command = admin.CreateCommand("SELECT substr(application_name, $1) FROM pg_stat_activity WHERE starts_with(application_name, $2)");
        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.Add(new NpgsqlParameter { Value = PgText.OwnerApplication.Length + 1 });
        command.Parameters.Add(new NpgsqlParameter { Value = PgText.OwnerApplication });
        var owners = new HashSet<string>(StringComparer.Ordinal);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            owners.Add(reader.GetString(0));
        }

        return owners;
    }

    private async Task<List<(string Name, string? Comment)>> DatabasesAsync(CancellationToken cancellationToken)
    {
        var command = admin.CreateCommand("SELECT datname, shobj_description(oid, 'pg_database') FROM pg_database ORDER BY datname");
        await using var commandScope = command.ConfigureAwait(false);
        var databases = new List<(string, string?)>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            databases.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        }

        return databases;
    }

    private async Task<bool> DropTemplateUnlessBuildingAsync(string template, bool includeReady, CancellationToken cancellationToken)
    {
        // The build lock is a session lock: hold it on one connection while dropping, so no build starts meanwhile.
        var connection = await admin.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var take = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection) { Parameters = { new() { Value = PgText.TemplateLockKey(template) } } };
        await using var takeScope = take.ConfigureAwait(false);
        if (!(bool)(await take.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
        {
            return false;
        }

        try
        {
            // Listed while half built, it may have been finished since (its builder released the lock just before
            // this took it): look again under the lock, or a template in use would be dropped.
            if (!includeReady && await server.IsReadyTemplateAsync(template, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            await server.DropTemplateAsync(template, cancellationToken).ConfigureAwait(false);
            return true;
        }
        finally
        {
            var release = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection) { Parameters = { new() { Value = PgText.TemplateLockKey(template) } } };
            await using var releaseScope = release.ConfigureAwait(false);
            await release.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}
