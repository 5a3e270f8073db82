using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Collaboration.Testing;
using Collaboration.Web.Tests.Cluster;
using Collaboration.Web.Tests.Live;

namespace Collaboration.Web.Tests.Telemetry;

/// <summary>
/// A real node process on PostgreSQL, configured as in production, scraped at /metrics: the product's counters move
/// with what people do (a registration, its confirmation email), beside ASP.NET Core's, Orleans' and Npgsql's meters.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class MetricsScrapeTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Scrape_ShowsTheRegistrationCounterMoved_AfterARegistration()
    {
        // Arrange: a node and a workshop session
        await using var node = await WebNodeProcess.StartPostgresAsync(await postgres.CreateDatabaseAsync("metrics"), StartTimeout);
        var (organiser, _) = await node.SignInOrganiserAsync(Timeout);
        var starts = DateTimeOffset.UtcNow.AddDays(7);
        var created = await organiser.PostAsJsonAsync("/api/workshops", new
        {
            titleFr = "Recruter à l'international", titleEn = "Recruiting abroad", descriptionFr = "Atelier", descriptionEn = "Workshop",
            startsAt = starts, endsAt = starts.AddHours(3), place = "Joliette", capacity = 10,
        }).WaitAsync(Timeout);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var session = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var anonymous = new HttpClient { BaseAddress = node.Address, Timeout = Timeout };
        var before = Value(await ScrapeAsync(anonymous), RegistrationsConfirmed());

        // Act
        var registered = await anonymous.PostAsJsonAsync($"/api/workshops/{session}/registrations", new
        {
            organisation = "Boulangerie du Vieux-Port", contactName = "Mélanie Côté", email = "melanie@exemple.qc.ca",
            seats = 2, sector = "Alimentation", consent = true,
        }).WaitAsync(Timeout);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

        // Assert: this node counted exactly this registration; the platform's meters are there too
        var text = await Poll.UntilAsync(() => ScrapeAsync(anonymous), t => Value(t, RegistrationsConfirmed()) == before + 1, Timeout,
            "concertation_registrations_total{kind=workshop,status=confirmed} counted the registration");
        var names = MetricNames(text).ToList();
        Assert.Contains("concertation_emails_queued_total", names);                   // its confirmation email
        Assert.Contains("http_server_request_duration_seconds_count", names);         // ASP.NET Core
        Assert.Contains(names, n => n.StartsWith("orleans_", StringComparison.Ordinal)); // Orleans' own meters
        Assert.Contains(names, n => n.StartsWith("db_client_", StringComparison.Ordinal)); // Npgsql
    }

    private static async Task<string> ScrapeAsync(HttpClient client)
    {
        var response = await client.GetAsync("/metrics").WaitAsync(Timeout);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static IEnumerable<string> MetricNames(string exposition) =>
        exposition.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('{', ' ')[0]).Distinct();

    /// <summary>The sample's value, 0 when the series has not appeared yet.</summary>
    private static double Value(string exposition, Regex series) =>
        series.Match(exposition) is { Success: true } m ? double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^concertation_registrations_total\{(?=[^}]*kind=""workshop"")(?=[^}]*status=""confirmed"")[^}]*\} (?<value>[0-9.eE+]+)", RegexOptions.Multiline)]
    private static partial Regex RegistrationsConfirmed();
}
