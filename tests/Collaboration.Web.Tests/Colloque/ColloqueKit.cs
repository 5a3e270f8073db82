using Collaboration.Grains.Platform;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Web.Colloque;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Web.Tests.Colloque;

/// <summary>What the colloque tests do over HTTP, as the organiser page and the desk page do.</summary>
public static class ColloqueKit
{
    public static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    public static async Task<Guid> CreateColloqueAsync(HttpClient organiser, string title = "Colloque régional")
    {
        var response = await organiser.PostAsJsonAsync("/api/colloques", new { title, date = "2026-11-26", venue = "Rimouski" }).WaitAsync(Within);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<string> RegisterAsync(HttpClient organiser, Guid colloque, string name, string category = "employeur", string? email = null, string organisation = "Desjardins")
    {
        var response = await organiser.PostAsJsonAsync($"/api/colloques/{colloque}/registrations", new { name, organisation, category, email }).WaitAsync(Within);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    public static async Task<(string DeskId, string PairingCode)> CreateDeskAsync(HttpClient organiser, Guid colloque, string name)
    {
        var response = await organiser.PostAsJsonAsync($"/api/colloques/{colloque}/desks", new { name }).WaitAsync(Within);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("deskId").GetString()!, body.GetProperty("pairingCode").GetString()!);
    }

    /// <summary>A desk client: pairs with a fresh pairing code and keeps the desk cookie.</summary>
    public static async Task<HttpClient> PairedDeskAsync(ConcertationFactory app, HttpClient organiser, Guid colloque, string name)
    {
        var (_, code) = await CreateDeskAsync(organiser, colloque, name);
        var desk = app.CreateClient();
        desk.DefaultRequestHeaders.Add("X-CSRF", "1");
        var response = await desk.PostAsJsonAsync("/api/desks/pair", new { pairingCode = code }).WaitAsync(Within);
        response.EnsureSuccessStatusCode();
        return desk;
    }

    /// <summary>Check-ins reach the colloque's figures just after the desk's answer (the after-commit path): wait for that before reading stats.</summary>
    public static Task MirroredAsync(params ConcertationFactory[] hosts) =>
        Task.WhenAll(hosts.Select(h => h.Services.GetRequiredService<PendingEffects>().WhenDeliveredAsync(Within, e => e is not Grains.Mail.SendMail)));

    public static async Task<JsonElement> ScanAsync(HttpClient desk, Guid colloque, string code, string? nonce = null)
    {
        var response = await desk.PostAsJsonAsync($"/api/colloques/{colloque}/checkins", new { code, nonce = nonce ?? Guid.NewGuid().ToString("N") }).WaitAsync(Within);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
