using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Collaboration.Web.Tests.Accounts;

/// <summary>Password reset by email: the same answer for everyone, a 30-minute single-use link, every session ended.</summary>
[Collection(TeamCollection.Name)]
public sealed class PasswordResetTests(TeamAppFixture team)
{
    private static readonly TimeSpan Timeout = TeamAppFixture.Timeout;
    private const string NewPassword = "Un tout autre mot de passe";

    [Fact]
    public async Task Request_AnswersTheSame_WhetherOrNotTheAccountExists_AndMailsOnlyTheOwner()
    {
        // Arrange
        var email = $"reset-{Guid.NewGuid():N}@exemple.qc.ca";
        var nobody = $"nobody-{Guid.NewGuid():N}@exemple.qc.ca";
        await team.NewOrganiserAsync(email);

        // Act
        var known = await team.Client().PostAsJsonAsync("/api/auth/password-reset", new { email }).WaitAsync(Timeout);
        var unknown = await team.Client().PostAsJsonAsync("/api/auth/password-reset", new { email = nobody }).WaitAsync(Timeout);
        var mail = await team.MailAsync(email, "Réinitialiser");

        // Assert: same status, same body; the link only in the owner's mailbox.
        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        Assert.Contains("/mot-de-passe/nouveau#t=", mail.Text);
        Assert.DoesNotContain(team.Smtp.Received, m => m.To.Mailboxes.Any(b => b.Address == nobody));
    }

    [Fact]
    public async Task Link_SetsTheNewPasswordOnce_AndEndsEverySessionOfTheAccount()
    {
        // Arrange: the account is signed in on two devices.
        var email = $"forgetful-{Guid.NewGuid():N}@exemple.qc.ca";
        var first = await team.NewOrganiserAsync(email);
        var second = team.Client();
        (await second.PostAsJsonAsync("/api/auth/login", new { email, password = TeamAppFixture.Password }).WaitAsync(Timeout)).EnsureSuccessStatusCode();
        await team.Client().PostAsJsonAsync("/api/auth/password-reset", new { email }).WaitAsync(Timeout);
        var token = TeamAppFixture.TokenOf((await team.MailAsync(email, "Réinitialiser")).Link("/mot-de-passe/nouveau"));

        // Act
        var reset = await team.Client().PostAsJsonAsync("/api/auth/password-reset/complete", new { token, password = NewPassword }).WaitAsync(Timeout);
        var twice = await team.Client().PostAsJsonAsync("/api/auth/password-reset/complete", new { token, password = "Encore un autre mot de passe" });
        var oldPassword = await team.Client().PostAsJsonAsync("/api/auth/login", new { email, password = TeamAppFixture.Password });
        var newPassword = await team.Client().PostAsJsonAsync("/api/auth/login", new { email, password = NewPassword });

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.False(await team.SignedInAsync(first));
        Assert.False(await team.SignedInAsync(second));
        Assert.Equal("invalid-link", (await twice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newPassword.StatusCode);
    }

    [Fact]
    public async Task Link_IsRefused_After30Minutes()
    {
        // Arrange
        var email = $"late-{Guid.NewGuid():N}@exemple.qc.ca";
        await team.NewOrganiserAsync(email);
        await team.Client().PostAsJsonAsync("/api/auth/password-reset", new { email }).WaitAsync(Timeout);
        var token = TeamAppFixture.TokenOf((await team.MailAsync(email, "Réinitialiser")).Link("/mot-de-passe/nouveau"));

        // Act
        team.Clock.Advance(TimeSpan.FromMinutes(31));
        var late = await team.Client().PostAsJsonAsync("/api/auth/password-reset/complete", new { token, password = NewPassword }).WaitAsync(Timeout);
        var forged = await team.Client().PostAsJsonAsync("/api/auth/password-reset/complete", new { token = token[..^4] + "AAAA", password = NewPassword });

        // Assert: expired and forged links get the same answer; the password did not change.
        Assert.Equal("invalid-link", (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal("invalid-link", (await forged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await team.Client().PostAsJsonAsync("/api/auth/login", new { email, password = TeamAppFixture.Password })).StatusCode);
    }
}
