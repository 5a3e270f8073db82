using Collaboration.Testing;

namespace Collaboration.Web.Tests.Mail;

/// <summary>Where the links in emails lead: the operator's address in Production (required), else the node's own.</summary>
public sealed class PublicBaseUrlTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ProductionStart_WithoutPublicBaseUrl_StopsAndSaysWhatToSet()
    {
        await using var app = new ConcertationFactory(settings: [("environment", "Production")]);

        var error = Assert.Throws<InvalidOperationException>(() => app.CreateClient());

        Assert.Contains("Mail__PublicBaseUrl", error.Message);
    }

    [Fact]
    public async Task EmailLinks_LeadToTheAddressTheNodeListensOn_WhenNoPublicBaseUrlIsSet()
    {
        // Arrange: a node on a port the OS picks, no Mail:PublicBaseUrl.
        await using var smtp = LoopbackSmtpServer.Start();
        await using var app = new ConcertationFactory(null, kestrel: true, MailSettings.For(smtp.Port, ("Mail:PublicBaseUrl", null)));
        await using var mail = new MailAppClient(app);
        var session = await mail.CreateSessionAsync(capacity: 3);

        // Act
        await mail.RegisterAsync(session, $"lien-{Guid.NewGuid():N}@exemple.ca");
        var received = new ReceivedMail((await smtp.WaitForAsync(1, Timeout)).Single());

        // Assert: the manage link leads to this node.
        var link = received.Link("/workshops/manage.html");
        Assert.Equal(app.ServerAddress.GetLeftPart(UriPartial.Authority), link.GetLeftPart(UriPartial.Authority));
    }
}
