using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Testing;

namespace Collaboration.Browser.Tests.Mail;

[Collection(MailBrowserCollection.Name)]
public sealed class ColloqueOutboxBrowserTests(MailBrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Attendee_IsToldTheEmailWasSent_AndTheOrganiserSeesItInTheColloquesEmails()
    {
        // Arrange: an open colloque.
        using var api = await OrganiserApiAsync();
        var created = await api.PostAsJsonAsync("/api/colloques", new { title = "Colloque régional en immigration", date = "2027-05-13", venue = "Cégep régional de Lanaudière à Joliette" });
        var colloque = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await api.PutAsJsonAsync($"/api/colloques/{colloque}/registration-settings", new
        {
            opensAt = DateTimeOffset.UtcNow.AddHours(-1), closesAt = DateTimeOffset.UtcNow.AddDays(20), totalCapacity = 100, waitlistCapacity = 100_000,
            categoryCapacity = new { }, venueAddress = "20, rue Saint-Charles-Borromée Sud, Joliette",
        })).EnsureSuccessStatusCode();
        var email = $"gabrielle-{Guid.NewGuid():N}@exemple.qc.ca";
        await using var attendee = await fixture.NewSessionAsync(output);

        // Act: the attendee registers through the public form.
        await attendee.Page.GotoAsync($"/colloque/{colloque}");
        await attendee.Page.Locator("#name").FillAsync("Gabrielle Pelletier");
        await attendee.Page.Locator("#organisation").FillAsync("Carrefour jeunesse-emploi");
        await attendee.Page.Locator("#email").FillAsync(email);
        await Expect(attendee.Page.Locator("#category option")).Not.ToHaveCountAsync(0, new() { Timeout = Timeouts.Ui });
        await attendee.Page.Locator("#category").SelectOptionAsync(new SelectOptionValue { Value = "communityOrganisation" });
        await attendee.Page.Locator("#mrc").SelectOptionAsync(new SelectOptionValue { Value = "joliette" });
        await attendee.Page.Locator("#consent").CheckAsync();
        await attendee.Page.GetByTestId("signup-form").Locator("button[type=submit]").ClickAsync();

        // Assert: the confirmation says where the email went, and it arrives.
        await Expect(attendee.Page.GetByTestId("email-sent")).ToContainTextAsync($"Un courriel de confirmation a été envoyé à {email}");
        await Poll.UntilAsync(() => Task.FromResult(fixture.Smtp.Received.Any(m => m.To.Mailboxes.Single().Address == email)), Timeout, "the confirmation");

        // Act: the organiser opens the colloque's page.
        await Poll.UntilAsync(async () => (await api.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/outbox"))
            .EnumerateArray().Any(m => m.GetProperty("status").GetString() == "sent"), Timeout, "sent in the view");
        await using var organiser = await fixture.NewSessionAsync(output);
        await organiser.Page.GotoAsync($"/login.html?returnUrl={Uri.EscapeDataString($"/colloque.html?id={colloque}")}");
        await organiser.Page.GetByLabel("Courriel").FillAsync(BrowserAppFixture.OrganiserEmail);
        await organiser.Page.GetByLabel("Mot de passe").FillAsync(BrowserAppFixture.OrganiserPassword);
        await organiser.Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

        // Assert: the emails section lists it, sent, with its recipient and subject.
        var outbox = organiser.Page.Locator("#emails");
        await Expect(outbox).ToBeVisibleAsync(new() { Timeout = Timeouts.Ui });
        var row = outbox.Locator("tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync($"Gabrielle Pelletier <{email}>");
        await Expect(row.Locator("td").Nth(2)).ToContainTextAsync("Inscription confirmée : Colloque régional en immigration");
        await Expect(row.Locator("[data-status]")).ToHaveTextAsync("envoyé");
    }

    private async Task<HttpClient> OrganiserApiAsync()
    {
        var api = fixture.CreateApiClient();
        api.DefaultRequestHeaders.Add("X-CSRF", "1");
        (await api.PostAsJsonAsync("/api/auth/login",
            new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword })).EnsureSuccessStatusCode();
        return api;
    }
}
