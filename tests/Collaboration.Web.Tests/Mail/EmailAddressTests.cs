using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Testing;
using MimeKit;

namespace Collaboration.Web.Tests.Mail;

/// <summary>What an email address may be: no address literal, an ASCII mailbox name, an internationalised domain sent in its ASCII form.</summary>
public sealed class EmailAddressTests(MailAppFixture fixture) : IClassFixture<MailAppFixture>
{
    private static readonly TimeSpan Timeout = MailAppFixture.Timeout;

    [Theory]
    [InlineData("x@[127.0.0.1]", "pas une adresse IP")]
    [InlineData("x@[IPv6:::1]", "pas une adresse IP")]
    [InlineData("x@127.0.0.1", "pas une adresse IP")]
    [InlineData("éloïse@exemple.ca", "sans accents")]
    public async Task Registration_WithAnAddressLiteralOrANonAsciiMailbox_Is400_SayingWhy(string email, string reason)
    {
        var session = await fixture.CreateSessionAsync(capacity: 5);

        var response = await fixture.App.CreateClient().PostAsJsonAsync($"/api/workshops/{session}/registrations", new
        {
            organisation = "Ferme Roy", contactName = "Ana Roy", email, seats = 1, sector = "Alimentation", consent = true,
        }).WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("email");
        Assert.Contains(reason, error.GetProperty("fr").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("en").GetString()));
        var registrants = await fixture.Organiser.GetFromJsonAsync<JsonElement>($"/api/workshops/{session}/registrants").WaitAsync(Timeout);
        Assert.Equal(0, registrants.GetArrayLength());
    }

    [Fact]
    public async Task Registration_WithAnInternationalisedDomain_IsAccepted_AndTheMailGoesToItsAsciiForm()
    {
        var session = await fixture.CreateSessionAsync(capacity: 5);
        var mailbox = $"ana-{Guid.NewGuid():N}";

        await fixture.RegisterAsync(session, $"{mailbox}@café.ca");
        // MimeKit writes the domain in its ASCII form; the raw header is read, as its parser would decode it back to Unicode.
        var to = await Poll.UntilAsync(() => Task.FromResult(fixture.Smtp.Received.Select(m => m.Headers[HeaderId.To])
            .FirstOrDefault(h => h?.Contains(mailbox, StringComparison.Ordinal) == true)), h => h is not null, Timeout, $"a message to {mailbox}");

        Assert.Contains($"{mailbox}@xn--caf-dma.ca", to);
    }
}
