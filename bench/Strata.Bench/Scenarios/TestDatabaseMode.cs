namespace Strata.Bench.Scenarios;

/// <summary>How <see cref="TestDatabaseScenario"/> gets a test its database.</summary>
internal enum TestDatabaseMode
{
    WarmPool,
    ColdClone,
    Reset,
    FromScratch,
}
