using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Collaboration.Web.Tests.Colloque;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Collaboration.Web.Tests.Meetings.MeetingsTestKit;

namespace Collaboration.Web.Tests.Authorisation;

/// <summary>
/// The authorisation matrix, generated from the app's own endpoint list: every endpoint × every
/// caller of <see cref="Callers"/>, plus the organiser without X-CSRF, against the rule of
/// <see cref="EndpointRules"/>. A new endpoint without a rule fails <see cref="EveryEndpoint_HasARule"/>.
/// </summary>
public sealed partial class AuthorisationMatrixTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly ConcertationFactory _app = new(kestrel: true);
    private readonly Dictionary<string, string> _values = [];
    private readonly Dictionary<Callers, string?> _cookies = [];
    private string _otherEmployerToken = "";
    private int _unique;

    public async Task InitializeAsync()
    {
        var organiser = await _app.CreateOrganiserClientAsync().WaitAsync(Timeout);
        _cookies[Callers.Organiser] = await _app.SignInCookieAsync();
        _cookies[Callers.Anonymous] = null;
        _cookies[Callers.OtherEmployer] = null;

        // Table A has the member who calls; the routes name table B, its member, meeting and agenda item.
        var tableA = await CreateTableAsync(organiser, "Table A");
        var (_, tokenA) = await AddMemberAsync(organiser, tableA, "Membre de A");
        _cookies[Callers.OtherTableMember] = await MemberCookieAsync(_app.ServerAddress, tokenA);
        var tableB = await CreateTableAsync(organiser, "Table B");
        var (memberB, _) = await AddMemberAsync(organiser, tableB, "Membre de B");
        var meetingB = await CreateMeetingAsync(organiser, tableB);
        var itemB = await AddAgendaItemAsync(organiser, meetingB, "Point de B");

        // Colloque 1 is the route's; the desk that calls is paired with colloque 2.
        var colloque1 = await ColloqueKit.CreateColloqueAsync(organiser, "Colloque 1");
        var code1 = await ColloqueKit.RegisterAsync(organiser, colloque1, "Inscrite au colloque 1");
        var (desk1, _) = await ColloqueKit.CreateDeskAsync(organiser, colloque1, "Accueil 1");
        var colloque2 = await ColloqueKit.CreateColloqueAsync(organiser, "Colloque 2");
        var (_, pairing2) = await ColloqueKit.CreateDeskAsync(organiser, colloque2, "Accueil 2");
        var paired = await RawAsync(HttpMethod.Post, "/api/desks/pair", null, csrf: true, JsonSerializer.Serialize(new { pairingCode = pairing2 }));
        paired.EnsureSuccessStatusCode();
        _cookies[Callers.OtherDesk] = paired.Headers.GetValues("Set-Cookie").First().Split(';')[0];

        // Registration 1 is the route's; the employer who calls holds registration 2's token.
        var starts = DateTimeOffset.UtcNow.AddDays(10);
        var workshop = (await organiser.PostAsJsonAsync("/api/workshops", new
        {
            titleFr = "Atelier", titleEn = "Workshop", startsAt = starts, endsAt = starts.AddHours(2), place = "Joliette", capacity = 100,
        }).OkJsonAsync()).GetProperty("id").GetGuid();
        var registration1 = await _app.CreateClient().PostAsJsonAsync($"/api/workshops/{workshop}/registrations", new
        {
            organisation = "Entreprise 1", contactName = "Un", email = "un@exemple.qc.ca", seats = 1, sector = "Commerce", consent = true,
        }).OkJsonAsync();
        var registration2 = await _app.CreateClient().PostAsJsonAsync($"/api/workshops/{workshop}/registrations", new
        {
            organisation = "Entreprise 2", contactName = "Deux", email = "deux@exemple.qc.ca", seats = 1, sector = "Commerce", consent = true,
        }).OkJsonAsync();
        _otherEmployerToken = registration2.GetProperty("manageToken").GetString()!;

        _values["tableB"] = tableB.ToString();
        _values["memberB"] = memberB.ToString();
        _values["itemB"] = itemB.ToString();
        _values["meeting"] = meetingB.ToString();
        _values["colloque"] = colloque1.ToString();
        _values["code"] = code1;
        _values["desk"] = desk1;
        _values["workshop"] = workshop.ToString();
        _values["registration"] = registration1.GetProperty("id").GetString()!;
        _values["registrationCode"] = registration1.GetProperty("code").GetString()!;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void EveryEndpoint_HasARule()
    {
        var missing = Endpoints().Where(e => RuleOf(e) is null).ToList();

        Assert.True(missing.Count == 0, "Endpoints without a rule in Authorisation/EndpointRules.cs:\n" + string.Join("\n", missing));
    }

    [Fact]
    public async Task EveryEndpoint_RefusesEveryCallerItsRuleDoesNotAllow_AndUnsafeCallsWithoutXCsrf()
    {
        var failures = new List<string>();
        var endpoints = Endpoints().Select(e => (Key: e, Rule: RuleOf(e)!)).Where(e => e.Rule is not null)
            .OrderBy(e => e.Rule.EndsSession).ToList(); // logout last: it ends the caller's session
        foreach (var (key, rule) in endpoints)
        {
            var method = key[..key.IndexOf(' ')] is "*" ? rule.Method ?? "GET" : key[..key.IndexOf(' ')];
            var path = Fill(key[(key.IndexOf(' ') + 1)..]) + (rule.Query ?? "");
            var body = rule.Body is null ? null : Placeholders().Replace(rule.Body, m => m.Groups[1].Value == "unique" ? $"u{++_unique}" : _values[m.Groups[1].Value]);

            if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && path.StartsWith("/api", StringComparison.Ordinal))
            {
                var noCsrf = await RawAsync(new HttpMethod(method), path, _cookies[Callers.Organiser], csrf: false, body);
                var csrfRefused = noCsrf.StatusCode == HttpStatusCode.BadRequest && (await noCsrf.Content.ReadAsStringAsync()).Contains("csrf-header-missing");
                if (!rule.CsrfExempt && !csrfRefused)
                    failures.Add($"{method} {path} without X-CSRF: {(int)noCsrf.StatusCode}, not 400 csrf-header-missing");
                if (rule.CsrfExempt && (csrfRefused || (int)noCsrf.StatusCode >= 500))
                    failures.Add($"{method} {path} without X-CSRF: {(int)noCsrf.StatusCode}, but its rule says the signed token is the proof");
            }
            foreach (var caller in new[] { Callers.Anonymous, Callers.OtherTableMember, Callers.OtherEmployer, Callers.OtherDesk, Callers.Organiser })
            {
                var response = await RawAsync(new HttpMethod(method), path, _cookies[caller], csrf: true, body,
                    caller == Callers.OtherEmployer ? _otherEmployerToken : null);
                var status = (int)response.StatusCode;
                var allowed = rule.Allowed.HasFlag(caller);
                // Pages (not the API) send a stranger to the sign-in page, or to "access denied", instead.
                var toSignIn = status == 302 && !path.StartsWith("/api", StringComparison.Ordinal) &&
                               response.Headers.Location?.ToString() is { } location &&
                               (location.Contains("login", StringComparison.OrdinalIgnoreCase) || location.Contains("/acces-refuse", StringComparison.Ordinal));
                var refused = status is 401 or 403 || toSignIn || (rule.RefusedAsNotFound && status == 404);
                if (status >= 500) failures.Add($"{method} {path} as {caller}: {status}");
                else if (allowed && status is 401 or 403) failures.Add($"{method} {path} as {caller}: refused ({status}) but the rule allows it");
                else if (!allowed && !refused) failures.Add($"{method} {path} as {caller}: {status}, not refused");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>"METHOD /pattern" of every route endpoint the app maps.</summary>
    private IEnumerable<string> Endpoints()
    {
        _app.CreateClient().Dispose();
        return _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => $"{m} {Normalise(e.RoutePattern.RawText ?? "")}"))
            .Distinct();
    }

    private static string Normalise(string pattern)
    {
        var path = "/" + pattern.TrimStart('/');
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }

    private static EndpointRule? RuleOf(string endpoint) =>
        EndpointRules.All.TryGetValue(endpoint, out var rule) ? rule
        : EndpointRules.All.FirstOrDefault(r => r.Key.EndsWith('*') && endpoint.StartsWith(r.Key[..^1], StringComparison.Ordinal)).Value;

    /// <summary>A route pattern with its parameters replaced by the fixture's things (the ones the callers are strangers to).</summary>
    private string Fill(string pattern) => RouteParameter().Replace(pattern, m =>
    {
        var name = m.Groups[1].Value;
        return name switch
        {
            "tableId" => _values["tableB"],
            "memberId" => _values["memberB"],
            "itemId" => _values["itemB"],
            "motionId" or "commentId" or "documentId" => Guid.Empty.ToString(),
            "deskId" => _values["desk"],
            "documentName" => "v1",
            "sessionId" or "organisationId" => Guid.Empty.ToString(),
            "id" when pattern.StartsWith("/api/partners", StringComparison.Ordinal) || pattern.StartsWith("/api/portal", StringComparison.Ordinal) => Guid.Empty.ToString(),
            "room" => "Grande salle",
            "page" or "mailId" => "1",
            "id" when pattern.StartsWith("/api/tables", StringComparison.Ordinal) => _values["tableB"],
            "address" or "path" => _app.Services.GetRequiredService<Orleans.Runtime.ILocalSiloDetails>().SiloAddress.ToParsableString(),
            "code" when pattern.StartsWith("/api/workshops", StringComparison.Ordinal) => _values["registrationCode"],
            "code" => _values["code"],
            "id" when pattern.StartsWith("/api/meetings", StringComparison.Ordinal) => _values["meeting"],
            "id" when pattern.StartsWith("/api/colloques", StringComparison.Ordinal) => _values["colloque"],
            "id" when pattern.StartsWith("/api/workshops", StringComparison.Ordinal) => _values["workshop"],
            "id" when pattern.StartsWith("/api/registrations", StringComparison.Ordinal) => _values["registration"],
            _ => "x",
        };
    });

    private async Task<HttpResponseMessage> RawAsync(HttpMethod method, string path, string? cookie, bool csrf, string? body, string? manageToken = null)
    {
        using var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = _app.ServerAddress };
        var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        if (csrf) request.Headers.Add("X-CSRF", "1");
        if (manageToken is not null) request.Headers.Add("X-Manage-Token", manageToken);
        // Headers are enough (a dashboard trace streams forever); the CSRF check reads its short body.
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitAsync(Timeout);
        if (response.StatusCode == HttpStatusCode.BadRequest) await response.Content.LoadIntoBufferAsync().WaitAsync(Timeout);
        else response.Dispose();
        return response;
    }

    [GeneratedRegex(@"\{\*{0,2}([A-Za-z]+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholders();
}
