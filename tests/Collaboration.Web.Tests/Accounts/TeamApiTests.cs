using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Collaboration.Web.Tests.Accounts;

/// <summary>The team: invitations by email, the list with last sign-in, deactivation that ends the sessions.</summary>
[Collection(TeamCollection.Name)]
public sealed class TeamApiTests(TeamAppFixture team)
{
    private static readonly TimeSpan Timeout = TeamAppFixture.Timeout;

    [Fact]
    public async Task Invitation_SendsA72HourLink_TheInviteeSetsTheirPassword_AndIsListedWithTheirSignIn()
    {
        // Arrange
        var email = $"invitee-{Guid.NewGuid():N}@exemple.qc.ca";

        // Act
        var invited = await team.Organiser.PostAsJsonAsync("/api/organisers/invitations", new { email, displayName = "Awa Diallo" }).WaitAsync(Timeout);
        var answer = await invited.Content.ReadFromJsonAsync<JsonElement>();
        var pending = await team.TeamMemberAsync(email);
        var mail = await team.MailAsync(email, "Invitation");
        var token = TeamAppFixture.TokenOf(mail.Link("/equipe/invitation"));
        var weak = await team.Client().PostAsJsonAsync("/api/organisers/invitations/accept", new { token, password = "court" });
        var invitee = team.Client();
        var accepted = await invitee.PostAsJsonAsync("/api/organisers/invitations/accept", new { token, password = TeamAppFixture.Password });
        var again = await team.Client().PostAsJsonAsync("/api/organisers/invitations/accept", new { token, password = TeamAppFixture.Password });

        // Assert: the answer carries no token; the link is valid 72 h, once; a refused password does not use it up.
        Assert.Equal(HttpStatusCode.Accepted, invited.StatusCode);
        Assert.DoesNotContain(token, answer.ToString());
        Assert.Equal(team.Clock.GetUtcNow().AddHours(72), answer.GetProperty("expiresAt").GetDateTimeOffset(), TimeSpan.FromMinutes(1));
        Assert.Equal("invited", pending.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, pending.GetProperty("lastSignInAt").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.True(await team.SignedInAsync(invitee));
        Assert.Equal("invalid-link", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var active = await team.TeamMemberAsync(email);
        Assert.Equal("active", active.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, active.GetProperty("lastSignInAt").ValueKind);
        Assert.False(active.TryGetProperty("passwordHash", out _));
        var login = await team.Client().PostAsJsonAsync("/api/auth/login", new { email, password = TeamAppFixture.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task Invitation_IsRefused_ForAnExistingAccount_AndAnInvitationAgainKillsTheFirstLink()
    {
        // Arrange
        var email = $"twice-{Guid.NewGuid():N}@exemple.qc.ca";
        await team.Organiser.PostAsJsonAsync("/api/organisers/invitations", new { email, displayName = "Deux fois" }).WaitAsync(Timeout);
        var first = await team.MailAsync(email, "Invitation");

        // Act
        await team.Organiser.PostAsJsonAsync("/api/organisers/invitations", new { email, displayName = "Deux fois" }).WaitAsync(Timeout);
        var second = await team.MailAsync(email, "Invitation", skip: 1);
        var withFirst = await team.Client().PostAsJsonAsync("/api/organisers/invitations/accept",
            new { token = TeamAppFixture.TokenOf(first.Link("/equipe/invitation")), password = TeamAppFixture.Password });
        var withSecond = await team.Client().PostAsJsonAsync("/api/organisers/invitations/accept",
            new { token = TeamAppFixture.TokenOf(second.Link("/equipe/invitation")), password = TeamAppFixture.Password });
        var existing = await team.Organiser.PostAsJsonAsync("/api/organisers/invitations",
            new { email = ConcertationFactory.OrganiserEmail, displayName = "Moi" });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, withFirst.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withSecond.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, existing.StatusCode);
    }

    [Fact]
    public async Task Deactivate_EndsTheAccountsSessions_AndRefusesItsSignIn_UntilReactivated()
    {
        // Arrange
        var email = $"leaving-{Guid.NewGuid():N}@exemple.qc.ca";
        var leaving = await team.NewOrganiserAsync(email);
        Assert.True(await team.SignedInAsync(leaving));

        // Act
        var deactivated = await team.Organiser.PostAsync($"/api/organisers/{Uri.EscapeDataString(email)}/deactivate", null).WaitAsync(Timeout);
        var login = await team.Client().PostAsJsonAsync("/api/auth/login", new { email, password = TeamAppFixture.Password });
        var self = await team.Organiser.PostAsync($"/api/organisers/{Uri.EscapeDataString(ConcertationFactory.OrganiserEmail)}/deactivate", null);
        var reactivated = await team.Organiser.PostAsync($"/api/organisers/{Uri.EscapeDataString(email)}/reactivate", null).WaitAsync(Timeout);
        var loginAgain = await team.Client().PostAsJsonAsync("/api/auth/login", new { email, password = TeamAppFixture.Password });

        // Assert: the cookie stops working at once; sign-in says only "incorrect" (nothing about the account).
        Assert.Equal(HttpStatusCode.NoContent, deactivated.StatusCode);
        Assert.False(await team.SignedInAsync(leaving));
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal("invalid-credentials", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, reactivated.StatusCode);
        Assert.Equal(HttpStatusCode.OK, loginAgain.StatusCode);
    }

    [Fact]
    public async Task TeamPage_ListsTheOrganisers_ForAnOrganiser()
    {
        // Arrange
        var email = $"listed-{Guid.NewGuid():N}@exemple.qc.ca";
        await team.NewOrganiserAsync(email, "Listée Sur La Page");

        // Act
        var page = await team.Organiser.GetStringAsync("/equipe").WaitAsync(Timeout);

        // Assert
        Assert.Contains("Listée Sur La Page", page);
        Assert.Contains(ConcertationFactory.OrganiserEmail, page);
    }
}
