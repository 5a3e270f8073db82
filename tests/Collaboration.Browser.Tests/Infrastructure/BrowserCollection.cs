namespace Collaboration.Browser.Tests.Infrastructure;

/// <summary>Browser tests share one app and one Chromium and run one at a time (2-core machines).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserAppFixture>
{
    public const string Name = "Browser";
}
