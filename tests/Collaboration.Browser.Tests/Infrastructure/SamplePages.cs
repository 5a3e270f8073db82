using System.Net.Http.Json;
using System.Text.Json;

namespace Collaboration.Browser.Tests.Infrastructure;

/// <summary>
/// Something on every page, arranged through the API as the organiser: a table with a member, a meeting in
/// progress and a closed one, a workshop session with a registration, a colloque with a desk and an attendee.
/// <see cref="All"/> lists every page of the product at an address that shows that content.
/// </summary>
public sealed record SamplePages(IReadOnlyList<SamplePage> All)
{
    public static async Task<SamplePages> ArrangeAsync(BrowserAppFixture fixture)
    {
        using var api = fixture.CreateApiClient();
        api.DefaultRequestHeaders.Add("X-CSRF", "1");
        await Json(api.PostAsJsonAsync("/api/auth/login", new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword }));

        var tableId = Id(await Json(api.PostAsJsonAsync("/api/tables", new { name = "Table régionale de Lanaudière", quorum = 1 })));
        var member = await Json(api.PostAsJsonAsync($"/api/tables/{tableId}/members", new { name = "Geneviève Lafrenière", organisation = "Lanaudière Économique", sector = "economique", email = "genevieve@exemple.qc.ca" }));
        var memberId = member.GetProperty("memberId").GetGuid();
        var starts = new DateTimeOffset(2026, 11, 18, 13, 30, 0, TimeSpan.FromHours(-5));
        var roomId = Id(await Json(api.PostAsJsonAsync("/api/meetings", new { tableId, title = "Rencontre de novembre", startsAt = starts, location = "Joliette" })));
        var item = (await Json(api.PostAsJsonAsync($"/api/meetings/{roomId}/agenda", new { title = "Accueil des nouveaux partenaires", plannedMinutes = 15 }))).GetProperty("current").GetProperty("id").GetGuid();
        await Json(api.PostAsync($"/api/meetings/{roomId}/start", null));
        await Json(api.PutAsJsonAsync($"/api/meetings/{roomId}/attendance/{memberId}", new { status = "present" }));
        await Json(api.PostAsJsonAsync($"/api/meetings/{roomId}/decisions", new { agendaItemId = item, text = "Le plan d’action 2027 est adopté." }));
        await Json(api.PostAsJsonAsync($"/api/meetings/{roomId}/action-items", new { text = "Envoyer le plan aux MRC", ownerMemberId = memberId, due = "2026-12-15" }));
        var closedId = Id(await Json(api.PostAsJsonAsync("/api/meetings", new { tableId, title = "Rencontre d’octobre", startsAt = starts.AddDays(-28), location = "Terrebonne" })));
        await Json(api.PostAsJsonAsync($"/api/meetings/{closedId}/agenda", new { title = "Bilan", plannedMinutes = 10 }));
        await Json(api.PostAsync($"/api/meetings/{closedId}/start", null));
        await Json(api.PostAsync($"/api/meetings/{closedId}/close", null));

        var workshopStarts = DateTimeOffset.UtcNow.AddDays(10);
        var workshopId = Id(await Json(api.PostAsJsonAsync("/api/workshops", new
        {
            titleFr = "Recruter à l’international", titleEn = "Recruiting internationally",
            descriptionFr = "Les étapes, les délais et les appuis offerts aux employeurs.", descriptionEn = "Steps, delays and the support offered to employers.",
            startsAt = workshopStarts, endsAt = workshopStarts.AddHours(2), place = "Repentigny", capacity = 20,
        })));
        using var anonymous = fixture.CreateApiClient();
        var registration = await Json(anonymous.PostAsJsonAsync($"/api/workshops/{workshopId}/registrations", new
        {
            organisation = "Meubles Matawinie", contactName = "Karim Benali", email = "karim@exemple.qc.ca", seats = 2, sector = "Fabrication", consent = true,
        }));

        var colloqueId = Id(await Json(api.PostAsJsonAsync("/api/colloques", new { title = "Colloque régional 2026", date = "2026-11-26", venue = "Joliette" })));
        await Json(api.PostAsJsonAsync($"/api/colloques/{colloqueId}/desks", new { name = "Accueil A" }));
        var code = (await Json(api.PostAsJsonAsync($"/api/colloques/{colloqueId}/registrations", new { name = "Marie-Ève Gagnon", organisation = "MRC de Montcalm", category = "mrc" }))).GetProperty("code").GetString();

        return new SamplePages(
        [
            new("home", "/", SignedIn: false),
            new("login", "/login.html", SignedIn: false),
            new("join", "/join.html", SignedIn: false),
            new("meetings", $"/meetings.html?table={tableId}", SignedIn: true),
            new("meeting", $"/meeting.html?id={roomId}", SignedIn: true),
            new("minutes", $"/minutes.html?id={closedId}", SignedIn: true),
            new("workshops", "/workshops/", SignedIn: false),
            new("workshop-session", $"/workshops/session.html?id={workshopId}", SignedIn: false),
            new("workshop-manage", $"/workshops/manage.html?id={registration.GetProperty("id").GetString()}#token={registration.GetProperty("manageToken").GetString()}", SignedIn: false),
            new("workshops-admin", "/workshops/admin.html", SignedIn: true),
            new("colloque", $"/colloque.html?id={colloqueId}", SignedIn: true),
            new("colloque-dashboard", $"/colloque-dashboard.html?id={colloqueId}", SignedIn: true),
            new("colloque-desk", "/colloque-desk.html", SignedIn: false),
            new("colloque-badge", $"/colloque-badge.html?colloque={colloqueId}&code={code}", SignedIn: true),
        ]);
    }

    public SamplePage this[string name] => All.Single(p => p.Name == name);

    /// <summary>Opens page in session (signed in as the organiser first if the page is a staff page) and waits for its live connection.</summary>
    public static async Task OpenAsync(BrowserSession session, SamplePage page)
    {
        if (page.SignedIn)
        {
            var login = await session.Page.Context.APIRequest.PostAsync("/api/auth/login", new()
            {
                DataObject = new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword },
                Headers = new Dictionary<string, string> { ["X-CSRF"] = "1" },
            });
            Assert.True(login.Ok, $"sign-in answered {login.Status}");
        }
        await session.Page.GotoAsync(page.Path);
        await Expect(session.ConnectionState).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = Timeouts.Ui });
        await session.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    private static Guid Id(JsonElement created) => created.GetProperty("id").GetGuid();

    private static async Task<JsonElement> Json(Task<HttpResponseMessage> call)
    {
        var response = await call.WaitAsync(Timeouts.Http);
        response.EnsureSuccessStatusCode();
        return response.Content.Headers.ContentLength == 0 ? default : await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

/// <summary>A page of the product: a name (for test names and screenshot files), its address, whether it is a staff page.</summary>
public sealed record SamplePage(string Name, string Path, bool SignedIn);
