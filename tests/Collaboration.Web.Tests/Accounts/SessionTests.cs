using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Testing;
using Collaboration.Web.Tests.Colloque;
using static Collaboration.Web.Tests.Meetings.MeetingsTestKit;

namespace Collaboration.Web.Tests.Accounts;

/// <summary>Server-side sessions: a copy of a cookie stops working once its session ends, and so do its hub connections.</summary>
public sealed class SessionTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly ConcertationFactory _app = new(kestrel: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task OldCookie_Gets401_AfterLogout()
    {
        var cookie = await _app.SignInCookieAsync().WaitAsync(Timeout);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "/api/colloques", cookie)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Post, "/api/auth/logout", cookie)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, "/api/colloques", cookie)).StatusCode);
        var me = await (await SendAsync(HttpMethod.Get, "/api/auth/me", cookie)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(me.GetProperty("signedIn").GetBoolean());
    }

    [Fact]
    public async Task OldCookie_Gets401_AfterAPasswordChange_WhileTheChangerGoesOn()
    {
        var stolen = await _app.SignInCookieAsync().WaitAsync(Timeout);
        var organiser = await _app.CreateOrganiserClientAsync().WaitAsync(Timeout);

        var change = await organiser.PostAsJsonAsync("/api/auth/password",
            new { currentPassword = ConcertationFactory.OrganiserPassword, newPassword = "Lanaudière-Joliette-2027" }).WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, "/api/colloques", stolen)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await organiser.GetAsync("/api/colloques").WaitAsync(Timeout)).StatusCode);
    }

    [Fact]
    public async Task RevokedMember_Gets401()
    {
        var organiser = await _app.CreateOrganiserClientAsync().WaitAsync(Timeout);
        var table = await CreateTableAsync(organiser);
        var (memberId, token) = await AddMemberAsync(organiser, table, "Membre à révoquer");
        var cookie = await MemberCookieAsync(_app.ServerAddress, token);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "/api/tables", cookie)).StatusCode);

        (await organiser.PostAsync($"/api/tables/{table}/members/{memberId}/revoke", null).WaitAsync(Timeout)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, "/api/tables", cookie)).StatusCode);
        var me = await (await SendAsync(HttpMethod.Get, "/api/auth/me", cookie)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(me.GetProperty("signedIn").GetBoolean());
    }

    [Fact]
    public async Task RevokedDesk_NextScanGets401_AndItsHubConnectionIsClosed()
    {
        var organiser = await _app.CreateOrganiserClientAsync().WaitAsync(Timeout);
        var colloque = await ColloqueKit.CreateColloqueAsync(organiser);
        var code = await ColloqueKit.RegisterAsync(organiser, colloque, "Noémie Laurin");
        var (deskId, pairingCode) = await ColloqueKit.CreateDeskAsync(organiser, colloque, "Accueil nord");
        var cookie = await PairCookieAsync(pairingCode);
        await using var hub = await NodeHubClient.ConnectAsync(new Uri(_app.ServerAddress, "/hubs/live").ToString(), cookie);
        await hub.InvokeAsync("Subscribe", $"colloque:{colloque}", 0).WaitAsync(Timeout);
        var desks = await organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/desks").WaitAsync(Timeout);
        Assert.Equal(1, desks.EnumerateArray().Single(d => d.GetProperty("deskId").GetString() == deskId).GetProperty("devices").GetArrayLength());
        var states = hub.StateChanges.Count;

        var revoke = await organiser.PostAsync($"/api/colloques/{colloque}/desks/{deskId}/revoke", null).WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(1, (await revoke.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ended").GetInt32());
        var scan = await SendAsync(HttpMethod.Post, $"/api/colloques/{colloque}/checkins", cookie, new { code, nonce = "n-1" });
        Assert.Equal(HttpStatusCode.Unauthorized, scan.StatusCode);
        await hub.WaitForStateAsync("closed", Timeout, since: states);
        desks = await organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/desks").WaitAsync(Timeout);
        Assert.Equal(0, desks.EnumerateArray().Single(d => d.GetProperty("deskId").GetString() == deskId).GetProperty("devices").GetArrayLength());
    }

    [Fact]
    public async Task NewPairingCode_EndsTheOldDeskCookie()
    {
        var organiser = await _app.CreateOrganiserClientAsync().WaitAsync(Timeout);
        var colloque = await ColloqueKit.CreateColloqueAsync(organiser);
        var (deskId, pairingCode) = await ColloqueKit.CreateDeskAsync(organiser, colloque, "Accueil sud");
        var cookie = await PairCookieAsync(pairingCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, $"/api/colloques/{colloque}/stats", cookie)).StatusCode);

        (await organiser.PostAsync($"/api/colloques/{colloque}/desks/{deskId}/pairing-code", null).WaitAsync(Timeout)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, $"/api/colloques/{colloque}/stats", cookie)).StatusCode);
    }

    private async Task<string> PairCookieAsync(string pairingCode)
    {
        var response = await SendAsync(HttpMethod.Post, "/api/desks/pair", null, new { pairingCode });
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("Set-Cookie").First().Split(';')[0];
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? cookie, object? body = null)
    {
        using var handler = new HttpClientHandler { UseCookies = false };
        using var client = new HttpClient(handler) { BaseAddress = _app.ServerAddress };
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        request.Headers.Add("X-CSRF", "1");
        return await client.SendAsync(request).WaitAsync(Timeout);
    }
}
