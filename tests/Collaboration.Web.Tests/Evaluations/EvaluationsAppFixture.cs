using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Testing;
using Collaboration.Web.Tests.Mail;
using Microsoft.Data.Sqlite;
using MimeKit;

namespace Collaboration.Web.Tests.Evaluations;

/// <summary>
/// One app (SQLite file of its own, so a test can read what is stored) sending to one loopback SMTP server; each test uses
/// addresses of its own. Messages are read under a lock: MimeKit builds address lists lazily, and parsing one from two
/// threads at once may throw.
/// </summary>
public sealed class EvaluationsAppFixture : IAsyncLifetime
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly Lock MailGate = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("concertation-evaluations-").FullName;

    public LoopbackSmtpServer Smtp { get; } = LoopbackSmtpServer.Start();

    public ConcertationFactory App { get; private set; } = null!;

    public HttpClient Organiser { get; private set; } = null!;

    public string DatabasePath => Path.Combine(_folder, "evaluations.db");

    public async Task InitializeAsync()
    {
        App = new ConcertationFactory(null, false, MailSettings.For(Smtp.Port, ("ConnectionStrings:Sqlite", $"Data Source={DatabasePath}")));
        Organiser = await App.CreateOrganiserClientAsync().WaitAsync(Timeout);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    /// <summary>Every message received so far to one of <paramref name="addresses"/> whose subject contains <paramref name="subject"/>.</summary>
    public IReadOnlyList<(string To, MimeMessage Message)> MailTo(IEnumerable<string> addresses, string subject)
    {
        var wanted = addresses.ToHashSet(StringComparer.OrdinalIgnoreCase);
        lock (MailGate)
        {
            return [.. Smtp.Received.Select(m => (To: ((MailboxAddress)m.To.Single()).Address, Message: m))
                .Where(m => wanted.Contains(m.To) && (m.Message.Subject ?? "").Contains(subject, StringComparison.Ordinal))];
        }
    }

    public async Task<IReadOnlyList<(string To, MimeMessage Message)>> WaitForMailAsync(IEnumerable<string> addresses, string subject, int count)
    {
        var list = addresses.ToList();
        await Poll.UntilAsync(() => Task.FromResult(MailTo(list, subject).Count >= count), Timeout, $"{count} messages '{subject}'");
        return MailTo(list, subject);
    }

    public async Task<Guid> CreateSessionAsync(int capacity = 30)
    {
        var starts = DateTimeOffset.UtcNow.AddDays(2);
        var response = await Organiser.PostAsJsonAsync("/api/workshops", new
        {
            titleFr = "Accueillir en région", titleEn = "Welcoming in the region", descriptionFr = "Atelier", descriptionEn = "Workshop",
            startsAt = starts, endsAt = starts.AddHours(3), place = "Cégep régional, Joliette", capacity,
        }).WaitAsync(Timeout);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Registers; returns the code and the manage token.</summary>
    public async Task<(string Code, string Id, string Token)> RegisterAsync(Guid session, string email, string name, string organisation, string? language = null)
    {
        var response = await App.CreateClient().PostAsJsonAsync($"/api/workshops/{session}/registrations", new
        {
            organisation, contactName = name, email, seats = 1, sector = "Fabrication", consent = true, language,
        }).WaitAsync(Timeout);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (json.GetProperty("code").GetString()!, json.GetProperty("id").GetString()!, json.GetProperty("manageToken").GetString()!);
    }

    public async Task MarkAsync(Guid session, string code, bool attended) =>
        (await Organiser.PostAsJsonAsync($"/api/workshops/{session}/registrants/{code}/attendance", new { attended }).WaitAsync(Timeout)).EnsureSuccessStatusCode();

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token = null, object? body = null, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Add("X-Manage-Token", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        return await (client ?? App.CreateClient()).SendAsync(request).WaitAsync(Timeout);
    }

    /// <summary>Every stored grain state of one state name, as text (the storage's JSON payload).</summary>
    public IReadOnlyList<string> StoredStates(string stateName)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM orleans_grain_state WHERE state_name = $name";
        command.Parameters.AddWithValue("$name", stateName);
        using var reader = command.ExecuteReader();
        var states = new List<string>();
        while (reader.Read()) states.Add(System.Text.Encoding.UTF8.GetString((byte[])reader[0]));
        return states;
    }
}
