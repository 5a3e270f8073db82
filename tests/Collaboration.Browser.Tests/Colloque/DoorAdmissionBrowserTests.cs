using System.Net.Http.Json;
using System.Text.Json;

namespace Collaboration.Browser.Tests.Colloque;

/// <summary>A waitlisted attendee at the door: the organiser's desk says what to do and admits in one click.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DoorAdmissionBrowserTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task OrganiserDesk_ShowsAWaitlistedAttendee_AndAdmitsThemInOneClick()
    {
        // Arrange: one place, taken; Benoît waits.
        using var api = fixture.CreateApiClient();
        api.DefaultRequestHeaders.Add("X-CSRF", "1");
        (await api.PostAsJsonAsync("/api/auth/login", new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword })
            .WaitAsync(Timeouts.Http)).EnsureSuccessStatusCode();
        var created = await api.PostAsJsonAsync("/api/colloques", new { title = "Colloque à la porte", date = "2027-05-13", venue = "Joliette" }).WaitAsync(Timeouts.Http);
        var colloque = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await api.PutAsJsonAsync($"/api/colloques/{colloque}/registration-settings", new
        {
            opensAt = DateTimeOffset.UtcNow.AddHours(-1), closesAt = DateTimeOffset.UtcNow.AddDays(20), totalCapacity = 1, waitlistCapacity = 100_000,
            categoryCapacity = new { }, venueAddress = "Joliette",
        }).WaitAsync(Timeouts.Http)).EnsureSuccessStatusCode();
        async Task<string> SignUpAsync(string name, string email)
        {
            var r = await api.PostAsJsonAsync($"/api/colloques/{colloque}/signups", new
            {
                name, organisation = "Usine Joliette", email, category = "employer", mrc = "joliette", consent = true, choices = Array.Empty<Guid>(),
            }).WaitAsync(Timeouts.Http);
            r.EnsureSuccessStatusCode();
            return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        }
        await SignUpAsync("Alice Gagnon", $"alice-{Guid.NewGuid():N}@exemple.qc.ca");
        var benoit = await SignUpAsync("Benoît Roy", $"benoit-{Guid.NewGuid():N}@exemple.qc.ca");
        await using var session = await fixture.NewSessionAsync(output);
        var page = session.Page;
        await page.GotoAsync("/login.html");
        await page.GetByLabel("Courriel").FillAsync(BrowserAppFixture.OrganiserEmail);
        await page.GetByLabel("Mot de passe").FillAsync(BrowserAppFixture.OrganiserPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync("**/meetings.html");

        // Act: the organiser's own desk scans him.
        await page.GotoAsync($"/colloque-desk.html?colloque={colloque}");
        await page.GetByTestId("scan-input").FillAsync(benoit);
        await page.GetByTestId("scan-input").PressAsync("Enter");

        // Assert: waitlisted, with what to do and the button.
        var result = page.GetByTestId("scan-result");
        await Expect(result).ToHaveAttributeAsync("data-result", "waitlisted", new() { Timeout = Timeouts.Ui });
        await Expect(result).ToContainTextAsync("Sur la liste d’attente");
        await Expect(result).ToContainTextAsync("Vous pouvez l’admettre");

        // Act: one click.
        await page.GetByTestId("admit-waitlisted").ClickAsync();

        // Assert: checked in.
        await Expect(result).ToHaveAttributeAsync("data-result", "checkedIn", new() { Timeout = Timeouts.Ui });
        await Expect(result).ToContainTextAsync("Benoît Roy");
    }
}
