using System.Net.Http.Json;
using System.Text.Json;
using static Collaboration.Web.Tests.Meetings.MeetingsTestKit;

namespace Collaboration.Web.Tests.Partners;

/// <summary>Creates partner organisations through the real API.</summary>
internal static class PartnersTestKit
{
    public static async Task<JsonElement> CreatePartnerAsync(
        HttpClient organiser, string name, string mrc, string[] services, bool isPublic = true, string[]? languages = null,
        string contactName = "", string[]? aliases = null, string sector = "communautaire") =>
        await organiser.PostAsJsonAsync("/api/partners", new
        {
            name, mrc, sector, services, address = "", website = "", contactName, contactEmail = "", contactPhone = "",
            languages = languages ?? ["fr"], descriptionFr = "", descriptionEn = "", aliases = aliases ?? [], isPublic,
        }).OkJsonAsync();

    public static async Task<Guid> CreatePartnerIdAsync(HttpClient organiser, string name, string mrc, params string[] services) =>
        (await CreatePartnerAsync(organiser, name, mrc, services)).GetProperty("id").GetGuid();

    /// <summary>The names found, sorted; organisers' records (?all=true) carry them under "fields".</summary>
    public static async Task<IReadOnlyList<string>> SearchNamesAsync(HttpClient client, string query) =>
        [.. (await client.GetAsync($"/api/partners?{query}").OkJsonAsync()).GetProperty("items").EnumerateArray()
            .Select(i => (i.TryGetProperty("fields", out var fields) ? fields : i).GetProperty("name").GetString()!).Order()];

    public static async Task LinkAsync(HttpClient organiser, Guid tableId, Guid memberId, Guid organisationId) =>
        (await organiser.PutAsJsonAsync($"/api/tables/{tableId}/members/{memberId}/organisation", new { organisationId })).EnsureSuccessStatusCode();
}
