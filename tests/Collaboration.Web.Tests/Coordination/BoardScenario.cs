using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Testing;
using static Collaboration.Web.Tests.Meetings.MeetingsTestKit;
using static Collaboration.Web.Tests.Partners.PartnersTestKit;

namespace Collaboration.Web.Tests.Coordination;

/// <summary>
/// Two tables through the real API: table A (Joliette's organisation: Xavier, who owns an overdue
/// item and a later one; Matawinie's: Yasmine, who owns one) and table B (Zoé, one item).
/// </summary>
internal sealed record BoardScenario(
    Guid TableA, Guid TableB, Guid MeetingA, Guid MeetingB, Guid Joliette, Guid Matawinie, Guid Montcalm,
    Guid Xavier, Guid Yasmine, Guid Zoe, string XavierToken, string YasmineToken, string ZoeToken,
    Guid OverdueItem, Guid LaterItem, Guid YasmineItem, Guid ZoeItem)
{
    public static async Task<BoardScenario> CreateAsync(HttpClient organiser, DateOnly today)
    {
        var joliette = await CreatePartnerIdAsync(organiser, $"Centre d'accueil de Joliette {Guid.NewGuid():N}", "joliette", "accueil");
        var matawinie = await CreatePartnerIdAsync(organiser, $"Carrefour de la Matawinie {Guid.NewGuid():N}", "matawinie", "francisation");
        var montcalm = await CreatePartnerIdAsync(organiser, $"Emploi Montcalm {Guid.NewGuid():N}", "montcalm", "emploi");
        var tableA = await CreateTableAsync(organiser, "Table A");
        var tableB = await CreateTableAsync(organiser, "Table B");
        var (xavier, xavierToken) = await AddMemberAsync(organiser, tableA, "Xavier Joly");
        var (yasmine, yasmineToken) = await AddMemberAsync(organiser, tableA, "Yasmine Maté");
        var (zoe, zoeToken) = await AddMemberAsync(organiser, tableB, "Zoé Montcalm");
        await LinkAsync(organiser, tableA, xavier, joliette);
        await LinkAsync(organiser, tableA, yasmine, matawinie);
        await LinkAsync(organiser, tableB, zoe, montcalm);
        var meetingA = await CreateMeetingAsync(organiser, tableA, "Rencontre A");
        var meetingB = await CreateMeetingAsync(organiser, tableB, "Rencontre B");
        var overdue = await AddItemAsync(organiser, meetingA, "Tâche en retard", xavier, today.AddDays(-3));
        var later = await AddItemAsync(organiser, meetingA, "Tâche à venir", xavier, today.AddDays(20));
        var yasmineItem = await AddItemAsync(organiser, meetingA, "Tâche de Yasmine", yasmine, today.AddDays(5));
        var zoeItem = await AddItemAsync(organiser, meetingB, "Tâche de Zoé", zoe, null);
        var scenario = new BoardScenario(tableA, tableB, meetingA, meetingB, joliette, matawinie, montcalm, xavier, yasmine, zoe,
            xavierToken, yasmineToken, zoeToken, overdue, later, yasmineItem, zoeItem);
        await Poll.UntilAsync(async () => (await ItemsAsync(organiser)).Count(i => scenario.Items.Contains(i.GetProperty("itemId").GetGuid())) == 4,
            CallTimeout, "the four items on the board");
        return scenario;
    }

    public IReadOnlyList<Guid> Items => [OverdueItem, LaterItem, YasmineItem, ZoeItem];

    public static async Task<Guid> AddItemAsync(HttpClient client, Guid meetingId, string text, Guid owner, DateOnly? due) =>
        (await client.PostAsJsonAsync($"/api/meetings/{meetingId}/action-items", new
        {
            text, ownerMemberId = owner, due = due?.ToString("yyyy-MM-dd"),
        }).OkJsonAsync()).GetProperty("current").GetProperty("id").GetGuid();

    public static async Task<IReadOnlyList<JsonElement>> ItemsAsync(HttpClient client, string query = "") =>
        [.. (await client.GetAsync($"/api/board?{query}").OkJsonAsync()).GetProperty("items").EnumerateArray()];

    public static async Task<IReadOnlyList<Guid>> ItemIdsAsync(HttpClient client, string query = "") =>
        [.. (await ItemsAsync(client, query)).Select(i => i.GetProperty("itemId").GetGuid())];
}
