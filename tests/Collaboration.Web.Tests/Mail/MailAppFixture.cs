using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Testing;

namespace Collaboration.Web.Tests.Mail;

/// <summary>One app (SQLite) sending to one loopback SMTP server, shared by the message tests; each test uses addresses of its own.</summary>
public sealed class MailAppFixture : IAsyncLifetime
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public LoopbackSmtpServer Smtp { get; } = LoopbackSmtpServer.Start();

    public ConcertationFactory App { get; private set; } = null!;

    public HttpClient Organiser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = new ConcertationFactory(null, false, MailSettings.For(Smtp.Port));
        Organiser = await App.CreateOrganiserClientAsync().WaitAsync(Timeout);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    /// <summary>The first message to <paramref name="to"/> whose subject contains <paramref name="subject"/>.</summary>
    public async Task<ReceivedMail> MailAsync(string to, string subject)
    {
        var found = await Poll.UntilAsync(
            () => Task.FromResult(Smtp.Received.Select(m => new ReceivedMail(m)).FirstOrDefault(m => m.To == to && m.Subject.Contains(subject, StringComparison.Ordinal))),
            m => m is not null, Timeout, $"a message '{subject}' to {to}");
        return found!;
    }

    public IReadOnlyList<ReceivedMail> MailTo(string to) => [.. Smtp.Received.Select(m => new ReceivedMail(m)).Where(m => m.To == to)];

    public async Task<Guid> CreateSessionAsync(int capacity, DateTimeOffset? startsAt = null)
    {
        var starts = startsAt ?? DateTimeOffset.UtcNow.AddDays(7);
        var response = await Organiser.PostAsJsonAsync("/api/workshops", new
        {
            titleFr = "Recruter à l'international", titleEn = "Recruiting abroad", descriptionFr = "Atelier", descriptionEn = "Workshop",
            startsAt = starts, endsAt = starts.AddHours(3), place = "Salle Rolland-Brunelle, Joliette", capacity,
        }).WaitAsync(Timeout);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public async Task<JsonElement> RegisterAsync(Guid session, string email, int seats = 1, string? language = null)
    {
        var response = await App.CreateClient().PostAsJsonAsync($"/api/workshops/{session}/registrations", new
        {
            organisation = "Fromagerie du Champ à la Meule", contactName = "Mélanie Côté", email, phone = "450 555-0142", seats,
            sector = "Alimentation", consent = true, language,
        }).WaitAsync(Timeout);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Opens a manage link from an email the way the page does: id from the query, token from the fragment, in the header.</summary>
    public async Task<HttpResponseMessage> OpenManageLinkAsync(Uri link, HttpMethod? method = null, object? body = null)
    {
        var id = System.Web.HttpUtility.ParseQueryString(link.Query)["id"];
        var token = link.Fragment.TrimStart('#').Split('=', 2)[1];
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, $"/api/registrations/{id}");
        request.Headers.Add("X-Manage-Token", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        return await App.CreateClient().SendAsync(request).WaitAsync(Timeout);
    }

    public async Task<JsonElement> OutboxAsync(string path) =>
        await Organiser.GetFromJsonAsync<JsonElement>(path).WaitAsync(Timeout);
}
