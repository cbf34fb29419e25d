using System.Globalization;
using System.Text;
using Npgsql;

namespace Strata.PostgreSql;

/// <summary>
/// How soon each side notices a silent peer (reliability R04, a half-open connection: the client's network fails
/// without a FIN or RST reaching the server). Without this the server keeps a vanished runner's session, and with it
/// the migration lock, for the operating system's default of about two hours; with it:
/// <list type="bullet">
/// <item>The session's connection (history, scripts and the advisory lock, see <see cref="MigrationLock"/>):
/// <c>tcp_keepalives_idle</c> 5 s, <c>tcp_keepalives_interval</c> 5 s, <c>tcp_keepalives_count</c> 2,
/// <c>tcp_user_timeout</c> 15 s and (PostgreSQL 14+, Linux servers) <c>client_connection_check_interval</c> 1 s: the
/// server ends the session, rolling back a running migration and then freeing the lock, within about 10–16 s of the
/// silence, even during a long statement. Documented bound: the lock is free within 45 s.</item>
/// <item>The client (Npgsql, only when the connection string does not configure TCP keepalive): probes after 10 s of
/// silence, every 5 s, so the runner notices a dead connection on its own and exits with code 5.</item>
/// </list>
/// The server values are set with <c>set_config</c> right after connecting (PgBouncer passes them through, unlike
/// startup options); a setting the server lacks is skipped, one the connection string sets through <c>options</c>
/// (source <c>client</c>) is left alone. All of them are ignored on Unix-socket connections.
/// </summary>
internal static class SessionKeepalive
{
    /// <summary>Client-side TCP keepalive: seconds of silence before the first probe.</summary>
    public const int ClientIdleSeconds = 10;

    /// <summary>Client-side TCP keepalive: seconds between unanswered probes.</summary>
    public const int ClientIntervalSeconds = 5;

    /// <summary>Settings for every server connection of a session (the main one and the short pooler probe).</summary>
    public static readonly IReadOnlyList<(string Name, int Value)> Main =
    [
        ("tcp_keepalives_idle", 5),
        ("tcp_keepalives_interval", 5),
        ("tcp_keepalives_count", 2),
        ("tcp_user_timeout", 15_000),
        ("client_connection_check_interval", 1_000),
    ];

    /// <summary>
    /// One <c>DO</c> block that applies <paramref name="settings"/>: only names the server knows and the session has
    /// not set itself, each in its own sub-block so a value the platform refuses (e.g.
    /// <c>client_connection_check_interval</c> off Linux) is skipped instead of failing the connection.
    /// </summary>
    public static string Statement(IReadOnlyList<(string Name, int Value)> settings)
    {
        var values = new StringBuilder();
        foreach (var (name, value) in settings)
        {
            values.Append(values.Length == 0 ? "" : ", ")
                .Append("('").Append(name).Append("', '").Append(value.ToString(CultureInfo.InvariantCulture)).Append("')");
        }

        return $$"""
            DO $strata$
            DECLARE s record;
            BEGIN
              FOR s IN SELECT v.name, v.value FROM (VALUES {{values}}) AS v(name, value)
                       JOIN pg_catalog.pg_settings p ON p.name = v.name WHERE p.source <> 'client'
              LOOP
                BEGIN
                  PERFORM pg_catalog.set_config(s.name, s.value, false);
                EXCEPTION WHEN others THEN NULL;
                END;
              END LOOP;
            END
            $strata$
            """;
    }

    /// <summary>
    /// Applies <paramref name="settings"/> to an open connection. A server that refuses the block (e.g. a database
    /// without PL/pgSQL) keeps its defaults; a lost connection propagates to the caller's translation.
    /// </summary>
    public static async Task ApplyAsync(NpgsqlConnection connection, IReadOnlyList<(string Name, int Value)> settings, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(Statement(settings), connection);
        await using var commandScope = command.ConfigureAwait(false);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (!ErrorTranslator.IsConnectionLost(e))
        {
            // Best effort: the session works without faster dead-peer detection.
        }
    }

    /// <summary>
    /// Turns on client-side TCP keepalive unless the connection string configures it (keepalives, keepalives_idle) or
    /// connects through a Unix-domain socket (a host that is a folder, <c>/var/run/postgresql</c>, or an abstract
    /// <c>@name</c>): a TCP option on such a socket fails every connection with "Operation not supported".
    /// </summary>
    public static void ConfigureClient(NpgsqlConnectionStringBuilder builder, string configured)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = configured };
        if (given.ContainsKey("Tcp Keepalive") || given.ContainsKey("Tcp Keepalive Time") || given.ContainsKey("Tcp Keepalive Interval") || IsSocket(builder.Host))
        {
            return;
        }

        builder.TcpKeepAliveTime = ClientIdleSeconds;
        builder.TcpKeepAliveInterval = ClientIntervalSeconds;
    }

    private static bool IsSocket(string? hosts) =>
        hosts is not null && hosts.Split(',').Any(h => h.Trim().StartsWith('/') || h.Trim().StartsWith('@'));
}
