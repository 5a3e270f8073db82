using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Collaboration.Web.Tests.Colloque.ColloqueKit;

namespace Collaboration.Web.Tests.Colloque;

/// <summary>What the self-registration tests do over HTTP, as the public and manage pages do.</summary>
public static class SignupKit
{
    public static readonly DateTimeOffset Day = new(2027, 5, 13, 8, 30, 0, TimeSpan.FromHours(-4));

    /// <summary>
    /// Registration open from an hour ago for a week; quotas by API category name. The waiting list holds 100 unless the
    /// test says otherwise (null: the product's default, as many as the places).
    /// </summary>
    public static async Task OpenRegistrationAsync(HttpClient organiser, Guid colloque, int? total, object? quotas = null, DateTimeOffset? closesAt = null,
        int? waitlist = 100)
    {
        var response = await organiser.PutAsJsonAsync($"/api/colloques/{colloque}/registration-settings", new
        {
            opensAt = DateTimeOffset.UtcNow.AddHours(-1), closesAt = closesAt ?? DateTimeOffset.UtcNow.AddDays(7),
            totalCapacity = total, categoryCapacity = quotas ?? new { }, venueAddress = "20, rue Saint-Charles-Borromée Sud, Joliette",
            waitlistCapacity = waitlist,
        }).WaitAsync(Within);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<Guid> AddSessionAsync(HttpClient organiser, Guid colloque, string title, string kind, string room, int startHour, int hours = 1, int? capacity = null)
    {
        var response = await organiser.PostAsJsonAsync($"/api/colloques/{colloque}/sessions", new
        {
            titleFr = title, titleEn = title + " (EN)", kind, room,
            startsAt = Day.Date.AddHours(startHour), endsAt = Day.Date.AddHours(startHour + hours), capacity,
            speakers = new[] { new { name = "Josée Drapeau", organisation = "Lanaudière Économique" } },
        }).WaitAsync(Within);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sessionId").GetGuid();
    }

    public static object Signup(string name, string email, string category = "employer", Guid[]? choices = null, object? needs = null, string mrc = "joliette") => new
    {
        name, organisation = "Fromagerie du Village", email, category, mrc, needs, consent = true, choices = choices ?? [],
    };

    public static async Task<(HttpStatusCode Status, JsonElement Body)> SignUpAsync(HttpClient client, Guid colloque, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/colloques/{colloque}/signups", body).WaitAsync(Within);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public static async Task<JsonElement> SignedUpAsync(HttpClient client, Guid colloque, object body)
    {
        var (status, json) = await SignUpAsync(client, colloque, body);
        Assert.True(status == HttpStatusCode.Created, json.ToString());
        return json;
    }

    public static HttpRequestMessage Manage(HttpMethod method, string code, string? token, object? body = null)
    {
        var request = new HttpRequestMessage(method, $"/api/signups/{code}");
        if (token is not null) request.Headers.Add("X-Manage-Token", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        return request;
    }

    public static async Task<JsonElement> PublicAsync(HttpClient client, Guid colloque) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/public").WaitAsync(Within);

    public static string Code(JsonElement signup) => signup.GetProperty("code").GetString()!;

    public static string Token(JsonElement signup) => signup.GetProperty("manageToken").GetString()!;
}
