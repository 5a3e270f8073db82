using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Web.Tests.Layout;

/// <summary>
/// Every server-rendered page is valid HTML, as html-validate (an independent validator, from npm, the client's dev
/// dependency) reads it against the HTML standard: content models, heading order, attribute values, required select
/// options, nested interactive content. Each page in French and English, as a visitor and as an organiser, with content.
/// A page added without a sample address here fails <see cref="EveryPage_HasASampleAddress"/>.
/// </summary>
public sealed partial class ValidHtmlTests(ValidHtmlTests.App app) : IClassFixture<ValidHtmlTests.App>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    /// <summary>One app with something on every page: a table and a meeting, a workshop and a registration, a colloque, an organisation, a news item.</summary>
    public sealed class App : IAsyncLifetime
    {
        public ConcertationFactory Factory { get; } = new();

        public HttpClient Organiser { get; private set; } = null!;

        public Dictionary<string, string> Samples { get; } = [];

        public async Task InitializeAsync()
        {
            Organiser = await Factory.CreateOrganiserClientAsync();
            var table = Id(await Json(Organiser.PostAsJsonAsync("/api/tables", new { name = "Table régionale", quorum = 1 })));
            await Json(Organiser.PostAsJsonAsync($"/api/tables/{table}/members", new { name = "Geneviève Lafrenière", organisation = "Lanaudière Économique", sector = "economique", email = "genevieve@exemple.qc.ca" }));
            var meeting = Id(await Json(Organiser.PostAsJsonAsync("/api/meetings", new { tableId = table, title = "Rencontre de mars", startsAt = DateTimeOffset.UtcNow.AddDays(5), location = "Joliette" })));
            var starts = DateTimeOffset.UtcNow.AddDays(10);
            var workshop = Id(await Json(Organiser.PostAsJsonAsync("/api/workshops", new
            {
                titleFr = "Recruter à l’international", titleEn = "Recruiting internationally", descriptionFr = "Les étapes.", descriptionEn = "The steps.",
                startsAt = starts, endsAt = starts.AddHours(2), place = "Repentigny", capacity = 20,
            })));
            var registration = await Json(Factory.CreateClient().PostAsJsonAsync($"/api/workshops/{workshop}/registrations", new
            {
                organisation = "Meubles Matawinie", contactName = "Karim Benali", email = "karim@exemple.qc.ca", seats = 2, sector = "Fabrication", consent = true,
            }));
            var colloque = Id(await Json(Organiser.PostAsJsonAsync("/api/colloques", new { title = "Colloque régional", date = DateTime.UtcNow.AddDays(40).ToString("yyyy-MM-dd"), venue = "Joliette" })));
            var partner = await Json(Organiser.PostAsJsonAsync("/api/partners", new { name = "Carrefour d’accueil", mrc = "joliette", sector = "communautaire", services = new[] { "accueil" }, languages = new[] { "fr" }, isPublic = true }));
            // The same organisation again: the organisers' page shows the pair as a likely duplicate.
            await Json(Organiser.PostAsJsonAsync("/api/partners", new { name = "CARREFOUR D'ACCUEIL", mrc = "joliette", sector = "communautaire", services = new[] { "accueil" }, languages = new[] { "fr" }, isPublic = false }));
            var news = await Json(Organiser.PostAsJsonAsync("/api/portal/news", new { titleFr = "Nouvelle", titleEn = "News", markdownFr = "## Un titre\n\nTexte", markdownEn = "## A heading\n\nText" }));
            Samples["/colloque/{id:guid}"] = $"/colloque/{colloque}";
            Samples["/colloque/{id:guid}/manage"] = $"/colloque/{colloque}/manage?code=ABCD";
            Samples["/colloque/{id:guid}/screen"] = $"/colloque/{colloque}/screen?room=Salle%20A";
            Samples["/coordination/organismes/{id:guid}"] = $"/coordination/organismes/{partner.GetProperty("id").GetGuid()}";
            Samples["/organismes/{slug}"] = $"/organismes/{partner.GetProperty("slug").GetString()}";
            Samples["/nouvelles/{slug}"] = $"/nouvelles/{news.GetProperty("slug").GetString()}";
            Samples["/workshops/session.html"] = $"/workshops/session.html?id={workshop}";
            Samples["/workshops/manage.html"] = $"/workshops/manage.html?id={registration.GetProperty("id").GetString()}";
            Samples["/meeting.html"] = $"/meeting.html?id={meeting}";
            Samples["/minutes.html"] = $"/minutes.html?id={meeting}";
            Samples["/meetings.html"] = $"/meetings.html?table={table}";
            Samples["/colloque.html"] = $"/colloque.html?id={colloque}";
            Samples["/colloque-dashboard.html"] = $"/colloque-dashboard.html?id={colloque}";
            Samples["/colloque-badge.html"] = $"/colloque-badge.html?colloque={colloque}";
            Samples["/rapport/liste"] = "/rapport/liste?figure=quorum-reached";
            Samples["/attestation/{code}"] = "/attestation/ABCD2345";
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();

        private static Guid Id(JsonElement created) => created.GetProperty("id").GetGuid();

        private static async Task<JsonElement> Json(Task<HttpResponseMessage> call)
        {
            var response = await call.WaitAsync(Within);
            Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }
    }

    [Fact]
    public void EveryPage_HasASampleAddress()
    {
        var missing = Routes().Where(r => r.Contains('{') && !app.Samples.ContainsKey(r)).ToList();

        Assert.True(missing.Count == 0, $"pages without a sample address in ValidHtmlTests: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task EveryServerRenderedPage_IsValidHtml_InBothLanguages_ForAVisitorAndAnOrganiser()
    {
        // Arrange: every page's HTML, as the server sends it.
        var folder = Directory.CreateTempSubdirectory("concertation-html-").FullName;
        var visitor = app.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var files = new Dictionary<string, string>();
        foreach (var route in Routes())
        {
            var path = app.Samples.GetValueOrDefault(route, route);
            foreach (var (who, client) in new[] { ("visitor", visitor), ("organiser", app.Organiser) })
            foreach (var language in new[] { "fr", "en" })
            {
                var response = await client.GetAsync(path + (path.Contains('?') ? "&" : "?") + $"lang={language}").WaitAsync(Within);
                if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found) continue; // a staff page, for the organiser only
                // A page's own refusals (the 403 page, a 404) are pages too.
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{who} {path}: {(int)response.StatusCode}");
                Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
                var file = Path.Combine(folder, $"{files.Count:D3}.html");
                await File.WriteAllTextAsync(file, await response.Content.ReadAsStringAsync());
                files[file] = $"{path} ({language}, {who})";
            }
        }

        // Act
        var (exit, report) = await ValidateAsync(files.Keys);
        // html-validate does not read datetime values: a valid date/time string has at most three digits of fraction.
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        var badTimes = new List<string>();
        foreach (var (file, page) in files)
            foreach (var time in parser.ParseDocument(await File.ReadAllTextAsync(file)).QuerySelectorAll("time[datetime]"))
                if (!ValidDateTime().IsMatch(time.GetAttribute("datetime")!)) badTimes.Add($"{page}: <time datetime=\"{time.GetAttribute("datetime")}\">");

        // Assert
        var problems = JsonDocument.Parse(report).RootElement.EnumerateArray()
            .SelectMany(f => f.GetProperty("messages").EnumerateArray().Select(m =>
                $"{files[f.GetProperty("filePath").GetString()!]} line {m.GetProperty("line").GetInt32()}: [{m.GetProperty("ruleId").GetString()}] {m.GetProperty("message").GetString()}"))
            .Concat(badTimes).Distinct().ToList();
        Assert.True(problems.Count == 0 && exit == 0, $"{problems.Count} problems:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    /// <summary>Every Razor Page's route, as the app maps it.</summary>
    private IReadOnlyList<string> Routes() => app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
        .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
        .Where(r => !r.EndsWith("/index", StringComparison.OrdinalIgnoreCase) && !r.EndsWith("/Index", StringComparison.Ordinal))
        .Distinct().Order().ToList();

    private static async Task<(int Exit, string Report)> ValidateAsync(IEnumerable<string> files)
    {
        var client = Path.Combine(RepositoryFolder("web/Collaboration.Web"), "client");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = client, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        // The report goes to a file: node cuts a long answer on a pipe when it exits.
        var reportFile = Path.Combine(Path.GetTempPath(), $"html-validate-{Guid.NewGuid():N}.json");
        foreach (var argument in new[] { "node_modules/html-validate/bin/html-validate.mjs", "--config", "html-validate.json", "--formatter", $"json={reportFile}" }.Concat(files))
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Within);
        Assert.True(File.Exists(reportFile), $"html-validate did not answer: {await output} {await errors}");
        var report = await File.ReadAllTextAsync(reportFile);
        File.Delete(reportFile);
        return (process.ExitCode, report);
    }

    /// <summary>HTML's date, time, local date-time and global date-time strings (fractions of a second: one to three digits).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d{4}-\d{2}(-\d{2})?)?([T ]?\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?)?(Z|[+-]\d{2}:?\d{2})?$")]
    private static partial System.Text.RegularExpressions.Regex ValidDateTime();

    private static string RepositoryFolder(string relative)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, relative);
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"{relative} not found above {AppContext.BaseDirectory}");
    }
}
