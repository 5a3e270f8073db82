using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Grains.Partners;
using Collaboration.Web.Partners;
using static Collaboration.Web.Tests.Meetings.MeetingsTestKit;
using static Collaboration.Web.Tests.Partners.PartnersTestKit;

namespace Collaboration.Web.Tests.Partners;

/// <summary>Likely duplicates are found; a merge keeps one organisation, and the other's names, members and address follow it.</summary>
public sealed class PartnerMergeTests(PartnerMergeTests.App app) : IClassFixture<PartnerMergeTests.App>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>An app of its own: the merges must not disturb the directory the search tests read.</summary>
    public sealed class App : IAsyncLifetime
    {
        public ConcertationFactory Factory { get; } = new();

        public HttpClient Organiser { get; private set; } = null!;

        public async Task InitializeAsync() => Organiser = await Factory.CreateOrganiserClientAsync();

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    [Fact]
    public async Task Merge_KeepsTheSurvivor_WithTheDuplicatesNamesMembersAndAddress_AndTheDuplicateLeavesTheDirectory()
    {
        // Arrange: one organisation entered twice (accents and punctuation aside), a Table member linked to the copy.
        var tag = Guid.NewGuid().ToString("N")[..8];
        var survivor = await CreatePartnerAsync(app.Organiser, $"Maison d'accueil {tag}", "joliette", ["accueil"]);
        var duplicate = await CreatePartnerAsync(app.Organiser, $"MAISON D’ACCUEIL {tag}", "joliette", ["accueil"], aliases: [$"MDA {tag}"]);
        var (survivorId, duplicateId) = (survivor.GetProperty("id").GetGuid(), duplicate.GetProperty("id").GetGuid());
        var tableId = await CreateTableAsync(app.Organiser, $"Table {tag}");
        var (memberId, _) = await AddMemberAsync(app.Organiser, tableId, "Awa Diallo");
        await LinkAsync(app.Organiser, tableId, memberId, duplicateId);
        var found = await DuplicatesAsync();

        // Act
        var merged = await app.Organiser.PostAsJsonAsync($"/api/partners/{duplicateId}/merge", new { survivorId, expectedVersion = 1 }).WaitAsync(Timeout);
        var again = await app.Organiser.PostAsJsonAsync($"/api/partners/{duplicateId}/merge", new { survivorId, expectedVersion = 1 }).WaitAsync(Timeout);
        var editDuplicate = await app.Organiser.PutAsJsonAsync($"/api/partners/{duplicateId}", new
        {
            name = "Écrasé", mrc = "joliette", sector = "communautaire", isPublic = true, expectedVersion = 2,
        }).WaitAsync(Timeout);
        var backwards = await app.Organiser.PostAsJsonAsync($"/api/partners/{survivorId}/merge",
            new { survivorId = duplicateId, expectedVersion = 2 }).WaitAsync(Timeout);

        // Assert: found as a pair by its name; merged once; the copy is gone from every list, its address leads to the
        // survivor, which carries its names; the member follows; the copy can be neither edited nor merged into.
        Assert.Contains(found, d => d.Ids.SetEquals([survivorId, duplicateId]) && d.Reasons.Contains("name"));
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.DoesNotContain(await DuplicatesAsync(), d => d.Ids.Contains(duplicateId));
        Assert.Equal([$"Maison d'accueil {tag}"], await SearchNamesAsync(app.Organiser, $"all=true&q={tag}"));
        Assert.Equal([$"Maison d'accueil {tag}"], await SearchNamesAsync(app.Factory.CreateClient(), $"q=MDA {tag}"));
        var byOldAddress = await app.Organiser.GetAsync($"/api/partners/{duplicate.GetProperty("slug").GetString()}").OkJsonAsync();
        Assert.Equal(survivorId, byOldAddress.GetProperty("id").GetGuid());
        Assert.Contains($"MAISON D’ACCUEIL {tag}", byOldAddress.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Contains($"MDA {tag}", byOldAddress.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        var table = await app.Organiser.GetAsync($"/api/tables/{tableId}").OkJsonAsync();
        var member = table.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("id").GetGuid() == memberId);
        Assert.Equal(survivorId, member.GetProperty("organisationId").GetGuid());
        Assert.Equal("merged", (await editDuplicate.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Conflict, backwards.StatusCode);
    }

    [Fact]
    public async Task Merge_IsRefused_ForAStaleVersion_ItselfAnUnknownSurvivor_OrMissingFields_AndNothingChanges()
    {
        // Arrange
        var tag = Guid.NewGuid().ToString("N")[..8];
        var first = (await CreatePartnerAsync(app.Organiser, $"Premier {tag}", "montcalm", ["emploi"])).GetProperty("id").GetGuid();
        var second = (await CreatePartnerAsync(app.Organiser, $"Second {tag}", "montcalm", ["emploi"])).GetProperty("id").GetGuid();

        // Act
        var stale = await MergeAsync(second, new { survivorId = first, expectedVersion = 7 });
        var itself = await MergeAsync(second, new { survivorId = second, expectedVersion = 1 });
        var unknown = await MergeAsync(second, new { survivorId = Guid.NewGuid(), expectedVersion = 1 });
        var missing = await MergeAsync(second, new { });

        // Assert
        Assert.Equal("stale", (await stale.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, itself.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var problem = await missing.ReadJsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty("survivorId", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("expectedVersion", out _));
        Assert.Equal([$"Premier {tag}", $"Second {tag}"], await SearchNamesAsync(app.Organiser, $"all=true&q={tag}"));
    }

    [Fact]
    public void Finder_PairsTheSameNameInOneMrc_TheSameMailDomainAndTheSameSite_NotAWebmailNorAWidelySharedDomain()
    {
        // Arrange
        PartnerDirectoryEntry Entry(string name, Mrc mrc, string email = "", string website = "") => new(Guid.NewGuid(), name, 1,
            new PartnerProfile(name, mrc, Grains.Tables.Sector.Communautaire, [], "", website, "", email, "", ["fr"], "", "", [], true), DateTimeOffset.UnixEpoch);
        var accueil = Entry("Accueil Lanaudière", Mrc.Joliette);
        var accueilAgain = Entry("ACCUEIL  lanaudiere", Mrc.Joliette);
        var accueilElsewhere = Entry("Accueil Lanaudière", Mrc.Montcalm);
        var mailA = Entry("Carrefour A", Mrc.Matawinie, email: "info@carrefour.qc.ca");
        var mailB = Entry("Carrefour B", Mrc.DAutray, email: "direction@Carrefour.qc.ca");
        var webmailA = Entry("Petit organisme A", Mrc.Montcalm, email: "a@gmail.com");
        var webmailB = Entry("Petit organisme B", Mrc.Montcalm, email: "b@gmail.com");
        var siteA = Entry("Maison X", Mrc.LesMoulins, website: "https://www.maisonx.org/");
        var siteB = Entry("La Maison X inc.", Mrc.LAssomption, website: "http://maisonx.org");
        var shared = Enumerable.Range(0, DuplicateFinder.MaxSharing + 1).Select(i => Entry($"Membre {i}", Mrc.Matawinie, email: $"m{i}@reseau.qc.ca")).ToList();

        // Act
        var pairs = DuplicateFinder.Find([accueil, accueilAgain, accueilElsewhere, mailA, mailB, webmailA, webmailB, siteA, siteB, .. shared])
            .Select(d => (Ids: new HashSet<Guid> { d.First.Id, d.Second.Id }, d.Reasons)).ToList();

        // Assert
        Assert.Equal(3, pairs.Count);
        Assert.Contains(pairs, p => p.Ids.SetEquals([accueil.Id, accueilAgain.Id]) && p.Reasons.SequenceEqual(["name"]));
        Assert.Contains(pairs, p => p.Ids.SetEquals([mailA.Id, mailB.Id]) && p.Reasons.SequenceEqual(["email"]));
        Assert.Contains(pairs, p => p.Ids.SetEquals([siteA.Id, siteB.Id]) && p.Reasons.SequenceEqual(["website"]));
    }

    private async Task<List<(HashSet<Guid> Ids, List<string> Reasons)>> DuplicatesAsync() =>
        [.. (await app.Organiser.GetAsync("/api/partners/duplicates").OkJsonAsync()).EnumerateArray().Select(d => (
            new HashSet<Guid> { d.GetProperty("first").GetProperty("id").GetGuid(), d.GetProperty("second").GetProperty("id").GetGuid() },
            d.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList()))];

    private Task<HttpResponseMessage> MergeAsync(Guid id, object body) =>
        app.Organiser.PostAsJsonAsync($"/api/partners/{id}/merge", body).WaitAsync(Timeout);
}
