namespace Strata.Reliability.Tests.Concurrency;

/// <summary>One server process of a test database as <c>pg_stat_activity</c> shows it.</summary>
/// <param name="Pid">The backend's process id.</param>
/// <param name="ApplicationName">The client's <c>application_name</c>.</param>
/// <param name="State"><c>active</c>, <c>idle</c>, <c>idle in transaction</c>, ….</param>
/// <param name="HasSnapshot">True when <c>backend_xmin</c> is set (the session holds a snapshot).</param>
/// <param name="Query">The running or last query.</param>
/// <param name="WaitEvent">What it waits for, or null.</param>
public sealed record Backend(int Pid, string ApplicationName, string State, bool HasSnapshot, string Query, string? WaitEvent)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"pid {Pid} '{ApplicationName}' {State}{(HasSnapshot ? " (snapshot)" : "")}{(WaitEvent is null ? "" : " waiting on " + WaitEvent)}: {Query}";
}
