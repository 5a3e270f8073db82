using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Testing;
using Collaboration.Web.Tests.Accounts;
using OtpNet;
using static Collaboration.Web.Tests.Partners.PartnersTestKit;

namespace Collaboration.Web.Tests.Audit;

/// <summary>The audit log: every account and partner action is recorded with who did it, and it never holds a password, token or code.</summary>
[Collection(TeamCollection.Name)]
public sealed class AuditLogTests(TeamAppFixture team)
{
    private static readonly TimeSpan Timeout = TeamAppFixture.Timeout;
    private const string ChangedPassword = "Un tout autre mot de passe choisi";
    private const string ResetPassword = "Encore une phrase de passe neuve";

    [Fact]
    public async Task EveryAccountAction_IsRecorded_WithWhoDidIt_AndNoSecret()
    {
        // Arrange: an invited organiser who accepts.
        var email = $"audited-{Guid.NewGuid():N}@exemple.qc.ca";
        var organiser = await team.NewOrganiserAsync(email);

        // Act: a second factor enrolled, a recovery code used, the factor reset by a colleague; the password changed,
        // then reset by email; deactivated, reactivated; then six wrong passwords (the sixth starts the back-off).
        var enrolment = await (await organiser.PostAsync("/api/auth/second-factor/totp", null).WaitAsync(Timeout)).Content.ReadFromJsonAsync<JsonElement>();
        var totp = new Totp(Base32Encoding.ToBytes(enrolment.GetProperty("secret").GetString()));
        var confirmed = await organiser.PostAsJsonAsync("/api/auth/second-factor/totp/confirm",
            new { code = totp.ComputeTotp(team.Clock.GetUtcNow().UtcDateTime) }).WaitAsync(Timeout);
        var recoveryCode = (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recoveryCodes")[0].GetString()!;
        var withRecovery = await team.Client().PostAsJsonAsync("/api/auth/login", new { email, password = TeamAppFixture.Password, code = recoveryCode }).WaitAsync(Timeout);
        var factorReset = await team.Organiser.PostAsync($"/api/organisers/{Uri.EscapeDataString(email)}/second-factor/reset", null).WaitAsync(Timeout);
        var changed = await organiser.PostAsJsonAsync("/api/auth/password", new { currentPassword = TeamAppFixture.Password, newPassword = ChangedPassword }).WaitAsync(Timeout);
        await team.Client().PostAsJsonAsync("/api/auth/password-reset", new { email }).WaitAsync(Timeout);
        var resetToken = TeamAppFixture.TokenOf((await team.MailAsync(email, "Réinitialiser")).Link("/mot-de-passe/nouveau"));
        var reset = await team.Client().PostAsJsonAsync("/api/auth/password-reset/complete", new { token = resetToken, password = ResetPassword }).WaitAsync(Timeout);
        var deactivated = await team.Organiser.PostAsync($"/api/organisers/{Uri.EscapeDataString(email)}/deactivate", null).WaitAsync(Timeout);
        var reactivated = await team.Organiser.PostAsync($"/api/organisers/{Uri.EscapeDataString(email)}/reactivate", null).WaitAsync(Timeout);
        for (var i = 0; i < 6; i++)
            await team.Client().PostAsJsonAsync("/api/auth/login", new { email, password = "pas le bon mot de passe" }).WaitAsync(Timeout);

        // Assert: each action once, newest first, by the right person (nobody for the reset request and the back-off).
        Assert.Equal(HttpStatusCode.OK, withRecovery.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, factorReset.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deactivated.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, reactivated.StatusCode);
        (string Action, string? Actor)[] expected =
        [
            ("organiserInvited", ConcertationFactory.OrganiserEmail), ("invitationAccepted", email), ("secondFactorEnrolled", email),
            ("recoveryCodeUsed", email), ("secondFactorReset", ConcertationFactory.OrganiserEmail), ("passwordChanged", email),
            ("passwordResetRequested", null), ("passwordReset", email), ("organiserDeactivated", ConcertationFactory.OrganiserEmail),
            ("organiserReactivated", ConcertationFactory.OrganiserEmail), ("signInBackOff", null),
        ];
        var (entries, raw) = await EntriesAboutAsync(email, expected.Length);
        Assert.Equal(expected.ToList(), entries.Select(e => (e.GetProperty("action").GetString()!, e.GetProperty("actor").GetString())).Reverse().ToList());
        Assert.All(entries, e => Assert.Equal(email, e.GetProperty("subject").GetString()));
        foreach (var secret in new[] { TeamAppFixture.Password, ChangedPassword, ResetPassword, resetToken, recoveryCode, "pas le bon mot de passe" })
            Assert.DoesNotContain(secret, raw);
    }

    [Fact]
    public async Task PartnerCreateEditAndMerge_AreRecorded_AndThePageShowsThem_InFrenchAndEnglish()
    {
        // Arrange
        var name = $"Carrefour audité {Guid.NewGuid():N}";
        var survivor = await CreatePartnerAsync(team.Organiser, name, "joliette", ["accueil"]);
        var duplicate = await CreatePartnerAsync(team.Organiser, name + " (doublon)", "joliette", ["accueil"]);

        // Act
        (await team.Organiser.PutAsJsonAsync($"/api/partners/{survivor.GetProperty("id")}", new
        {
            name, mrc = "joliette", sector = "communautaire", services = new[] { "emploi" }, isPublic = false, expectedVersion = 1,
        }).WaitAsync(Timeout)).EnsureSuccessStatusCode();
        var merged = await team.Organiser.PostAsJsonAsync($"/api/partners/{duplicate.GetProperty("id")}/merge",
            new { survivorId = survivor.GetProperty("id").GetGuid(), expectedVersion = 1 }).WaitAsync(Timeout);
        var english = await PageAsync("en");
        var french = await PageAsync("fr"); // last: the language sticks to the shared client

        // Assert
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var (entries, _) = await EntriesAboutAsync(name, 3);
        Assert.Equal(["partnerCreated", "partnerEdited"], entries.Where(e => e.GetProperty("subject").GetString() == name)
            .Select(e => e.GetProperty("action").GetString()).Reverse());
        var merge = (await EntriesAboutAsync(name + " (doublon)", 2)).Entries[0];
        Assert.Equal("partnerMerged", merge.GetProperty("action").GetString());
        Assert.Equal(name, merge.GetProperty("detail").GetString());
        Assert.All(entries, e => Assert.Equal(ConcertationFactory.OrganiserEmail, e.GetProperty("actor").GetString()));
        Assert.Contains("Organisme fusionné", french);
        Assert.Matches(@"\d{1,2} h \d{2}", french); // Québec time, as the French pages write it
        Assert.Contains("Organisation merged", english);
        Assert.Matches(@"\d{1,2}:\d{2} [ap]\.m\.", english);
    }

    [Fact]
    public async Task TheLog_IsRefused_ToAnyoneButOrganisers_AndPagesItsEntries()
    {
        // Arrange
        var anonymous = team.Client();

        // Act
        var api = await anonymous.GetAsync("/api/audit").WaitAsync(Timeout);
        var page = await anonymous.GetAsync("/equipe/journal").WaitAsync(Timeout);
        var badTake = await team.Organiser.GetAsync("/api/audit?take=500").WaitAsync(Timeout);
        var first = await team.Organiser.GetFromJsonAsync<JsonElement>("/api/audit?take=2").WaitAsync(Timeout);
        var second = await team.Organiser.GetFromJsonAsync<JsonElement>("/api/audit?skip=2&take=2").WaitAsync(Timeout);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.StartsWith("/login", page.RequestMessage!.RequestUri!.AbsolutePath); // sent to sign in
        Assert.DoesNotContain("data-testid=\"audit-", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badTake.StatusCode);
        Assert.Equal(2, first.GetProperty("entries").GetArrayLength());
        var ids = first.GetProperty("entries").EnumerateArray().Concat(second.GetProperty("entries").EnumerateArray()).Select(e => e.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    /// <summary>The entries about <paramref name="subject"/>, newest first, once there are at least <paramref name="count"/>, and the log's JSON.</summary>
    private async Task<(List<JsonElement> Entries, string Raw)> EntriesAboutAsync(string subject, int count)
    {
        var raw = "";
        var found = await Poll.UntilAsync(async () =>
        {
            raw = await team.Organiser.GetStringAsync("/api/audit?take=200").WaitAsync(Timeout);
            return JsonDocument.Parse(raw).RootElement.GetProperty("entries").EnumerateArray()
                .Where(e => e.GetProperty("subject").GetString()!.StartsWith(subject, StringComparison.Ordinal)).ToList();
        }, e => e.Count >= count, Timeout, $"{count} audit entries about {subject}");
        return (found!, raw);
    }

    private async Task<string> PageAsync(string language)
    {
        var response = await team.Organiser.GetAsync($"/equipe/journal?lang={language}").WaitAsync(Timeout);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
