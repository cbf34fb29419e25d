namespace Strata.Testing.Tests;

/// <summary>
/// The tests that run <c>clean</c> on the shared server. A clean drops every dead owner's clone it finds, so two of
/// these tests running at once drop each other's planted leftovers; xunit runs one collection's tests one at a time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class CleanTests
{
    /// <summary>The collection's name.</summary>
    public const string Name = "clean";
}
