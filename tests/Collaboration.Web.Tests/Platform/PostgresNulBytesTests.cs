using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Collaboration.Testing;
using Collaboration.Web.Tests.Colloque;
using Collaboration.Web.Tests.Live;
using static Collaboration.Web.Tests.Meetings.MeetingsTestKit;

namespace Collaboration.Web.Tests.Platform;

/// <summary>
/// On PostgreSQL a NUL byte in a text column fails the write (and once broke the next, unrelated
/// write on the same connection). Every text field refuses it with a 400 naming the field before
/// anything reaches storage, and a good request sent at the same time still succeeds.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresNulBytesTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private sealed record TextCase(string Method, string Path, Func<JsonObject> Body, string[] Fields, HttpClient Client);

    [Fact]
    public async Task NulInEachTextField_Is400_WhileAConcurrentGoodRequestSucceeds()
    {
        // Arrange: one of each thing the text fields belong to.
        await using var app = new ConcertationFactory(await postgres.CreateDatabaseAsync("nul"), kestrel: true);
        var organiser = await app.CreateOrganiserClientAsync().WaitAsync(Timeout);
        var table = await CreateTableAsync(organiser);
        var (member, _) = await AddMemberAsync(organiser, table, "Membre");
        var meeting = await CreateMeetingAsync(organiser, table);
        var item = await AddAgendaItemAsync(organiser, meeting, "Point");
        await organiser.PostAsync($"/api/meetings/{meeting}/start", null).OkJsonAsync(); // decisions are recorded in a started meeting
        var colloque = await ColloqueKit.CreateColloqueAsync(organiser);
        var desk = await ColloqueKit.PairedDeskAsync(app, organiser, colloque, "Accueil");
        var starts = DateTimeOffset.UtcNow.AddDays(9);
        var workshop = (await organiser.PostAsJsonAsync("/api/workshops", new
        {
            titleFr = "Atelier", titleEn = "Workshop", startsAt = starts, endsAt = starts.AddHours(2), place = "Repentigny", capacity = 500,
        }).OkJsonAsync()).GetProperty("id").GetGuid();
        var anonymous = app.CreateClient();
        var n = 0;
        string Unique() => $"u{Interlocked.Increment(ref n)}";

        TextCase[] cases =
        [
            new("POST", "/api/tables", () => new() { ["name"] = "Table " + Unique(), ["quorum"] = 2 }, ["name"], organiser),
            new("POST", $"/api/tables/{table}/members", () => new()
            {
                ["name"] = "Membre", ["organisation"] = "Org", ["sector"] = "municipal", ["email"] = $"{Unique()}@exemple.qc.ca", ["role"] = "member",
            }, ["name", "organisation", "sector", "email", "role"], organiser),
            new("POST", "/api/meetings", () => new()
            {
                ["tableId"] = table.ToString(), ["title"] = "Rencontre", ["startsAt"] = DateTimeOffset.UtcNow.ToString("O"), ["location"] = "Joliette",
            }, ["title", "location", "startsAt"], organiser),
            new("POST", $"/api/meetings/{meeting}/agenda", () => new() { ["title"] = "Point", ["presenter"] = "Ana", ["plannedMinutes"] = 5, ["notes"] = "Notes" },
                ["title", "presenter", "notes"], organiser),
            new("POST", $"/api/meetings/{meeting}/action-items", () => new() { ["text"] = "Tâche", ["ownerMemberId"] = member.ToString() },
                ["text", "due"], organiser),
            new("POST", $"/api/meetings/{meeting}/decisions", () => new() { ["agendaItemId"] = item.ToString(), ["text"] = "Décision" }, ["text"], organiser),
            new("POST", "/api/colloques", () => new() { ["title"] = "Colloque", ["date"] = "2027-05-20", ["venue"] = "Terrebonne" },
                ["title", "date", "venue"], organiser),
            new("POST", $"/api/colloques/{colloque}/registrations", () => new()
            {
                ["name"] = "Personne " + Unique(), ["organisation"] = "Org", ["category"] = "employeur", ["email"] = $"{Unique()}@exemple.qc.ca",
            }, ["name", "organisation", "category", "email"], organiser),
            new("POST", $"/api/colloques/{colloque}/desks", () => new() { ["name"] = "Accueil " + Unique() }, ["name"], organiser),
            new("POST", $"/api/colloques/{colloque}/walkins", () => new()
            {
                ["name"] = "Visiteur " + Unique(), ["organisation"] = "Org", ["category"] = "autre", ["nonce"] = Unique(), ["operator"] = "Julie",
            }, ["name", "organisation", "category", "nonce", "operator"], desk),
            new("POST", "/api/organisers", () => new()
            {
                ["email"] = $"{Unique()}@exemple.qc.ca", ["displayName"] = "Organisatrice", ["password"] = "Une phrase de passe longue",
            }, ["email", "displayName", "password"], organiser),
            new("POST", $"/api/workshops/{workshop}/registrations", () => new()
            {
                ["organisation"] = "Entreprise", ["contactName"] = "Contact", ["email"] = $"{Unique()}@exemple.qc.ca", ["phone"] = "450 555-0101",
                ["seats"] = 1, ["sector"] = "Commerce", ["consent"] = true,
            }, ["organisation", "contactName", "email", "phone", "sector"], anonymous),
        ];

        // Act and assert, field by field: the bad request and a good one at the same time.
        foreach (var c in cases)
            foreach (var field in c.Fields)
            {
                var bad = c.Body();
                bad[field] = "avant\u0000après";
                var answers = await Task.WhenAll(SendAsync(c, bad), SendAsync(c, c.Body())).WaitAsync(Timeout);

                Assert.True(answers[0].StatusCode == HttpStatusCode.BadRequest, $"{c.Path} {field}: {(int)answers[0].StatusCode}");
                await InputPolicyTests.AssertFieldRefusedAsync(answers[0], field);
                Assert.True(answers[1].IsSuccessStatusCode, $"{c.Path} next to a NUL in {field}: {(int)answers[1].StatusCode} {await answers[1].Content.ReadAsStringAsync()}");
            }

        // And the load: 60 concurrent workshop registrations, 12 of them with a NUL.
        var registrations = cases[^1];
        var load = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
        {
            var body = registrations.Body();
            if (i % 5 == 0) body["organisation"] = "Ferme\u0000" + i;
            return SendAsync(registrations, body);
        })).WaitAsync(Timeout);
        Assert.Equal(12, load.Count(r => r.StatusCode == HttpStatusCode.BadRequest));
        Assert.Equal(48, load.Count(r => r.StatusCode == HttpStatusCode.Created));
    }

    private static Task<HttpResponseMessage> SendAsync(TextCase c, JsonObject body) =>
        c.Client.SendAsync(new HttpRequestMessage(new HttpMethod(c.Method), c.Path) { Content = JsonContent.Create(body) });
}
