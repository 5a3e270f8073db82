namespace Collaboration.Web.Tests.Accounts;

/// <summary>The team tests share one app and one SMTP server (each test has accounts of its own).</summary>
[CollectionDefinition(Name)]
public sealed class TeamCollection : ICollectionFixture<TeamAppFixture>
{
    public const string Name = "team";
}
