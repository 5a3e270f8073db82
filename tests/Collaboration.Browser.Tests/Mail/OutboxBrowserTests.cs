using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Testing;

namespace Collaboration.Browser.Tests.Mail;

[Collection(MailBrowserCollection.Name)]
public sealed class OutboxBrowserTests(MailBrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Employer_IsToldTheEmailWasSent_AndTheOrganiserSeesItFailed_ThenResendsIt()
    {
        // Arrange: the SMTP server refuses the employer's mailbox at first (550).
        var session = await CreateSessionAsync();
        var email = $"coquille-{Guid.NewGuid():N}@exemple.qc.ca";
        fixture.Smtp.RefuseRecipient = address => address == email;
        await using var employer = await fixture.NewSessionAsync(output);

        // Act: the employer registers through the form.
        await employer.Page.GotoAsync($"/workshops/session.html?id={session}");
        await employer.Page.GetByLabel("Entreprise ou organisme").FillAsync("Érablière du Rang 4");
        await employer.Page.GetByLabel("Personne-ressource").FillAsync("Julie Lavallée");
        await employer.Page.GetByTestId("registration-form").GetByLabel("Courriel").FillAsync(email);
        await employer.Page.GetByLabel("Secteur d’activité").FillAsync("Agroalimentaire");
        await employer.Page.Locator("input[name=consent]").CheckAsync();
        await employer.Page.GetByRole(AriaRole.Button, new() { Name = "M’inscrire" }).ClickAsync();

        // Assert: the confirmation page says where the email went.
        await Expect(employer.Page.GetByTestId("email-notice")).ToHaveTextAsync($"Un courriel de confirmation a été envoyé à {email}.");

        // Act: the organiser opens the session's emails once the server has refused it.
        using var api = await OrganiserApiAsync();
        await Poll.UntilAsync(async () => (await api.GetFromJsonAsync<JsonElement>($"/api/workshops/{session}/outbox"))
            .EnumerateArray().Any(m => m.GetProperty("status").GetString() == "failed"), Timeout, "the message failed");
        await using var organiser = await fixture.NewSessionAsync(output);
        await organiser.Page.GotoAsync("/login.html?returnUrl=/workshops/admin.html");
        await organiser.Page.GetByLabel("Courriel").FillAsync(BrowserAppFixture.OrganiserEmail);
        await organiser.Page.GetByLabel("Mot de passe").FillAsync(BrowserAppFixture.OrganiserPassword);
        await organiser.Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await organiser.Page.Locator($"[data-session-id='{session}']").ClickAsync();
        var outbox = organiser.Page.GetByRole(AriaRole.Region, new() { Name = "Courriels" });
        var row = outbox.Locator("[data-testid=outbox] tbody tr");

        // Assert: failed, with the server's answer and a resend button.
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("td").Nth(0)).ToHaveTextAsync($"Julie Lavallée <{email}>");
        await Expect(row.Locator("td").Nth(1)).ToContainTextAsync("Inscription confirmée");
        await Expect(row.Locator("[data-status]")).ToContainTextAsync("en échec");
        await Expect(row.Locator("[data-status]")).ToContainTextAsync("550");

        // Act: the mailbox is fixed; the organiser resends with the keyboard.
        fixture.Smtp.RefuseRecipient = _ => false;
        await row.GetByRole(AriaRole.Button, new() { Name = "Renvoyer" }).FocusAsync();
        await organiser.Page.Keyboard.PressAsync("Enter");
        await Expect(outbox.GetByTestId("outbox-status")).ToHaveTextAsync("Remis dans la file d'envoi.");

        // Assert: received, and shown sent once the view is refreshed.
        // Other tests of this collection share the SMTP server: wait for this employer's message, not any message.
        await fixture.ReceivedAsync(email, "", Timeout);
        await Poll.UntilAsync(async () => (await api.GetFromJsonAsync<JsonElement>($"/api/workshops/{session}/outbox"))
            .EnumerateArray().All(m => m.GetProperty("status").GetString() == "sent"), Timeout, "the message sent");
        await outbox.GetByRole(AriaRole.Button, new() { Name = "Actualiser" }).ClickAsync();
        await Expect(row.Locator("[data-status]")).ToHaveTextAsync("envoyé");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Renvoyer" })).ToHaveCountAsync(0);
    }

    private async Task<HttpClient> OrganiserApiAsync()
    {
        var api = fixture.CreateApiClient();
        api.DefaultRequestHeaders.Add("X-CSRF", "1");
        (await api.PostAsJsonAsync("/api/auth/login",
            new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword })).EnsureSuccessStatusCode();
        return api;
    }

    private async Task<Guid> CreateSessionAsync()
    {
        using var api = await OrganiserApiAsync();
        var starts = DateTimeOffset.UtcNow.AddDays(5);
        var response = await api.PostAsJsonAsync("/api/workshops", new
        {
            titleFr = "Accueillir en région", titleEn = "Welcoming in the region", startsAt = starts, endsAt = starts.AddHours(2),
            place = "Maison de la culture, Joliette", capacity = 10,
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
