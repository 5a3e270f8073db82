using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Testing;

namespace Collaboration.Browser.Tests.Mail;

/// <summary>
/// The Table's emails in the organiser's pages: the meeting notice sent from the meeting room and seen
/// sent in the meeting's outbox; the table's invitations in the table's outbox, a refused one resent by keyboard.
/// </summary>
[Collection(MailBrowserCollection.Name)]
public sealed class MeetingMailBrowserTests(MailBrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Organiser_SendsTheNotice_FromTheMeetingPage_AndSeesItSentInTheMeetingsOutbox()
    {
        // Arrange: a table with one member, a meeting with its agenda ready, no notice yet.
        using var api = await OrganiserApiAsync();
        var table = await CreateTableAsync(api, "Table régionale de Joliette");
        var email = $"lucie-{Guid.NewGuid():N}@exemple.qc.ca";
        await AddMemberAsync(api, table, "Lucie Beaulieu", email);
        var meeting = await CreateMeetingAsync(api, table);
        (await api.PostAsJsonAsync($"/api/meetings/{meeting}/agenda",
            new { title = "Accueil des personnes réfugiées", presenter = "", plannedMinutes = 30, notes = "" })).EnsureSuccessStatusCode();
        await using var organiser = await SignedInAsync($"/meeting.html?id={meeting}");
        var page = organiser.Page;
        var panel = page.GetByRole(AriaRole.Region, new() { Name = "Avis de convocation" });
        await Expect(panel.GetByTestId("notice-state")).ToContainTextAsync("pas encore été envoyé");

        // Act: the organiser sends it.
        await panel.GetByRole(AriaRole.Button, new() { Name = "Envoyer l'avis de convocation" }).ClickAsync();

        // Assert: the panel says when and to how many; the next send is an update; the outbox shows it sent.
        await Expect(panel.GetByTestId("notice-state")).ToContainTextAsync("à 1 membre(s)");
        await Expect(panel.GetByRole(AriaRole.Button, new() { Name = "Renvoyer avec l'ordre du jour à jour" })).ToBeVisibleAsync();
        await Poll.UntilAsync(() => Task.FromResult(fixture.Smtp.Received.Any(m => m.To.Mailboxes.Single().Address == email && m.Subject?.StartsWith("Convocation") == true)),
            Timeout, "the notice received");
        var row = page.GetByRole(AriaRole.Region, new() { Name = "Courriels" }).Locator("[data-testid=outbox] tbody tr[data-kind=meetingNotice]");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("td").Nth(0)).ToHaveTextAsync($"Lucie Beaulieu <{email}>");
        await Expect(row.Locator("[data-status]")).ToHaveTextAsync("envoyé"); // no click: the view follows a pending message
    }

    [Fact]
    public async Task Organiser_CancelsAMeetingWhoseNoticeWasSent_AndSeesTheCancellationInTheOutbox()
    {
        // Arrange: a meeting whose notice went to one member.
        using var api = await OrganiserApiAsync();
        var table = await CreateTableAsync(api, "Table régionale de Matawinie");
        var email = $"marc-{Guid.NewGuid():N}@exemple.qc.ca";
        await AddMemberAsync(api, table, "Marc Ouellet", email);
        var meeting = await CreateMeetingAsync(api, table);
        (await api.PostAsync($"/api/meetings/{meeting}/notice", null)).EnsureSuccessStatusCode();
        await using var organiser = await SignedInAsync($"/meeting.html?id={meeting}");
        var page = organiser.Page;
        page.Dialog += (_, dialog) => dialog.AcceptAsync();

        // Act
        await page.GetByRole(AriaRole.Button, new() { Name = "Annuler la rencontre" }).ClickAsync();

        // Assert: cancelled and read-only on the page; the member told, shown in the outbox.
        await Expect(page.GetByTestId("meeting-status")).ToHaveTextAsync("Annulée");
        await Expect(page.GetByTestId("cancelled-notice")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("notice-panel")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Ajouter un point" })).ToBeHiddenAsync();
        var row = page.GetByRole(AriaRole.Region, new() { Name = "Courriels" }).Locator("[data-testid=outbox] tbody tr[data-kind=meetingCancelled]");
        await Expect(row.Locator("[data-status]")).ToHaveTextAsync("envoyé");
        Assert.Contains(fixture.Smtp.Received, m => m.To.Mailboxes.Single().Address == email && m.Subject?.StartsWith("Rencontre annulée") == true);
    }

    [Fact]
    public async Task TableOutbox_ShowsTheInvitations_AndAFailedOneIsResentWithTheKeyboard()
    {
        // Arrange: two members invited; the SMTP server refuses the second one's mailbox at first (550).
        using var api = await OrganiserApiAsync();
        var table = await CreateTableAsync(api, "Table régionale des Moulins");
        var good = $"karim-{Guid.NewGuid():N}@exemple.qc.ca";
        var bad = $"annie-{Guid.NewGuid():N}@exemple.qc.ca";
        fixture.Smtp.RefuseRecipient = address => address == bad;
        await AddMemberAsync(api, table, "Karim Haddad", good);
        await AddMemberAsync(api, table, "Annie Roy", bad);
        await Poll.UntilAsync(async () => (await api.GetFromJsonAsync<JsonElement>($"/api/tables/{table}/outbox"))
            .EnumerateArray().Any(m => m.GetProperty("status").GetString() == "failed"), Timeout, "the invitation refused");

        // Act: the organiser opens the table.
        await using var organiser = await SignedInAsync($"/meetings.html?table={table}");
        var outbox = organiser.Page.GetByRole(AriaRole.Region, new() { Name = "Courriels" });
        var rows = outbox.Locator("[data-testid=outbox] tbody tr");
        var failed = rows.Filter(new() { HasText = bad });

        // Assert: both invitations, one sent, the other failed with the server's answer.
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Filter(new() { HasText = good }).Locator("[data-status]")).ToHaveTextAsync("envoyé");
        await Expect(failed.Locator("td").Nth(1)).ToContainTextAsync("Votre accès à la Table régionale des Moulins");
        await Expect(failed.Locator("[data-status]")).ToContainTextAsync("en échec");
        await Expect(failed.Locator("[data-status]")).ToContainTextAsync("550");

        // Act: the mailbox is fixed; the organiser resends with the keyboard.
        fixture.Smtp.RefuseRecipient = _ => false;
        await failed.GetByRole(AriaRole.Button, new() { Name = "Renvoyer" }).FocusAsync();
        await organiser.Page.Keyboard.PressAsync("Enter");

        // Assert: said, focus kept on the row, received, and shown sent without a click.
        await Expect(outbox.GetByTestId("outbox-status")).ToHaveTextAsync("Remis dans la file d'envoi.");
        await Expect(failed).ToBeFocusedAsync();
        await Poll.UntilAsync(() => Task.FromResult(fixture.Smtp.Received.Any(m => m.To.Mailboxes.Single().Address == bad)), Timeout, "the invitation resent");
        await Expect(failed.Locator("[data-status]")).ToHaveTextAsync("envoyé");
        await Expect(failed.GetByRole(AriaRole.Button, new() { Name = "Renvoyer" })).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData(Viewports.Desktop)]
    [InlineData(Viewports.Phone)]
    public async Task TableAndMeetingPagesWithTheirOutboxes_HaveNoSeriousAccessibilityViolations_AndFitAPhone(string viewport)
    {
        // Arrange: a table with a member (so its outbox has a row) and a meeting whose notice was sent.
        using var api = await OrganiserApiAsync();
        var table = await CreateTableAsync(api, "Table régionale de Montcalm");
        await AddMemberAsync(api, table, "Denis Rivest", $"denis-{Guid.NewGuid():N}@exemple.qc.ca");
        var meeting = await CreateMeetingAsync(api, table);
        (await api.PostAsync($"/api/meetings/{meeting}/notice", null)).EnsureSuccessStatusCode();
        await using var organiser = await SignedInAsync($"/meetings.html?table={table}", Viewports.Options(viewport, new() { BypassCSP = true }));

        foreach (var path in new[] { $"/meetings.html?table={table}", $"/meeting.html?id={meeting}" })
        {
            // Act
            await organiser.Page.GotoAsync(path);
            await Expect(organiser.Page.Locator("[data-testid=outbox] tbody tr [data-status]").First).ToBeVisibleAsync();
            var violations = await Axe.SeriousViolationsAsync(organiser.Page);
            var width = await organiser.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

            // Assert
            Assert.True(violations.Count == 0, $"{path}: " + string.Join(Environment.NewLine, violations));
            Assert.True(width <= (viewport == Viewports.Phone ? 390 : 1280), $"{path} scrolls sideways on a {viewport} ({width}px)");
        }
    }

    private async Task<BrowserSession> SignedInAsync(string returnUrl, BrowserNewContextOptions? options = null)
    {
        var session = await fixture.NewSessionAsync(output, options);
        await session.Page.GotoAsync($"/login.html?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await session.Page.GetByLabel("Courriel").FillAsync(BrowserAppFixture.OrganiserEmail);
        await session.Page.GetByLabel("Mot de passe").FillAsync(BrowserAppFixture.OrganiserPassword);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await session.Page.WaitForURLAsync(url => !url.Contains("login.html"));
        return session;
    }

    private async Task<HttpClient> OrganiserApiAsync()
    {
        var api = fixture.CreateApiClient();
        api.DefaultRequestHeaders.Add("X-CSRF", "1");
        (await api.PostAsJsonAsync("/api/auth/login",
            new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword })).EnsureSuccessStatusCode();
        return api;
    }

    private static async Task<Guid> CreateTableAsync(HttpClient api, string name) =>
        (await (await api.PostAsJsonAsync("/api/tables", new { name, quorum = 1 })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

    private static async Task AddMemberAsync(HttpClient api, Guid table, string name, string email) =>
        (await api.PostAsJsonAsync($"/api/tables/{table}/members",
            new { name, organisation = "Carrefour jeunesse-emploi", sector = "communautaire", email, role = "member" })).EnsureSuccessStatusCode();

    private static async Task<Guid> CreateMeetingAsync(HttpClient api, Guid table)
    {
        var starts = DateTimeOffset.UtcNow.AddDays(10);
        var response = await api.PostAsJsonAsync("/api/meetings", new { tableId = table, title = "Rencontre de février", startsAt = starts.ToString("O"), location = "Joliette" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
