namespace Strata.Studio.Tests.Browser;

/// <summary>The browser tests share one Chromium and run one class at a time (the machine has two cores).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<Chromium>
{
    public const string Name = "browser";
}
