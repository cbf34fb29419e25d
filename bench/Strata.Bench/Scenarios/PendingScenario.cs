namespace Strata.Bench.Scenarios;

/// <summary>
/// A row the issue asks for whose subject is being built elsewhere (the test-database toolkit, the schema engine,
/// lint): it appears in the table as "not yet measured (needs …)" until a real scenario class replaces it.
/// </summary>
internal sealed class PendingScenario(string what, string tool, int size, string needs) : IScenario
{
    public string What => what;

    public string Tool => tool;

    public int Size => size;

    public string? NotMeasured => $"not yet measured (needs {needs})";

    public Task SetUpAsync() => Task.CompletedTask;

    public Task<TimeSpan> RunOnceAsync() => throw new InvalidOperationException(NotMeasured);

    public Task TearDownAsync() => Task.CompletedTask;
}
