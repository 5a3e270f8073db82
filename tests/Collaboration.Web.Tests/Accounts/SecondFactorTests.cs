using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OtpNet;

namespace Collaboration.Web.Tests.Accounts;

/// <summary>TOTP with codes computed here by Otp.NET from the enrolment's secret, and the recovery codes.</summary>
[Collection(TeamCollection.Name)]
public sealed class SecondFactorTests(TeamAppFixture team)
{
    private static readonly TimeSpan Timeout = TeamAppFixture.Timeout;

    [Fact]
    public async Task SignIn_AsksForTheCode_AcceptsACodeOnce_AndEachRecoveryCodeOnce()
    {
        // Arrange: enrol with the secret the page shows, confirmed by the code of now.
        var email = $"totp-{Guid.NewGuid():N}@exemple.qc.ca";
        var organiser = await team.NewOrganiserAsync(email);
        var (enrolment, totp) = await BeginEnrolmentAsync(organiser);
        var wrong = await organiser.PostAsJsonAsync("/api/auth/second-factor/totp/confirm", new { code = "000000" == Code(totp, 0) ? "111111" : "000000" });
        var confirmed = await organiser.PostAsJsonAsync("/api/auth/second-factor/totp/confirm", new { code = Code(totp, 0) }).WaitAsync(Timeout);
        var recoveryCodes = (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToList();

        // Act
        var withoutCode = await SignInAsync(email, null);
        var next = Code(totp, 30); // the next step: the enrolment used this one
        var withCode = await SignInAsync(email, next);
        var replayed = await SignInAsync(email, next);
        var withRecovery = await SignInAsync(email, recoveryCodes[0].ToLowerInvariant().Replace("-", " "));
        var recoveryAgain = await SignInAsync(email, recoveryCodes[0]);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(10, recoveryCodes.Distinct().Count());
        Assert.Equal("otpauth", new Uri(enrolment.GetProperty("uri").GetString()!).Scheme);
        Assert.Contains("<svg", enrolment.GetProperty("qrSvg").GetString());
        Assert.Equal("second-factor-required", await CodeOf(withoutCode));
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
        Assert.Equal("invalid-second-factor", await CodeOf(replayed));
        Assert.Equal(HttpStatusCode.OK, withRecovery.StatusCode);
        Assert.Equal("invalid-second-factor", await CodeOf(recoveryAgain));
        Assert.True((await team.TeamMemberAsync(email)).GetProperty("secondFactor").GetBoolean());
    }

    [Fact]
    public async Task AnotherOrganiser_ResetsALostFactor_AndThePasswordAloneSignsInAgain()
    {
        // Arrange
        var email = $"lost-{Guid.NewGuid():N}@exemple.qc.ca";
        var organiser = await team.NewOrganiserAsync(email);
        var (_, totp) = await BeginEnrolmentAsync(organiser);
        (await organiser.PostAsJsonAsync("/api/auth/second-factor/totp/confirm", new { code = Code(totp, 0) }).WaitAsync(Timeout)).EnsureSuccessStatusCode();
        Assert.Equal("second-factor-required", await CodeOf(await SignInAsync(email, null)));

        // Act
        var reset = await team.Organiser.PostAsync($"/api/organisers/{Uri.EscapeDataString(email)}/second-factor/reset", null).WaitAsync(Timeout);

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(email, null)).StatusCode);
        Assert.False((await team.TeamMemberAsync(email)).GetProperty("secondFactor").GetBoolean());
    }

    /// <summary>Starts an enrolment; the authenticator is built here from the key the page would show.</summary>
    private static async Task<(JsonElement Enrolment, Totp Totp)> BeginEnrolmentAsync(HttpClient organiser)
    {
        var enrolment = await (await organiser.PostAsync("/api/auth/second-factor/totp", null).WaitAsync(Timeout)).Content.ReadFromJsonAsync<JsonElement>();
        return (enrolment, new Totp(Base32Encoding.ToBytes(enrolment.GetProperty("secret").GetString())));
    }

    /// <summary>The authenticator's code at the app's clock, <paramref name="seconds"/> later.</summary>
    private string Code(Totp totp, int seconds) => totp.ComputeTotp(team.Clock.GetUtcNow().UtcDateTime.AddSeconds(seconds));

    private Task<HttpResponseMessage> SignInAsync(string email, string? code) =>
        team.Client().PostAsJsonAsync("/api/auth/login", new { email, password = TeamAppFixture.Password, code }).WaitAsync(Timeout);

    private static async Task<string?> CodeOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
}
