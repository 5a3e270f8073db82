namespace Collaboration.Browser.Tests.Mail;

/// <summary>Browser tests whose app sends email to a loopback SMTP server (run one collection at a time, like the others).</summary>
[CollectionDefinition(Name)]
public sealed class MailBrowserCollection : ICollectionFixture<MailBrowserFixture>
{
    public const string Name = "Browser mail";
}
