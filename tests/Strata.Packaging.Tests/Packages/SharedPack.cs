namespace Strata.Packaging.Tests.Packages;

/// <summary>
/// The tests that share one pack of src: the suite's only native AOT compile, so it runs once per test run (a few
/// minutes; see ADR 011).
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedPack : ICollectionFixture<PackedSources>
{
    /// <summary>The collection's name for <c>[Collection]</c>.</summary>
    public const string Name = "Packed sources";
}
