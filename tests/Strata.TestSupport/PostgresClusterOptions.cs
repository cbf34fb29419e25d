namespace Strata.TestSupport;

/// <summary>
/// How a dedicated throwaway cluster (<see cref="PostgresCluster.Start"/>) differs from the shared one: where it
/// listens, extra <c>postgresql.conf</c> and <c>pg_hba.conf</c> lines, files for its data folder (TLS keys), and the
/// network namespace it runs in. The defaults give the same cluster as <see cref="PostgresServer"/>'s.
/// </summary>
public sealed record PostgresClusterOptions
{
    /// <summary><c>listen_addresses</c>, e.g. <c>'127.0.0.1,127.0.0.2'</c> or <c>*</c>; default the loopback address.</summary>
    public string ListenAddresses { get; init; } = "127.0.0.1";

    /// <summary>Lines appended to <c>postgresql.conf</c>, e.g. <c>ssl = on</c>.</summary>
    public IReadOnlyList<string> Settings { get; init; } = [];

    /// <summary>Lines appended to <c>pg_hba.conf</c>, e.g. <c>host all all 10.0.0.0/8 scram-sha-256</c>.</summary>
    public IReadOnlyList<string> HbaLines { get; init; } = [];

    /// <summary>Files written into the data folder (name → text), owned by the server user with mode 0600.</summary>
    public IReadOnlyDictionary<string, string> DataFiles { get; init; } = new Dictionary<string, string>();

    /// <summary>The network namespace (<c>ip netns</c>) to start the server in, or null for the test process's own.</summary>
    public string? NetworkNamespace { get; init; }
}
