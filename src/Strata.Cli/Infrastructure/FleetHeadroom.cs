using Strata.Errors;

namespace Strata.Cli.Infrastructure;

/// <summary>
/// Before a fleet run: for each server among the targets, a warning when <c>--parallel</c> targets at up to
/// <see cref="ConnectionsPerTarget"/> connections each would need more connections than the server has free
/// (<c>max_connections</c> less the reserved slots and the sessions open now). One query per server; a server that
/// cannot be reached is left to the run, which names it. The headroom comes from the dialect set; a dialect without the
/// notion (SQLite opens files) reports none and gets no warning.
/// </summary>
internal static class FleetHeadroom
{
    /// <summary>A migrating target holds its session's connection and, while it waits for or holds the lock, a second one.</summary>
    public const int ConnectionsPerTarget = 2;

    public static async Task WarnAsync(CommandContext ctx, IReadOnlyList<FleetTargets.Listed> listed, int parallel, CancellationToken ct)
    {
        var servers = listed.GroupBy(l => Server(l.Target.Provider.DisplayName), StringComparer.OrdinalIgnoreCase);
        foreach (var server in servers)
        {
            var needed = Math.Min(parallel, server.Count()) * ConnectionsPerTarget;
            int? free;
            try
            {
                free = await CommandContext.Dialects.ReadConnectionHeadroomAsync(server.First().Database, ct);
            }
            catch (StrataException)
            {
                continue;
            }

            if (free is { } headroom && needed > headroom)
            {
                ctx.Terminal.Warning(
                    $"--parallel {parallel} may open up to {needed} connections to {server.Key}, which has {Math.Max(headroom, 0)} free (max_connections less reserved slots and open sessions, or the role's connection limit); "
                    + "targets that cannot connect fail with exit 5: lower --parallel, or raise max_connections");
            }
        }
    }

    /// <summary><c>host:port</c> of a <c>postgres://user@host:port/db</c> display name.</summary>
    private static string Server(string display) =>
        Uri.TryCreate(display, UriKind.Absolute, out var uri) ? $"{uri.Host}:{uri.Port}" : display;
}
