namespace Collaboration.Browser.Tests.Cluster;

/// <summary>The browser tests that run against two PostgreSQL nodes behind nginx.</summary>
[CollectionDefinition(Name)]
public sealed class ProxiedClusterCollection : ICollectionFixture<ProxiedClusterFixture>
{
    public const string Name = "Proxied cluster";
}
