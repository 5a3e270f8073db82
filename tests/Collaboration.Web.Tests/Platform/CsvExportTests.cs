using System.Net.Http.Json;
using System.Text;
using Collaboration.Web.Platform;
using Collaboration.Web.Tests.Colloque;
using static Collaboration.Web.Tests.Meetings.MeetingsTestKit;

namespace Collaboration.Web.Tests.Platform;

/// <summary>Every CSV export goes through <see cref="CsvExport"/>: no cell runs as a formula in a spreadsheet.</summary>
public sealed class CsvExportTests : IAsyncLifetime
{
    private const string Hyperlink = "=HYPERLINK(\"https://evil.example\",\"clic\")";
    private const string Dde = "-2+3+cmd|' /C calc'!A0";
    private readonly ConcertationFactory _app = new();
    private HttpClient _organiser = null!;

    public async Task InitializeAsync() => _organiser = await _app.CreateOrganiserClientAsync().WaitAsync(CallTimeout);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData(" =1+1", "' =1+1")]
    [InlineData("+33 6", "'+33 6")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\uFF1D1+1", "'\uFF1D1+1")]     // full-width =
    [InlineData("\uFF0B33 6", "'\uFF0B33 6")]   // full-width +
    [InlineData("\uFF0D2+3", "'\uFF0D2+3")]     // full-width -
    [InlineData("\uFF20SUM(A1)", "'\uFF20SUM(A1)")] // full-width @
    [InlineData("\u200B=1+1", "'\u200B=1+1")]   // zero-width space first
    [InlineData("\uFEFF+1", "'\uFEFF+1")]       // BOM first
    [InlineData("Marie-Ève", "Marie-Ève")]
    public void Defuse_EscapesFormulas_EvenBehindBlanks(string value, string expected)
    {
        var csv = Encoding.UTF8.GetString(CsvExport.Build(["a"], [[value]]));

        Assert.Contains(expected, csv);
        Assert.DoesNotContain("\n" + value.TrimStart(), csv.Replace(expected, ""));
    }

    [Fact]
    public async Task AttendanceCsv_EscapesNamesOrganisationsDesksAndOperators()
    {
        var colloque = await ColloqueKit.CreateColloqueAsync(_organiser);
        var code = await ColloqueKit.RegisterAsync(_organiser, colloque, Hyperlink, organisation: Dde);
        var desk = await ColloqueKit.PairedDeskAsync(_app, _organiser, colloque, "@Accueil");
        (await desk.PostAsJsonAsync($"/api/colloques/{colloque}/checkins",
            new { code, nonce = Guid.NewGuid().ToString("N"), @operator = "  =1+1" }).WaitAsync(CallTimeout)).EnsureSuccessStatusCode();

        var csv = await _organiser.GetStringAsync($"/api/colloques/{colloque}/attendance.csv").WaitAsync(CallTimeout);

        AssertDefused(csv, ";", Hyperlink, Dde, "@Accueil", "=1+1");
    }

    [Fact]
    public async Task WorkshopRegistrationsCsv_EscapesFormulas()
    {
        var session = await CreateSessionAsync();
        await _app.CreateClient().PostAsJsonAsync($"/api/workshops/{session}/registrations", new
        {
            organisation = Dde, contactName = "=1+1", email = "formule@exemple.ca", seats = 1, sector = "@SUM(A1)", consent = true,
        }).OkJsonAsync();

        var csv = await _organiser.GetStringAsync($"/api/workshops/{session}/registrations.csv").WaitAsync(CallTimeout);

        AssertDefused(csv, ",", Dde, "=1+1", "@SUM(A1)");
    }

    [Fact]
    public async Task WorkshopRegistrationsCsv_EscapesFullWidthAndInvisiblyPrefixedFormulas()
    {
        var session = await CreateSessionAsync();
        await _app.CreateClient().PostAsJsonAsync($"/api/workshops/{session}/registrations", new
        {
            organisation = "\uFF1DHYPERLINK(\"https://evil.example\")", contactName = "\u200B=1+1", email = "pleine@exemple.ca", seats = 1,
            sector = "\uFEFF@SUM(A1)", consent = true,
        }).OkJsonAsync();

        var csv = await _organiser.GetStringAsync($"/api/workshops/{session}/registrations.csv").WaitAsync(CallTimeout);

        AssertDefused(csv, ",", "HYPERLINK(\"https://evil.example\")", "=1+1", "@SUM(A1)");
    }

    [Fact]
    public async Task ActionItemsCsv_EscapesFormulas()
    {
        var table = await CreateTableAsync(_organiser);
        var (member, _) = await AddMemberAsync(_organiser, table, "+Membre");
        var meeting = await CreateMeetingAsync(_organiser, table, title: "-Rencontre");
        var item = await AddAgendaItemAsync(_organiser, meeting, Hyperlink);
        await _organiser.PostAsJsonAsync($"/api/meetings/{meeting}/action-items", new { text = "\t=1+1", ownerMemberId = member, agendaItemId = item }).OkJsonAsync();

        var csv = await _organiser.GetStringAsync($"/api/meetings/{meeting}/action-items.csv").WaitAsync(CallTimeout);

        AssertDefused(csv, ",", "=1+1", "+Membre", "-Rencontre", Hyperlink);
    }

    private async Task<Guid> CreateSessionAsync()
    {
        var starts = DateTimeOffset.UtcNow.AddDays(5);
        return (await _organiser.PostAsJsonAsync("/api/workshops", new
        {
            titleFr = "Atelier", titleEn = "Workshop", startsAt = starts, endsAt = starts.AddHours(2), place = "Joliette", capacity = 10,
        }).OkJsonAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>Each value appears, and only behind the escaping quote.</summary>
    private static void AssertDefused(string csv, string delimiter, params string[] values)
    {
        using var reader = new CsvHelper.CsvParser(new StringReader(csv),
            new CsvHelper.Configuration.CsvConfiguration(System.Globalization.CultureInfo.InvariantCulture) { Delimiter = delimiter });
        var cells = new List<string>();
        while (reader.Read()) cells.AddRange(reader.Record!);
        foreach (var value in values)
        {
            Assert.Contains(cells, c => c.Contains(value, StringComparison.Ordinal));
            Assert.All(cells.Where(c => c.Contains(value, StringComparison.Ordinal)), c => Assert.StartsWith("'", c));
        }
    }
}
