using System.Text.RegularExpressions;
using Collaboration.Testing;
using MimeKit;
using OtpNet;

namespace Collaboration.Browser.Tests.Mail;

/// <summary>
/// An organiser's account from the invitation to a reset, in Chromium: invite from the team page,
/// accept from the email, enrol the second factor (codes computed here by Otp.NET from the key the
/// page shows), sign out, sign in with the code, then reset the password from the emailed link and sign in with a recovery code.
/// </summary>
[Collection(MailBrowserCollection.Name)]
public sealed partial class OrganiserAccountBrowserTests(MailBrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private const string Password = "Une phrase de passe bien longue";
    private const string NewPassword = "Un tout autre mot de passe";

    [Fact]
    public async Task Invitee_Accepts_EnrolsTheCode_SignsInWithIt_AndResetsThePasswordFromTheEmail()
    {
        // Arrange: the organiser invites a colleague from the team page.
        var email = $"sophie-{Guid.NewGuid():N}@exemple.qc.ca";
        await using (var organiser = await fixture.NewSessionAsync(output))
        {
            await SignInAsync(organiser.Page, BrowserAppFixture.OrganiserEmail, BrowserAppFixture.OrganiserPassword, "/equipe");
            var invite = organiser.Page.GetByTestId("invite-form");
            await invite.GetByLabel("Nom").FillAsync("Sophie Lamarre");
            await invite.GetByLabel("Courriel", new() { Exact = true }).FillAsync(email);
            await invite.GetByRole(AriaRole.Button, new() { Name = "Envoyer l'invitation" }).ClickAsync();
            await Expect(organiser.Page.GetByTestId("team-status")).ToContainTextAsync($"Invitation envoyée à {email}");
        }

        // Act 1: the invitee opens the emailed link and chooses a password.
        await using var invitee = await fixture.NewSessionAsync(output);
        var page = invitee.Page;
        await page.GotoAsync(LocalPath(await LinkAsync(email, "Invitation", "/equipe/invitation")));
        await ChoosePasswordAsync(page, Password, "Créer mon mot de passe");
        await page.WaitForURLAsync(url => url.EndsWith("/equipe", StringComparison.Ordinal));

        // Act 2: enrol the authenticator with the key the page shows; the ten recovery codes appear once.
        await page.GetByRole(AriaRole.Button, new() { Name = "Configurer la double vérification" }).ClickAsync();
        await Expect(page.GetByTestId("factor-secret")).ToHaveTextAsync(Base32Key());
        var totp = new Totp(Base32Encoding.ToBytes((await page.GetByTestId("factor-secret").TextContentAsync())!));
        await page.GetByLabel("Code à six chiffres").FillAsync(totp.ComputeTotp(DateTime.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer" }).ClickAsync();
        await Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
        var recoveryCode = (await page.GetByTestId("recovery-codes").Locator("li").First.TextContentAsync())!;

        // Act 3: sign out, sign in: the password, then the code of the next step (the enrolment used this one).
        await page.GetByTestId("logout-button").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/equipe"));
        await SignInAsync(page, email, Password, "/equipe", totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30)));

        // Assert: signed in, the team page says the factor is on.
        await Expect(page.GetByTestId("factor-state")).ToContainTextAsync("demande un code");

        // Act 4: "forgot my password" in another browser, the link from the email, a new password.
        await using var forgetful = await fixture.NewSessionAsync(output);
        await forgetful.Page.GotoAsync("/login.html");
        await forgetful.Page.GetByTestId("forgot-link").ClickAsync();
        await forgetful.Page.GetByLabel("Courriel", new() { Exact = true }).FillAsync(email);
        await forgetful.Page.GetByRole(AriaRole.Button, new() { Name = "Envoyer le lien" }).ClickAsync();
        await Expect(forgetful.Page.GetByTestId("forgot-status")).ToContainTextAsync("Si un compte existe");
        await forgetful.Page.GotoAsync(LocalPath(await LinkAsync(email, "Réinitialiser", "/mot-de-passe/nouveau")));
        await ChoosePasswordAsync(forgetful.Page, NewPassword, "Enregistrer le mot de passe");

        // Assert: done; the first browser's session has ended; the new password signs in, the second factor still asked (a recovery code here).
        await Expect(forgetful.Page.GetByTestId("reset-done")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await page.WaitForURLAsync(url => url.Contains("login.html"));
        await SignInAsync(forgetful.Page, email, NewPassword, "/equipe", recoveryCode);
        await Expect(forgetful.Page.GetByRole(AriaRole.Heading, new() { Name = "Équipe", Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>Signs in from the login page; with a <paramref name="code"/>, the page must ask for it after the password.</summary>
    private static async Task SignInAsync(IPage at, string who, string password, string returnUrl, string? code = null)
    {
        await at.GotoAsync($"/login.html?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await at.GetByLabel("Courriel", new() { Exact = true }).FillAsync(who);
        await at.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(password);
        await at.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        if (code is not null)
        {
            await Expect(at.GetByTestId("login-error")).ToContainTextAsync("code"); // the password was right: the page asks for the code
            await Expect(at.GetByLabel("Code de vérification")).ToBeVisibleAsync();
            await at.GetByLabel("Code de vérification").FillAsync(code);
            await at.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        }
        await at.WaitForURLAsync(url => !url.Contains("login.html"));
    }

    private static async Task ChoosePasswordAsync(IPage page, string password, string button)
    {
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Le même mot de passe, encore").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
    }

    /// <summary>The link of the first message to <paramref name="to"/> whose subject has <paramref name="subject"/>.</summary>
    private async Task<Uri> LinkAsync(string to, string subject, string path)
    {
        var message = await Poll.UntilAsync(
            () => Task.FromResult(fixture.Smtp.Received.FirstOrDefault(m => m.To.Mailboxes.Single().Address == to && m.Subject?.Contains(subject) == true)),
            m => m is not null, Timeout, $"'{subject}' to {to}");
        return UrlPattern().Matches(message!.TextBody ?? "").Select(m => new Uri(m.Value)).First(u => u.AbsolutePath == path);
    }

    /// <summary>The emailed link on this test's server (the email's base address is the configured public one).</summary>
    private static string LocalPath(Uri link) => link.PathAndQuery + link.Fragment;

    [GeneratedRegex("^[A-Z2-7]{32}$")]
    private static partial Regex Base32Key();

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex UrlPattern();
}
