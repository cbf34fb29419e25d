using System.Globalization;
using Strata.TestSupport;

namespace Strata.Reliability.Tests.Network;

/// <summary>
/// A small private network built from Linux network namespaces (R04, R24): a server namespace running a throwaway
/// PostgreSQL cluster, and client namespaces each joined to it by a veth pair (client k is <c>10.213.k.2</c>, the
/// server <c>10.213.k.1</c> on that link). All traffic stays inside these namespaces; nothing is routed to the host
/// or beyond. A client's link can be cut silently with an nftables drop rule (<see cref="Block"/>): no FIN, no RST,
/// the half-open connection of R04. Needs root (see <see cref="HostTool"/>). Disposing stops the server and deletes
/// the namespaces; a watchdog does it if the test process dies first.
/// </summary>
internal sealed class NetworkLab : IDisposable
{
    private const string BlockTable = "strata_block";
    private static int _sequence;

    private readonly List<string> _namespaces = [];
    private Watchdog? _watchdog;
    private PostgresCluster? _cluster;

    private NetworkLab(string prefix) => Prefix = prefix;

    /// <summary>The namespace name prefix, unique to this test process and lab.</summary>
    public string Prefix { get; }

    /// <summary>The server's namespace.</summary>
    public string ServerNamespace => Prefix + "-s";

    /// <summary>The PostgreSQL cluster in the server namespace.</summary>
    public PostgresCluster Cluster => _cluster ?? throw new InvalidOperationException("the lab's server is not started");

    /// <summary>Runs a command inside the server namespace (a launcher for <see cref="StrataProcess.StartVia"/>).</summary>
    public IReadOnlyList<string> InServer => ["ip", "netns", "exec", ServerNamespace];

    /// <summary>
    /// Builds the namespaces for <paramref name="clients"/> clients and starts the server, listening on every address
    /// of its namespace and accepting SCRAM logins from the clients' links (plus <paramref name="server"/>'s extras).
    /// </summary>
    public static NetworkLab Start(string scenario, int clients, PostgresClusterOptions? server = null)
    {
        HostTool.Require(scenario, ("ip", "iproute2"), ("nft", "nftables"), ("psql", "postgresql-client"));
        var lab = new NetworkLab($"strata-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture)}");
        try
        {
            lab.Build(clients);
            var options = server ?? new PostgresClusterOptions();
            lab._cluster = PostgresCluster.Start(options with
            {
                ListenAddresses = "*",
                NetworkNamespace = lab.ServerNamespace,
                HbaLines = [.. options.HbaLines, "host all all 10.213.0.0/16 scram-sha-256"],
            });
            return lab;
        }
        catch
        {
            lab.Dispose();
            throw;
        }
    }

    /// <summary>Client <paramref name="client"/>'s namespace (1-based).</summary>
    public string ClientNamespace(int client) => $"{Prefix}-c{client.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Runs a command inside client <paramref name="client"/>'s namespace.</summary>
    public IReadOnlyList<string> InClient(int client) => ["ip", "netns", "exec", ClientNamespace(client)];

    /// <summary>The server's address on client <paramref name="client"/>'s link (not a loopback address).</summary>
    public static string ServerAddress(int client) => $"10.213.{client.ToString(CultureInfo.InvariantCulture)}.1";

    /// <summary>Client <paramref name="client"/>'s own address, as the server sees it (<c>client_addr</c>).</summary>
    public static string ClientAddress(int client) => $"10.213.{client.ToString(CultureInfo.InvariantCulture)}.2";

    /// <summary>Runs SQL as the superuser over the server namespace's loopback; returns psql's unaligned output.</summary>
    public string Psql(string database, string sql)
    {
        var connection = $"host=127.0.0.1 port={Cluster.Port.ToString(CultureInfo.InvariantCulture)} user={PostgresCluster.SuperUser} dbname={database} connect_timeout=10";
        var variables = new Dictionary<string, string> { ["PGPASSWORD"] = Cluster.Password, ["PGAPPNAME"] = "strata-tests" };
        return HostTool.Check("ip", ["netns", "exec", ServerNamespace, "psql", connection, "-X", "-At", "-v", "ON_ERROR_STOP=1", "-c", sql], variables, TimeSpan.FromSeconds(30)).Trim();
    }

    /// <summary>Drops every packet on client <paramref name="client"/>'s link, both ways, without telling either end.</summary>
    public void Block(int client)
    {
        var rules = Path.Combine(Path.GetTempPath(), $"{Prefix}-block-{client.ToString(CultureInfo.InvariantCulture)}.nft");
        File.WriteAllText(rules, $$"""
            table inet {{BlockTable}} {
              chain input { type filter hook input priority -300; policy accept; iifname "eth0" drop; }
              chain output { type filter hook output priority -300; policy accept; oifname "eth0" drop; }
            }
            """);
        try
        {
            HostTool.Check("ip", ["netns", "exec", ClientNamespace(client), "nft", "-f", rules]);
        }
        finally
        {
            File.Delete(rules);
        }
    }

    /// <summary>Removes the drop rules of <see cref="Block"/>.</summary>
    public void Unblock(int client) =>
        HostTool.Check("ip", ["netns", "exec", ClientNamespace(client), "nft", "delete", "table", "inet", BlockTable]);

    /// <summary>Stops the server and deletes the namespaces.</summary>
    public void Dispose()
    {
        _cluster?.Dispose();
        foreach (var name in _namespaces)
        {
            HostTool.Run("ip", ["netns", "delete", name]);
        }

        _watchdog?.Dispose();
    }

    private void Build(int clients)
    {
        var names = new[] { ServerNamespace }.Concat(Enumerable.Range(1, clients).Select(ClientNamespace)).ToList();
        _watchdog = Watchdog.Start(string.Join("; ", names.Select(n => $"ip netns delete {n}")));
        foreach (var name in names)
        {
            HostTool.Check("ip", ["netns", "add", name]);
            _namespaces.Add(name);
            HostTool.Check("ip", ["-n", name, "link", "set", "lo", "up"]);
        }

        for (var client = 1; client <= clients; client++)
        {
            var link = "c" + client.ToString(CultureInfo.InvariantCulture);
            HostTool.Check("ip", ["-n", ServerNamespace, "link", "add", link, "type", "veth", "peer", "name", "eth0", "netns", ClientNamespace(client)]);
            HostTool.Check("ip", ["-n", ServerNamespace, "addr", "add", ServerAddress(client) + "/24", "dev", link]);
            HostTool.Check("ip", ["-n", ServerNamespace, "link", "set", link, "up"]);
            HostTool.Check("ip", ["-n", ClientNamespace(client), "addr", "add", ClientAddress(client) + "/24", "dev", "eth0"]);
            HostTool.Check("ip", ["-n", ClientNamespace(client), "link", "set", "eth0", "up"]);
        }
    }
}
