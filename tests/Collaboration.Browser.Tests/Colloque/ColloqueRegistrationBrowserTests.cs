using System.Net.Http.Json;
using System.Text.Json;

namespace Collaboration.Browser.Tests.Colloque;

/// <summary>The colloque's public side in real browsers: a phone, a second browser watching, a room screen, the desk.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ColloqueRegistrationBrowserTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    private sealed record Arranged(HttpClient Organiser, Guid Colloque, Guid Opening, Guid Panel, Guid AtelierA, Guid AtelierB);

    private async Task<Arranged> ArrangeAsync(int employerQuota = 50)
    {
        var colloque = await ColloqueArrangement.OpenAsync(fixture, employerQuota);
        return new(colloque.Organiser, colloque.Colloque, await colloque.SessionAsync("Mot d'ouverture", "plenary", "Grande salle", 0),
            await colloque.SessionAsync("Panel des élu·es", "panel", "Grande salle", 1), await colloque.SessionAsync("Recruter à l'international", "atelier", "Salle A", 2, 25),
            await colloque.SessionAsync("Francisation en entreprise", "atelier", "Salle B", 2, 25));
    }

    private static async Task<JsonElement> SignUpAsync(HttpClient client, Guid colloque, string name, string email)
    {
        var response = await client.PostAsJsonAsync($"/api/colloques/{colloque}/signups", new
        {
            name, organisation = "Usine Joliette", email, category = "employer", mrc = "joliette", consent = true, choices = Array.Empty<Guid>(),
        }).WaitAsync(Timeouts.Http);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<BrowserSession> SignedInOrganiserAsync()
    {
        var session = await fixture.NewSessionAsync(output);
        await session.Page.GotoAsync("/login.html");
        await session.Page.GetByLabel("Courriel").FillAsync(BrowserAppFixture.OrganiserEmail);
        await session.Page.GetByLabel("Mot de passe").FillAsync(BrowserAppFixture.OrganiserPassword);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await session.Page.WaitForURLAsync("**/meetings.html");
        return session;
    }

    private static async Task TabToAsync(IPage page, string id)
    {
        for (var i = 0; i < 80; i++)
        {
            if (await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''") == id) return;
            await page.Keyboard.PressAsync("Tab");
        }
        throw new InvalidOperationException($"#{id} was never reached with Tab.");
    }

    [Fact]
    public async Task OnAPhone_WithTheKeyboardOnly_AnAttendeeRegisters_ChoosesAnAtelier_AndReceivesTheQr()
    {
        // Arrange: a phone-sized browser on the public page.
        var arranged = await ArrangeAsync();
        await using var phone = await fixture.NewSessionAsync(output, new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        var page = phone.Page;
        await page.GotoAsync($"/colloque/{arranged.Colloque}");
        await Expect(page.GetByTestId("programme")).ToContainTextAsync("Recruter à l'international", new() { Timeout = Timeouts.Ui });

        // Act: every step with the keyboard.
        await TabToAsync(page, "name");
        await page.Keyboard.TypeAsync("Mélanie Côté");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Fromagerie du Village");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("melanie@fromagerie.qc.ca");
        // Nothing is chosen for the person: category and MRC with the arrow keys (the first answer after "Choisissez…").
        await TabToAsync(page, "category");
        await page.Keyboard.PressAsync("ArrowDown");
        await TabToAsync(page, "mrc");
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("employer", await page.Locator("#category").InputValueAsync());
        await TabToAsync(page, "accessibility");
        await page.Keyboard.PressAsync("Shift+Tab"); // the atelier slot: a radio group
        await page.Keyboard.PressAsync("ArrowDown"); // "no atelier" → the first atelier
        await TabToAsync(page, "consent");
        await page.Keyboard.PressAsync("Space");
        // Past the link to the privacy notice, to the submit button.
        for (var i = 0; i < 5 && !await page.EvaluateAsync<bool>("() => document.activeElement?.type === 'submit'"); i++)
            await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");

        // Assert: the confirmation, its code, its QR, a seat in the atelier, and the private link with the token in the fragment.
        var confirmation = page.GetByTestId("confirmation");
        await Expect(confirmation).ToBeVisibleAsync(new() { Timeout = Timeouts.Ui });
        await Expect(confirmation).ToContainTextAsync("Inscription confirmée");
        await Expect(page.GetByTestId("signup-qr").Locator("svg[role=img]")).ToBeVisibleAsync(new() { Timeout = Timeouts.Ui });
        await Expect(page.GetByTestId("signup-choices")).ToContainTextAsync("place réservée");
        var code = await page.GetByTestId("signup-code").TextContentAsync();
        Assert.Matches("^[A-Z0-9]{10}$", code);
        await Expect(page.GetByTestId("manage-link")).ToContainTextAsync($"/manage?code={code}#token=");
        var layoutWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(layoutWidth <= 390, $"The page is {layoutWidth}px wide on a 390px phone.");

        // And the manage page opens from that link with the badge and the personal programme.
        await page.GetByTestId("open-manage").ClickAsync();
        await Expect(page.GetByTestId("signup-status")).ToHaveAttributeAsync("data-status", "confirmed", new() { Timeout = Timeouts.Ui });
        await Expect(page.GetByTestId("my-programme")).ToContainTextAsync("Recruter à l'international");
        await Expect(page.GetByTestId("signup-qr").Locator("svg[role=img]")).ToBeVisibleAsync(new() { Timeout = Timeouts.Ui });
    }

    [Fact]
    public async Task PlacesLeft_ChangeInASecondBrowser_WithoutReload()
    {
        var arranged = await ArrangeAsync(employerQuota: 3);
        await using var watcher = await fixture.NewSessionAsync(output);
        await watcher.Page.GotoAsync($"/colloque/{arranged.Colloque}");
        var employers = watcher.Page.GetByTestId("places-employer");
        await Expect(employers).ToHaveAttributeAsync("data-left", "3", new() { Timeout = Timeouts.Ui });
        await Expect(watcher.ConnectionState).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = Timeouts.Ui });

        await SignUpAsync(fixture.CreateApiClient(), arranged.Colloque, "Olivier Bergeron", "olivier@usine.qc.ca");

        await Expect(employers).ToHaveAttributeAsync("data-left", "2", new() { Timeout = Timeouts.Ui });
        await Expect(employers).ToHaveTextAsync("2 places restantes");
    }

    [Fact]
    public async Task RoomScreen_Changes_WhenTheOrganiserAdvancesNowInAnotherBrowser_AndShowsTheAnnouncement()
    {
        var arranged = await ArrangeAsync();
        await arranged.Organiser.PutAsJsonAsync($"/api/colloques/{arranged.Colloque}/rooms/Grande salle/now", new { sessionId = arranged.Opening }).WaitAsync(Timeouts.Http);
        await using var screen = await fixture.NewSessionAsync(output, new() { ViewportSize = new() { Width = 1920, Height = 1080 } });
        await screen.Page.GotoAsync($"/colloque/{arranged.Colloque}/screen?room=Grande%20salle");
        await Expect(screen.Page.GetByTestId("screen-now")).ToHaveTextAsync("Mot d'ouverture", new() { Timeout = Timeouts.Ui });
        await Expect(screen.Page.GetByTestId("screen-next")).ToHaveTextAsync("Panel des élu·es");
        await Expect(screen.ConnectionState).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = Timeouts.Ui });
        await using var organiser = await SignedInOrganiserAsync();
        await organiser.Page.GotoAsync($"/colloque/{arranged.Colloque}/screen?room=Grande%20salle");

        await organiser.Page.GetByTestId("screen-advance").ClickAsync();
        await arranged.Organiser.PutAsJsonAsync($"/api/colloques/{arranged.Colloque}/announcement", new { text = "La plénière reprend dans 5 minutes" }).WaitAsync(Timeouts.Http);

        await Expect(screen.Page.GetByTestId("screen-now")).ToHaveTextAsync("Panel des élu·es", new() { Timeout = Timeouts.Ui });
        await Expect(screen.Page.GetByTestId("screen-announcement")).ToHaveTextAsync("La plénière reprend dans 5 minutes", new() { Timeout = Timeouts.Ui });
        await Expect(screen.Page.GetByTestId("screen-controls")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Desk_ChecksInTheJustRegisteredAttendee()
    {
        var arranged = await ArrangeAsync();
        var signup = await SignUpAsync(fixture.CreateApiClient(), arranged.Colloque, "Karim Bouchard", "karim@usine.qc.ca");
        var desk = await arranged.Organiser.PostAsJsonAsync($"/api/colloques/{arranged.Colloque}/desks", new { name = "Accueil 1" }).WaitAsync(Timeouts.Http);
        var pairingCode = (await desk.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pairingCode").GetString()!;
        await using var session = await fixture.NewSessionAsync(output);
        await session.Page.GotoAsync("/colloque-desk.html");
        await session.Page.GetByLabel("Code de jumelage").FillAsync(pairingCode);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Jumeler" }).ClickAsync();
        await Expect(session.Page.Locator("[data-list-count]")).ToHaveTextAsync("Liste locale : 1 personnes", new() { Timeout = Timeouts.Ui });

        await session.Page.GetByTestId("scan-input").FillAsync(signup.GetProperty("code").GetString()!);
        await session.Page.GetByTestId("scan-input").PressAsync("Enter");

        await Expect(session.Page.GetByTestId("scan-result")).ToHaveAttributeAsync("data-result", "checkedIn", new() { Timeout = Timeouts.Ui });
        await Expect(session.Page.GetByTestId("scan-result")).ToContainTextAsync("Karim Bouchard");
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task PublicPages_HaveNoSeriousAccessibilityViolations(string language)
    {
        var arranged = await ArrangeAsync();
        var signup = await SignUpAsync(fixture.CreateApiClient(), arranged.Colloque, $"Amina Diallo {language}", $"amina-{language}@exemple.qc.ca");
        await arranged.Organiser.PutAsJsonAsync($"/api/colloques/{arranged.Colloque}/announcement", new { text = "Bienvenue" }).WaitAsync(Timeouts.Http);
        await using var session = await fixture.NewSessionAsync(output, new() { BypassCSP = true });
        var page = session.Page;
        var pages = new (string Path, string Ready)[]
        {
            ($"/colloque/{arranged.Colloque}?lang={language}", "programme"),
            ($"/colloque/{arranged.Colloque}/manage?code={signup.GetProperty("code").GetString()}&lang={language}#token={signup.GetProperty("manageToken").GetString()}", "my-programme"),
            ($"/colloque/{arranged.Colloque}/screen?room=Grande%20salle&lang={language}", "screen-now"),
        };
        foreach (var (path, ready) in pages)
        {
            await page.GotoAsync(path);
            await Expect(page.GetByTestId(ready)).Not.ToBeEmptyAsync(new() { Timeout = Timeouts.Ui });
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language, new() { Timeout = Timeouts.Ui });

            var violations = await Axe.SeriousViolationsAsync(page);

            Assert.True(violations.Count == 0, path + Environment.NewLine + string.Join(Environment.NewLine, violations));
        }
    }
}
