namespace Strata.Conformance;

/// <summary>What a dialect gives the conformance kit: fresh, empty databases.</summary>
public interface IConformanceTarget
{
    /// <summary>Creates an empty database for one test; disposing it drops it.</summary>
    Task<ITestDatabase> CreateDatabaseAsync();
}
