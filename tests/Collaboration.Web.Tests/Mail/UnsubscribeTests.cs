using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Web.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Web.Tests.Mail;

/// <summary>
/// The one-click unsubscribe (RFC 8058) works from a browser that happens to be signed in: the signed
/// token is the proof, so the X-CSRF header every other cookie-carrying POST needs is not asked for.
/// </summary>
public sealed class UnsubscribeTests(MailAppFixture fixture) : IClassFixture<MailAppFixture>
{
    private static readonly TimeSpan Timeout = MailAppFixture.Timeout;

    [Fact]
    public async Task Unsubscribe_Succeeds_ForASignedInBrowserWithoutXCsrf_WithAValidToken()
    {
        // Arrange: a registration, its signed link, and a signed-in client that sends no X-CSRF header.
        var session = await fixture.CreateSessionAsync(capacity: 5);
        var email = $"rappels-{Guid.NewGuid():N}@exemple.qc.ca";
        await fixture.RegisterAsync(session, email);
        var link = await UnsubscribeLinkAsync(session, email);
        using var browser = await SignedInWithoutCsrfAsync();

        // Act: what the page's plain form (or a mail client) posts.
        var response = await browser.PostAsync(link.PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])).WaitAsync(Timeout);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("vous ne recevrez plus de rappel", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unsubscribe_IsRefusedWithProblemDetails_ForASignedInBrowserWithoutXCsrf_WithAnInvalidToken()
    {
        // Arrange
        using var browser = await SignedInWithoutCsrfAsync();

        // Act
        var response = await browser.PostAsync("/api/mail/unsubscribe?t=not-a-signed-link", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]))
            .WaitAsync(Timeout);

        // Assert: the token's refusal, not the CSRF one.
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unsubscribe-invalid", problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("messages").GetProperty("en").GetString()));
    }

    [Fact]
    public async Task OtherPosts_StillNeedXCsrf_ForTheSameSignedInBrowser()
    {
        // Arrange
        using var browser = await SignedInWithoutCsrfAsync();

        // Act: the exemption is this endpoint's only.
        var response = await browser.PostAsJsonAsync("/api/tables", new { name = "Table", quorum = 1 }).WaitAsync(Timeout);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("csrf-header-missing", await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpClient> SignedInWithoutCsrfAsync()
    {
        var client = fixture.App.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login",
            new { email = ConcertationFactory.OrganiserEmail, password = ConcertationFactory.OrganiserPassword }).WaitAsync(Timeout);
        login.EnsureSuccessStatusCode();
        return client;
    }

    private async Task<Uri> UnsubscribeLinkAsync(Guid session, string email)
    {
        var registrants = await fixture.Organiser.GetFromJsonAsync<JsonElement>($"/api/workshops/{session}/registrants").WaitAsync(Timeout);
        var code = registrants.EnumerateArray().Single(r => r.GetProperty("email").GetString() == email).GetProperty("code").GetString()!;
        return fixture.App.Services.GetRequiredService<MailLinks>().UnsubscribeUrl(session, code);
    }
}
