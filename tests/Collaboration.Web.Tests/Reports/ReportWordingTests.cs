using Collaboration.Grains.Platform;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using Collaboration.Web.Coordination;
using Microsoft.Extensions.DependencyInjection;
using static Collaboration.Web.Tests.Meetings.MeetingsTestKit;

namespace Collaboration.Web.Tests.Reports;

/// <summary>
/// The activity report as a person reads it: numbers in the page's language ("66,7 %"), a dash where nothing was
/// counted, dates typed as AAAA-MM-JJ, lists in one language, and employers counted as the colloque's attendees are
/// (the period's events, held or upcoming), which the labels say.
/// </summary>
public sealed class ReportWordingTests : IAsyncLifetime
{
    private readonly ConcertationFactory _app = new();
    private HttpClient _organiser = null!;

    public async Task InitializeAsync() => _organiser = await _app.CreateOrganiserClientAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Report_ReadsInThePagesLanguage_CountsUpcomingWorkshops_AndShowsADashWhereNothingWasCounted()
    {
        // Arrange: a meeting with two of three members present; an upcoming workshop with one confirmed employer.
        var today = QuebecTime.Today(_app.Services.GetRequiredService<TimeProvider>());
        var table = await CreateTableAsync(_organiser, quorum: 2);
        var members = new List<Guid>();
        foreach (var name in new[] { "Julie", "Marc", "Ugo" }) members.Add((await AddMemberAsync(_organiser, table, name)).MemberId);
        var meeting = await CreateMeetingAsync(_organiser, table, "Rencontre", new DateTimeOffset(today.AddDays(-3).ToDateTime(new TimeOnly(18, 0)), TimeSpan.Zero));
        (await _organiser.PostAsync($"/api/meetings/{meeting}/start", null)).EnsureSuccessStatusCode();
        foreach (var member in members.Take(2))
            (await _organiser.PutAsJsonAsync($"/api/meetings/{meeting}/attendance/{member}", new { status = "present" })).EnsureSuccessStatusCode();
        var starts = DateTimeOffset.UtcNow.AddDays(5);
        var session = (await _organiser.PostAsJsonAsync("/api/workshops", new
        {
            titleFr = "Recruter", titleEn = "Recruiting", startsAt = starts, endsAt = starts.AddHours(2), place = "Joliette", capacity = 10,
        }).OkJsonAsync()).GetProperty("id").GetGuid();
        (await _app.CreateClient().PostAsJsonAsync($"/api/workshops/{session}/registrations", new
        {
            organisation = "Ferme", contactName = "Claire", email = "claire@ferme.qc.ca", seats = 1, sector = "Agriculture", consent = true,
        })).EnsureSuccessStatusCode();
        var period = $"from={today.AddDays(-30):yyyy-MM-dd}&to={today.AddDays(30):yyyy-MM-dd}";

        // Act
        var french = await PageAsync($"/rapport?{period}&lang=fr");
        var english = await PageAsync($"/rapport?{period}&lang=en");
        var quorumList = await PageAsync($"/rapport/liste?figure=meetings-held&{period}&lang=en");

        // Assert: the rate in each language; a dash in a column with nobody on the roster.
        string Cell(AngleSharp.Dom.IDocument page, string figure, int column) =>
            page.QuerySelectorAll($"tr[data-figure='{figure}'] td")[column].TextContent.Trim();
        Assert.Equal("66,7\u00A0% (2/3)", Cell(french, "attendance-rate", 0));
        Assert.Equal("66.7\u00A0% (2/3)", Cell(english, "attendance-rate", 0));
        Assert.Equal("—", Cell(french, "attendance-rate", 1));
        Assert.DoesNotContain("0.0 %", french.Body!.TextContent);
        // The upcoming workshop's employer counts, and the label says what is counted.
        Assert.Equal("1", Cell(french, "employers-registered", 0));
        Assert.Contains("tenus ou à venir", french.QuerySelector("tr[data-figure='employers-registered'] th")!.TextContent);
        // Dates typed as AAAA-MM-JJ, not a browser's date picker.
        Assert.Equal("text", french.QuerySelector("#report-from")!.GetAttribute("type"));
        Assert.Contains("AAAA-MM-JJ", french.QuerySelector("label[for=report-from]")!.TextContent);
        // The list behind a figure in one language.
        Assert.Contains("quorum reached", quorumList.Body!.TextContent);
        Assert.DoesNotContain("oui", quorumList.Body!.TextContent);
    }

    private async Task<AngleSharp.Dom.IDocument> PageAsync(string path)
    {
        var response = await _organiser.GetAsync(path).WaitAsync(TimeSpan.FromSeconds(30));
        response.EnsureSuccessStatusCode();
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }
}
