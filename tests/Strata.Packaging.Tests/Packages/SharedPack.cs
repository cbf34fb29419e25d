namespace Strata.Packaging.Tests.Packages;

/// <summary>The tests that share one pack of src (it takes most of a minute).</summary>
[CollectionDefinition(Name)]
public sealed class SharedPack : ICollectionFixture<PackedSources>
{
    /// <summary>The collection's name for <c>[Collection]</c>.</summary>
    public const string Name = "Packed sources";
}
