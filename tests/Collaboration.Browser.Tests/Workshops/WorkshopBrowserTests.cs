using System.Net.Http.Json;
using System.Text.Json;

namespace Collaboration.Browser.Tests.Workshops;

[Collection(BrowserCollection.Name)]
public sealed class WorkshopBrowserTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task LastSeat_ShowsFullOnAnotherCatalogueLive_AndCancellingPromotesTheWaitlistedLive()
    {
        // Arrange: a 2-seat session with one seat already taken; two employers, two browsers.
        var session = await CreateSessionAsync(capacity: 2);
        await RegisterThroughApiAsync(session, "Déjà là inc.", "deja@exemple.qc.ca");
        await using var first = await fixture.NewSessionAsync(output);
        await using var second = await fixture.NewSessionAsync(output);
        await second.Page.GotoAsync("/workshops/");
        var secondsCard = second.Page.Locator($"[data-testid=workshop-card][data-workshop-id='{session}']");
        var availability = secondsCard.GetByTestId("availability");
        await Expect(availability).ToHaveTextAsync("1 place restante");
        await Expect(second.ConnectionState).ToHaveAttributeAsync("data-state", "connected");

        // Act: the first employer takes the last seat through the form.
        await first.Page.GotoAsync($"/workshops/session.html?id={session}");
        await FillRegistrationAsync(first.Page, "Boulangerie L'Épi d'or", "Mélanie Côté", "melanie@epidor.qc.ca");
        await Expect(first.Page.GetByTestId("registration-status")).ToHaveAttributeAsync("data-status", "confirmed");

        // Assert: the second browser's catalogue says full, without a reload.
        await Expect(availability).ToHaveAttributeAsync("data-state", "full");

        // Act: the second employer registers anyway and lands on the waiting list.
        await second.Page.GotoAsync($"/workshops/session.html?id={session}");
        await Expect(second.Page.GetByTestId("waitlist-hint")).ToBeVisibleAsync();
        await FillRegistrationAsync(second.Page, "Transport Bérubé & fils", "François Bérubé", "francois@berube.qc.ca");
        var secondStatus = second.Page.GetByTestId("registration-status");
        await Expect(secondStatus).ToHaveAttributeAsync("data-status", "waitlisted");
        await Expect(secondStatus).ToContainTextAsync("position 1");
        await Expect(second.ConnectionState).ToHaveAttributeAsync("data-state", "connected");

        // Act: the first employer cancels from the private page.
        first.Page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await first.Page.GetByTestId("cancel-registration").ClickAsync();
        await Expect(first.Page.GetByTestId("registration-status")).ToHaveAttributeAsync("data-status", "cancelled");

        // Assert: the waitlisted employer's private page shows the promotion live.
        await Expect(secondStatus).ToHaveAttributeAsync("data-status", "confirmed");
        await Expect(second.Page.GetByTestId("live-notice")).ToContainTextAsync("une place s’est libérée");
        await Expect(second.Page.GetByTestId("registration-code")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Z0-9]{4}-[A-Z0-9]{4}$"));
        await Expect(second.Page.Locator("[data-testid=qr] svg")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task OrganiserView_ShowsTheRegistrantListLive_WithNamesShownExactly()
    {
        // Arrange
        var session = await CreateSessionAsync(capacity: 5);
        await using var organiser = await fixture.NewSessionAsync(output);
        await organiser.Page.GotoAsync("/login.html?returnUrl=/workshops/admin.html");
        await organiser.Page.GetByLabel("Courriel").FillAsync(BrowserAppFixture.OrganiserEmail);
        await organiser.Page.GetByLabel("Mot de passe").FillAsync(BrowserAppFixture.OrganiserPassword);
        await organiser.Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await organiser.Page.Locator($"[data-session-id='{session}']").ClickAsync();
        await Expect(organiser.Page.GetByTestId("admin-detail")).ToBeVisibleAsync();
        await Expect(organiser.ConnectionState).ToHaveAttributeAsync("data-state", "connected");

        // Act: an employer registers with a name that looks like markup-free text with accents and apostrophes.
        await RegisterThroughApiAsync(session, "Scierie D'Amours & Fils — « Québec »", "scierie@exemple.qc.ca");

        // Assert
        var row = organiser.Page.Locator("[data-testid=registrants] tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("Scierie D'Amours & Fils — « Québec »");
        await Expect(organiser.Page.Locator("[data-count=confirmedSeats]")).ToHaveTextAsync("1");
        await Expect(row.Locator("td").Nth(5)).ToHaveTextAsync("Confirmée");

        // Act: attendance on the day
        await row.GetByRole(AriaRole.Checkbox).CheckAsync();

        // Assert: stored
        using var api = await OrganiserApiAsync();
        await Expect(row.GetByRole(AriaRole.Checkbox)).ToBeCheckedAsync();
        for (var i = 0; i < 50 && !(await api.GetFromJsonAsync<JsonElement>($"/api/workshops/{session}/registrants"))[0]
                 .GetProperty("attended").ValueKind.Equals(JsonValueKind.True); i++)
            await Task.Delay(100);
        Assert.True((await api.GetFromJsonAsync<JsonElement>($"/api/workshops/{session}/registrants"))[0].GetProperty("attended").GetBoolean());
    }

    [Theory]
    [InlineData("/workshops/")]
    [InlineData("/workshops/session.html?id={id}")]
    public async Task WorkshopPages_HaveNoSeriousAccessibilityViolations(string path)
    {
        // Arrange
        var session = await CreateSessionAsync(capacity: 3);
        await using var browser = await fixture.NewSessionAsync(output, new() { BypassCSP = true });
        await browser.Page.GotoAsync(path.Replace("{id}", session.ToString(), StringComparison.Ordinal));
        await Expect(browser.Page.GetByTestId("availability").First).Not.ToBeEmptyAsync();

        // Act
        var violations = await Axe.SeriousViolationsAsync(browser.Page);

        // Assert
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task PrivatePage_HasNoSeriousAccessibilityViolations()
    {
        // Arrange
        var session = await CreateSessionAsync(capacity: 3);
        using var api = fixture.CreateApiClient();
        var created = await (await api.PostAsJsonAsync($"/api/workshops/{session}/registrations", new
        {
            organisation = "Résidence Les Érables", contactName = "Nadia Ouellet", email = "nadia@erables.qc.ca", seats = 2,
            sector = "Santé", consent = true,
        })).Content.ReadFromJsonAsync<JsonElement>();
        await using var browser = await fixture.NewSessionAsync(output, new() { BypassCSP = true });
        await browser.Page.GotoAsync(created.GetProperty("manageUrl").GetString()!);
        await Expect(browser.Page.Locator("[data-testid=qr] svg")).ToBeVisibleAsync();

        // Act
        var violations = await Axe.SeriousViolationsAsync(browser.Page);

        // Assert
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        await Expect(browser.Page.GetByTestId("registration-status")).ToHaveTextAsync("Confirmée — 2 place(s)");
    }

    [Fact]
    public async Task SessionPage_SwitchesToEnglish_WithoutReloading()
    {
        // Arrange
        var session = await CreateSessionAsync(capacity: 4);
        await using var browser = await fixture.NewSessionAsync(output);
        await browser.Page.GotoAsync($"/workshops/session.html?id={session}");
        await Expect(browser.Page.GetByTestId("availability")).ToHaveTextAsync("4 places restantes");

        // Act
        await browser.Page.GetByTestId("language-switch").ClickAsync();

        // Assert
        await Expect(browser.Page.GetByTestId("availability")).ToHaveTextAsync("4 seats left");
        await Expect(browser.Page.GetByLabel("Company or organisation")).ToBeVisibleAsync();
        await Expect(browser.Page.GetByRole(AriaRole.Button, new() { Name = "Register" })).ToBeVisibleAsync();
    }

    private static async Task FillRegistrationAsync(IPage page, string organisation, string contact, string email)
    {
        await page.GetByLabel("Entreprise ou organisme").FillAsync(organisation);
        await page.GetByLabel("Personne-ressource").FillAsync(contact);
        // The registration form's field (the page also has "Retrouver mon inscription", with its own email field).
        await page.GetByTestId("registration-form").GetByLabel("Courriel").FillAsync(email);
        await page.GetByLabel("Secteur d’activité").FillAsync("Alimentation");
        await page.Locator("input[name=consent]").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "M’inscrire" }).ClickAsync();
    }

    private async Task<HttpClient> OrganiserApiAsync()
    {
        var api = fixture.CreateApiClient();
        api.DefaultRequestHeaders.Add("X-CSRF", "1");
        (await api.PostAsJsonAsync("/api/auth/login",
            new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword })).EnsureSuccessStatusCode();
        return api;
    }

    private async Task<Guid> CreateSessionAsync(int capacity)
    {
        using var api = await OrganiserApiAsync();
        var starts = DateTimeOffset.UtcNow.AddDays(5);
        var response = await api.PostAsJsonAsync("/api/workshops", new
        {
            titleFr = $"Atelier {Guid.NewGuid():N}"[..20], titleEn = "Workshop", startsAt = starts, endsAt = starts.AddHours(2),
            place = "Rimouski", capacity,
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task RegisterThroughApiAsync(Guid session, string organisation, string email)
    {
        using var api = fixture.CreateApiClient();
        var response = await api.PostAsJsonAsync($"/api/workshops/{session}/registrations", new
        {
            organisation, contactName = "Contact", email, seats = 1, sector = "Foresterie", consent = true,
        });
        response.EnsureSuccessStatusCode();
    }
}
