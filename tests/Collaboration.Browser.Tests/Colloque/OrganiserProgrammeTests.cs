using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Collaboration.Browser.Tests.Colloque;

/// <summary>
/// The organiser's side of the colloque in real browsers: registration settings, the programme editor,
/// per-session counts and lists, room screens and the announcement — each seen live by a second browser.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OrganiserProgrammeTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeZoneInfo Toronto = TimeZoneInfo.FindSystemTimeZoneById("America/Toronto");
    private static readonly DateTimeOffset Morning = ColloqueArrangement.Morning;
    private static readonly string Day = TimeZoneInfo.ConvertTime(Morning, Toronto).ToString("yyyy-MM-dd");

    private sealed record Arranged(HttpClient Organiser, Guid Colloque, Guid Opening, Guid Panel, Guid Atelier);

    /// <summary>A colloque open for registration (employer quota 50) with an opening, a panel and a 25-seat atelier, unless bare.</summary>
    private async Task<Arranged> ArrangeAsync(bool withSessions = true)
    {
        var colloque = await ColloqueArrangement.OpenAsync(fixture);
        if (!withSessions) return new(colloque.Organiser, colloque.Colloque, Guid.Empty, Guid.Empty, Guid.Empty);
        return new(colloque.Organiser, colloque.Colloque, await colloque.SessionAsync("Mot d'ouverture", "plenary", "Grande salle", 0),
            await colloque.SessionAsync("Panel des élu·es", "panel", "Grande salle", 1), await colloque.SessionAsync("Recruter à l'international", "atelier", "Salle A", 2, 25));
    }

    private async Task<BrowserSession> OrganiserPageAsync(Guid colloque, BrowserNewContextOptions? options = null, string query = "")
    {
        var session = await fixture.NewSessionAsync(output, options);
        var page = session.Page;
        await page.GotoAsync("/login.html");
        await page.GetByLabel("Courriel").FillAsync(BrowserAppFixture.OrganiserEmail);
        await page.GetByLabel("Mot de passe").FillAsync(BrowserAppFixture.OrganiserPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync("**/meetings.html");
        await page.GotoAsync($"/colloque.html?id={colloque}{query}");
        // Loaded: the settings form shows the saved quota, and the live topic is connected.
        await Expect(page.Locator("#set-cap-employer")).ToHaveValueAsync("50", new() { Timeout = Timeouts.Ui });
        await Expect(session.ConnectionState).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = Timeouts.Ui });
        return session;
    }

    private async Task<BrowserSession> PublicPageAsync(Guid colloque)
    {
        var watcher = await fixture.NewSessionAsync(output);
        await watcher.Page.GotoAsync($"/colloque/{colloque}");
        await Expect(watcher.Page.GetByTestId("places-employer")).ToHaveAttributeAsync("data-left", "50", new() { Timeout = Timeouts.Ui });
        await Expect(watcher.ConnectionState).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = Timeouts.Ui });
        return watcher;
    }

    private static async Task<JsonElement> SignUpAsync(Guid colloque, HttpClient client, string name, string email, params Guid[] choices)
    {
        var response = await client.PostAsJsonAsync($"/api/colloques/{colloque}/signups", new
        {
            name, organisation = "Usine Joliette", email, category = "employer", mrc = "joliette", consent = true, choices,
        }).WaitAsync(Timeouts.Http);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Presses Tab until the focused element matches selector (keyboard only: no click).</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 120; i++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector)) return;
            await page.Keyboard.PressAsync("Tab");
        }
        throw new InvalidOperationException($"{selector} was never reached with Tab.");
    }

    private static async Task<bool> FocusedAsync(IPage page, string selector) =>
        await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector);

    private static string Local(int hour) => $"{Day} {hour:00}:00";

    [Fact]
    public async Task Organiser_SetsRegistrationSettings_ShowsFieldErrors_AndThePublicPageUpdatesWithoutReload()
    {
        // Arrange
        var arranged = await ArrangeAsync(withSessions: false);
        await using var watcher = await PublicPageAsync(arranged.Colloque);
        await using var organiser = await OrganiserPageAsync(arranged.Colloque);
        var page = organiser.Page;
        await Expect(page.GetByTestId("public-link")).ToHaveAttributeAsync("href", $"/colloque/{arranged.Colloque}");

        // Act: closing before opening is refused next to the field, in French.
        await page.GetByLabel("Ouverture des inscriptions").FillAsync(Local(8));
        await page.GetByLabel("Fermeture des inscriptions").FillAsync(Local(7));
        await page.GetByTestId("settings-save").ClickAsync();

        // Assert
        await Expect(page.Locator("#set-closes-error")).ToContainTextAsync("la fermeture après l'ouverture", new() { Timeout = Timeouts.Ui });
        await Expect(page.Locator("#set-closes")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#set-closes")).ToBeFocusedAsync();

        // Act: a valid window, a total and a smaller employer quota.
        var opens = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddDays(-1), Toronto).ToString("yyyy-MM-dd HH:mm");
        await page.GetByLabel("Ouverture des inscriptions").FillAsync(opens);
        await page.GetByLabel("Fermeture des inscriptions").FillAsync(Local(7));
        await page.GetByLabel("Capacité totale").FillAsync("250");
        await page.GetByLabel("Employeur", new() { Exact = true }).FillAsync("40");
        await page.GetByTestId("settings-save").ClickAsync();

        // Assert: saved, and the public page shows the new quota without reload.
        await Expect(page.GetByTestId("settings-result")).ToHaveTextAsync("Réglages des inscriptions enregistrés.", new() { Timeout = Timeouts.Ui });
        await Expect(page.Locator("#set-closes-error")).ToBeEmptyAsync();
        await Expect(page.GetByTestId("registration-summary")).ToHaveAttributeAsync("data-state", "open");
        await Expect(page.GetByTestId("registration-summary")).ToContainTextAsync("Inscriptions ouvertes. Inscriptions du ");
        await Expect(watcher.Page.GetByTestId("places-employer")).ToHaveAttributeAsync("data-left", "40", new() { Timeout = Timeouts.Ui });

        // And a signup shows beside its quota on the organiser's page, live.
        await SignUpAsync(arranged.Colloque, fixture.CreateApiClient(), "Olivier Bergeron", "olivier@usine.qc.ca");
        await Expect(page.GetByTestId("count-employer")).ToHaveAttributeAsync("data-confirmed", "1", new() { Timeout = Timeouts.Ui });
        await Expect(page.GetByTestId("count-employer")).ToHaveTextAsync("1 confirmé·es · 0 en attente · 39 place(s) libre(s)");
        await Expect(watcher.Page.GetByTestId("places-employer")).ToHaveAttributeAsync("data-left", "39", new() { Timeout = Timeouts.Ui });

        // And in English, a refused quota is explained beside its field, in English.
        await organiser.SwitchLanguageAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en", new() { Timeout = Timeouts.Ui });
        await Expect(page.GetByTestId("count-employer")).ToHaveTextAsync("1 confirmed · 0 waitlisted · 39 place(s) left");
        await page.GetByLabel("Employer", new() { Exact = true }).FillAsync("-5");
        await page.GetByTestId("settings-save").ClickAsync();
        await Expect(page.Locator("#set-cap-employer-error")).ToContainTextAsync("Quota: from 0 to", new() { Timeout = Timeouts.Ui });
        await Expect(page.Locator("#set-cap-employer")).ToBeFocusedAsync();
        await Expect(watcher.Page.GetByTestId("places-employer")).ToHaveAttributeAsync("data-left", "39");
    }

    [Fact]
    public async Task Organiser_AddsAnAtelierWithASpeaker_EditsItsTitle_AndDeletesIt_AsThePublicPageFollowsLive()
    {
        // Arrange
        var arranged = await ArrangeAsync(withSessions: false);
        await using var watcher = await PublicPageAsync(arranged.Colloque);
        await using var organiser = await OrganiserPageAsync(arranged.Colloque);
        var page = organiser.Page;

        // Act: a new atelier with one speaker.
        await page.GetByTestId("session-new").ClickAsync();
        await page.GetByLabel("Type").SelectOptionAsync("atelier");
        await page.GetByLabel("Salle", new() { Exact = true }).FillAsync("Salle C");
        await page.Locator("#s-starts").FillAsync(Local(14));
        await page.Locator("#s-ends").FillAsync(Local(15));
        await page.GetByLabel("Places de l’atelier").FillAsync("20");
        await page.GetByLabel("Titre en français").FillAsync("Attirer et retenir les talents");
        await page.GetByLabel("Titre en anglais").FillAsync("Attracting and keeping talent");
        await page.GetByTestId("speaker-add").ClickAsync();
        await page.GetByLabel("Nom de la personne 1").FillAsync("Nadia Saint-Pierre");
        await page.GetByLabel("Organisation de la personne 1").FillAsync("Carrefour jeunesse-emploi de Joliette");
        await page.GetByTestId("session-save").ClickAsync();

        // Assert: in the organiser's list with its seats and speaker, and on the public page without reload.
        await Expect(page.GetByTestId("session-result")).ToHaveTextAsync("« Attirer et retenir les talents » ajoutée au programme.", new() { Timeout = Timeouts.Ui });
        var item = page.GetByTestId("session-item").Filter(new() { HasText = "Attirer et retenir les talents" });
        await Expect(item).ToContainTextAsync("Nadia Saint-Pierre (Carrefour jeunesse-emploi de Joliette)");
        await Expect(item.GetByTestId("session-counts")).ToHaveTextAsync("0 / 20 places prises · 0 en attente");
        await Expect(watcher.Page.GetByTestId("programme")).ToContainTextAsync("Attirer et retenir les talents", new() { Timeout = Timeouts.Ui });
        await Expect(watcher.Page.GetByTestId("programme")).ToContainTextAsync("Nadia Saint-Pierre");

        // Act: the title changes.
        await item.GetByTestId("session-edit").ClickAsync();
        await Expect(page.GetByTestId("session-form-heading")).ToHaveTextAsync("Modifier « Attirer et retenir les talents »");
        await Expect(page.GetByLabel("Nom de la personne 1")).ToHaveValueAsync("Nadia Saint-Pierre");
        await page.GetByLabel("Titre en français").FillAsync("Attirer, accueillir et retenir les talents");
        await page.GetByTestId("session-save").ClickAsync();

        // Assert
        await Expect(page.GetByTestId("session-result")).ToHaveTextAsync("« Attirer, accueillir et retenir les talents » enregistrée.", new() { Timeout = Timeouts.Ui });
        await Expect(watcher.Page.GetByTestId("programme")).ToContainTextAsync("Attirer, accueillir et retenir les talents", new() { Timeout = Timeouts.Ui });

        // And another organiser's edit (through the API) shows in this organiser's list without reload.
        var sessionId = await page.GetByTestId("session-item").First.GetAttributeAsync("data-session-id");
        (await arranged.Organiser.PutAsJsonAsync($"/api/colloques/{arranged.Colloque}/sessions/{sessionId}", new
        {
            titleFr = "Retenir les talents", titleEn = "Keeping talent", kind = "atelier", room = "Salle C",
            startsAt = Morning.AddHours(6), endsAt = Morning.AddHours(7), capacity = 20, speakers = Array.Empty<object>(),
        }).WaitAsync(Timeouts.Http)).EnsureSuccessStatusCode();
        await Expect(page.GetByTestId("session-title")).ToHaveTextAsync("Retenir les talents", new() { Timeout = Timeouts.Ui });

        // Act: deleted, after confirming.
        string? asked = null;
        page.Dialog += async (_, dialog) =>
        {
            asked = dialog.Message;
            await dialog.AcceptAsync();
        };
        await page.GetByTestId("session-delete").ClickAsync();

        // Assert
        await Expect(page.GetByTestId("session-result")).ToHaveTextAsync("« Retenir les talents » supprimée du programme.", new() { Timeout = Timeouts.Ui });
        Assert.StartsWith("Supprimer « Retenir les talents » du programme ?", asked);
        await Expect(page.GetByTestId("session-item")).ToHaveCountAsync(0);
        await Expect(watcher.Page.GetByTestId("programme")).Not.ToContainTextAsync("Retenir les talents", new() { Timeout = Timeouts.Ui });
    }

    [Fact]
    public async Task PerSessionCounts_ChangeWhenAnAttendeeChoosesTheAtelier_AndTheCsvLinkDownloadsItsList()
    {
        // Arrange
        var arranged = await ArrangeAsync();
        await using var organiser = await OrganiserPageAsync(arranged.Colloque);
        var page = organiser.Page;
        var atelier = page.Locator($"[data-session-id=\"{arranged.Atelier}\"]");
        await Expect(atelier.GetByTestId("session-counts")).ToHaveAttributeAsync("data-taken", "0", new() { Timeout = Timeouts.Ui });

        // Act
        var signup = await SignUpAsync(arranged.Colloque, fixture.CreateApiClient(), "Karim Bouchard", "karim@usine.qc.ca", arranged.Atelier);

        // Assert: seats and categories change live.
        await Expect(atelier.GetByTestId("session-counts")).ToHaveAttributeAsync("data-taken", "1", new() { Timeout = Timeouts.Ui });
        await Expect(atelier.GetByTestId("session-counts")).ToHaveTextAsync("1 / 25 places prises · 0 en attente");
        await Expect(atelier.GetByTestId("session-categories")).ToHaveTextAsync("Employeur 1", new() { Timeout = Timeouts.Ui });

        // Act: the atelier's list.
        var download = await page.RunAndWaitForDownloadAsync(() => atelier.GetByTestId("session-csv").ClickAsync());
        var path = await download.PathAsync();

        // Assert: one header, one row: that attendee with a seat.
        var lines = (await File.ReadAllTextAsync(path, Encoding.UTF8)).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.EndsWith(".csv", download.SuggestedFilename);
        Assert.Equal(2, lines.Length);
        Assert.Equal("code;nom/name;organisation;catégorie/category;statut/status;position", lines[0]);
        Assert.StartsWith($"{signup.GetProperty("code").GetString()};Karim Bouchard;Usine Joliette;employer;confirmed", lines[1]);
    }

    [Fact]
    public async Task Organiser_PublishesAnAnnouncement_AndAdvancesARoom_AsAnOpenScreenShowsBoth()
    {
        // Arrange: the big room's screen shows the opening.
        var arranged = await ArrangeAsync();
        (await arranged.Organiser.PutAsJsonAsync($"/api/colloques/{arranged.Colloque}/rooms/Grande salle/now", new { sessionId = arranged.Opening })
            .WaitAsync(Timeouts.Http)).EnsureSuccessStatusCode();
        await using var screen = await fixture.NewSessionAsync(output, new() { ViewportSize = new() { Width = 1920, Height = 1080 } });
        await screen.Page.GotoAsync($"/colloque/{arranged.Colloque}/screen?room=Grande%20salle");
        await Expect(screen.Page.GetByTestId("screen-now")).ToHaveTextAsync("Mot d'ouverture", new() { Timeout = Timeouts.Ui });
        await Expect(screen.ConnectionState).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = Timeouts.Ui });
        await using var organiser = await OrganiserPageAsync(arranged.Colloque);
        var page = organiser.Page;
        var room = page.Locator("[data-room=\"Grande salle\"]");
        await Expect(room.GetByTestId("room-now")).ToHaveTextAsync("Maintenant : Mot d'ouverture");
        await Expect(room.GetByTestId("room-screen-link")).ToHaveAttributeAsync("href", $"/colloque/{arranged.Colloque}/screen?room=Grande%20salle");

        // Act
        await page.GetByLabel("Annonce sur tous les écrans").FillAsync("La plénière reprend dans 5 minutes");
        await page.GetByTestId("announcement-publish").ClickAsync();
        await room.GetByTestId("room-advance").ClickAsync();

        // Assert: the screen shows both; the organiser's page says so.
        await Expect(screen.Page.GetByTestId("screen-announcement")).ToHaveTextAsync("La plénière reprend dans 5 minutes", new() { Timeout = Timeouts.Ui });
        await Expect(screen.Page.GetByTestId("screen-now")).ToHaveTextAsync("Panel des élu·es", new() { Timeout = Timeouts.Ui });
        await Expect(page.GetByTestId("rooms-result")).ToHaveTextAsync("Grande salle : Panel des élu·es", new() { Timeout = Timeouts.Ui });
        await Expect(room.GetByTestId("room-now")).ToHaveTextAsync("Maintenant : Panel des élu·es", new() { Timeout = Timeouts.Ui });
        await Expect(page.GetByTestId("announcement-current")).ToHaveAttributeAsync("data-text", "La plénière reprend dans 5 minutes", new() { Timeout = Timeouts.Ui });

        // Act: the announcement cleared, the room back on the timetable.
        await page.GetByTestId("announcement-clear").ClickAsync();
        await room.GetByTestId("room-follow").ClickAsync();

        // Assert
        await Expect(screen.Page.GetByTestId("screen-announcement")).ToBeHiddenAsync(new() { Timeout = Timeouts.Ui });
        await Expect(room.GetByTestId("room-mode")).ToHaveTextAsync("suit l’horaire", new() { Timeout = Timeouts.Ui });
    }

    [Fact]
    public async Task OnAPhone_WithTheKeyboardOnly_TheOrganiserAddsASession()
    {
        // Arrange
        var arranged = await ArrangeAsync();
        await using var organiser = await OrganiserPageAsync(arranged.Colloque, Viewports.Options(Viewports.Phone));
        var page = organiser.Page;

        // Act: Tab to "add a session", then only keys.
        await TabToAsync(page, "[data-testid=session-new]");
        await page.Keyboard.PressAsync("Enter");
        Assert.True(await FocusedAsync(page, "#session-form-heading"), "The form's heading takes the focus when it opens.");
        await TabToAsync(page, "#s-room");
        await page.Keyboard.TypeAsync("Salle B");
        await TabToAsync(page, "#s-starts");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(Local(16));
        await page.Keyboard.PressAsync("Tab");
        // The end follows the start, an hour later, until another is typed.
        Assert.Equal(Local(17), await page.Locator("#s-ends").InputValueAsync());
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync($"{Day} 17:30");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("30");
        await TabToAsync(page, "#s-title-fr");
        await page.Keyboard.TypeAsync("Francisation en entreprise");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("French at work");
        await TabToAsync(page, "[data-testid=speaker-add]");
        await page.Keyboard.PressAsync("Enter");
        Assert.True(await FocusedAsync(page, "#s-speaker-0-name"), "A new speaker row takes the focus.");
        await page.Keyboard.TypeAsync("Marc-André Lafortune");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Services Québec Lanaudière");
        await TabToAsync(page, "[data-testid=session-save]");
        await page.Keyboard.PressAsync("Enter");

        // Assert: announced, in the list, and the focus on the new session's edit button.
        await Expect(page.GetByTestId("session-result")).ToHaveTextAsync("« Francisation en entreprise » ajoutée au programme.", new() { Timeout = Timeouts.Ui });
        var item = page.GetByTestId("session-item").Filter(new() { HasText = "Francisation en entreprise" });
        await Expect(item).ToContainTextAsync("Marc-André Lafortune (Services Québec Lanaudière)");
        await Expect(item.GetByTestId("session-edit")).ToBeFocusedAsync();
        await Expect(page.GetByTestId("session-form")).ToBeHiddenAsync();

        // And nothing scrolls sideways on the 390 px phone, even with the form open.
        await item.GetByTestId("session-edit").PressAsync("Enter");
        await Expect(page.GetByTestId("session-form")).ToBeVisibleAsync();
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"The organiser page is {width}px wide on a 390px phone.");
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByTestId("session-form")).ToBeHiddenAsync();
        await Expect(item.GetByTestId("session-edit")).ToBeFocusedAsync();
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task OrganiserPage_WithTheProgrammeAndTheSessionForm_HasNoSeriousAccessibilityViolations(string language)
    {
        // Arrange: settings, sessions, an attendee in the atelier, an announcement, and the form open.
        var arranged = await ArrangeAsync();
        await SignUpAsync(arranged.Colloque, fixture.CreateApiClient(), $"Amina Diallo {language}", $"amina-{language}@exemple.qc.ca", arranged.Atelier);
        (await arranged.Organiser.PutAsJsonAsync($"/api/colloques/{arranged.Colloque}/announcement", new { text = "Bienvenue" }).WaitAsync(Timeouts.Http)).EnsureSuccessStatusCode();
        await using var organiser = await OrganiserPageAsync(arranged.Colloque, new() { BypassCSP = true }, $"&lang={language}");
        var page = organiser.Page;
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language, new() { Timeout = Timeouts.Ui });
        await Expect(page.Locator($"[data-session-id=\"{arranged.Atelier}\"] [data-testid=session-counts]")).ToHaveAttributeAsync("data-taken", "1", new() { Timeout = Timeouts.Ui });
        await page.Locator($"[data-session-id=\"{arranged.Atelier}\"] [data-testid=session-edit]").ClickAsync();
        await Expect(page.GetByTestId("speaker-row")).ToHaveCountAsync(1);
        if (language == "en") await Expect(page.GetByTestId("session-form-heading")).ToHaveTextAsync("Edit “Recruter à l'international (EN)”");

        // Act
        var violations = await Axe.SeriousViolationsAsync(page);

        // Assert
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
