using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Testing;
using MimeKit;
using static Collaboration.Web.Tests.Meetings.MeetingsTestKit;
using static Collaboration.Web.Tests.Partners.PartnersTestKit;

namespace Collaboration.Web.Tests.Evaluations;

/// <summary>
/// A workshop's evaluation end to end on a real SMTP server: sent only to those marked present, with the attestation
/// attached; answers anonymous in storage; the results and the activity report equal the test's own answers; one reminder.
/// </summary>
public sealed class EvaluationFlowTests(EvaluationsAppFixture fixture) : IClassFixture<EvaluationsAppFixture>
{
    private static readonly TimeSpan Timeout = EvaluationsAppFixture.Timeout;

    private static readonly string[] DefaultQuestionIds = ["satisfaction", "usefulness-hiring", "usefulness-welcome", "intention", "recommend", "comments"];

    [Fact]
    public async Task Evaluation_GoesOnlyToThePresent_AnswersStayAnonymous_ResultsAndReportAddUp_OneReminder()
    {
        // Arrange: two partner organisations (two MRCs); 18 registrations: 10 marked present, 5 absent, 3 cancelled.
        var tag = Guid.NewGuid().ToString("N")[..8];
        await CreatePartnerAsync(fixture.Organiser, $"Fromagerie Lanaudoise {tag}", "joliette", ["accueil"]);
        await CreatePartnerAsync(fixture.Organiser, $"Meubles Matawinie {tag}", "matawinie", ["francisation"]);
        var session = await fixture.CreateSessionAsync();
        var present = new List<(string Email, string Name, string Code, string Id, string Token, string Mrc)>();
        for (var i = 0; i < 10; i++)
        {
            var (email, name) = ($"present{i}-{tag}@exemple.ca", $"Élise Bérubé-Côté {i}");
            var (organisation, mrc) = i < 6 ? ($"Fromagerie Lanaudoise {tag}", "joliette") : ($"Meubles Matawinie {tag}", "matawinie");
            var r = await fixture.RegisterAsync(session, email, name, organisation, language: i == 9 ? "en" : null);
            present.Add((email, name, r.Code, r.Id, r.Token, mrc));
        }
        var absent = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var email = $"absent{i}-{tag}@exemple.ca";
            var r = await fixture.RegisterAsync(session, email, $"Absent {i}", "Quincaillerie Rawdon");
            await fixture.MarkAsync(session, r.Code, attended: false);
            absent.Add(email);
        }
        var cancelled = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var email = $"annule{i}-{tag}@exemple.ca";
            var r = await fixture.RegisterAsync(session, email, $"Annulé {i}", "Transport Berthier");
            Assert.Equal(HttpStatusCode.OK, (await fixture.SendAsync(HttpMethod.Delete, $"/api/registrations/{r.Id}", r.Token)).StatusCode);
            cancelled.Add(email);
        }
        foreach (var p in present) await fixture.MarkAsync(session, p.Code, attended: true);
        var subject = $"workshop:{session:N}";

        // The default form is offered before anything is saved.
        var offered = await fixture.Organiser.GetAsync($"/api/evaluations/{subject}").OkJsonAsync();
        Assert.True(offered.GetProperty("evaluation").GetProperty("isDefaultForm").GetBoolean());
        var questions = offered.GetProperty("evaluation").GetProperty("questions");
        Assert.Equal(DefaultQuestionIds, questions.EnumerateArray().Select(q => q.GetProperty("id").GetString()));

        // Act 1: save it (the reminder 3.6 s after sending) and send now.
        var now = DateTimeOffset.UtcNow;
        var saved = await fixture.Organiser.PutAsJsonAsync($"/api/evaluations/{subject}", new
        {
            questions, sendAt = now.AddHours(5), reminderAfterHours = 0.001, closesAt = now.AddDays(14),
        }).OkJsonAsync();
        Assert.Equal("scheduled", saved.GetProperty("status").GetString());
        await fixture.Organiser.PostAsync($"/api/evaluations/{subject}/send", null).OkJsonAsync();

        // Assert 1: exactly the ten present get it, each in their language, with their attestation attached.
        var everyone = present.Select(p => p.Email).Concat(absent).Concat(cancelled).ToList();
        var invitations = await fixture.WaitForMailAsync(everyone, "avis", 9);
        await fixture.WaitForMailAsync(everyone, "feedback", 10); // nine bilingual, one in English only
        await Poll.UntilAsync(async () => (await fixture.Organiser.GetAsync($"/api/evaluations/{subject}/outbox").OkJsonAsync())
            .EnumerateArray().All(m => m.GetProperty("status").GetString() == "sent"), Timeout, "every invitation sent");
        var received = fixture.MailTo(everyone, "feedback");
        Assert.Equal(10, received.Count);
        Assert.Equal(present.Select(p => p.Email).Order(), received.Select(m => m.To).Order());
        Assert.Empty(fixture.MailTo(absent.Concat(cancelled), "avis"));
        Assert.Empty(fixture.MailTo(absent.Concat(cancelled), "feedback"));
        var english = received.Single(m => m.To == present[9].Email).Message;
        Assert.Equal("Your feedback on: Welcoming in the region", english.Subject);

        var first = received.Single(m => m.To == present[0].Email).Message;
        var pdf = Attachment(first, "application", "pdf");
        var text = await PdfChecks.TextAsync(pdf);
        Assert.Contains("Élise Bérubé-Côté 0", text);
        Assert.Contains("Accueillir en région", text);
        await PdfChecks.AssertValidAsync(pdf);

        // Act 2: four answer through their own link; one changes their answer.
        var answers = new (int Person, string Satisfaction, string Comment)[] { (0, "5", "Très utile, merci."), (1, "4", ""), (6, "2", "Trop court."), (2, "1", "") };
        foreach (var (person, satisfaction, comment) in answers)
        {
            var (e, token) = LinkOf(received.Single(m => m.To == present[person].Email).Message);
            Assert.Equal(subject, e);
            var opened = await fixture.SendAsync(HttpMethod.Get, $"/api/evaluation/{e}", token).OkJsonAsync();
            Assert.False(opened.GetProperty("invitation").GetProperty("answered").GetBoolean());
            var answered = await fixture.SendAsync(HttpMethod.Put, $"/api/evaluation/{e}", token, new
            {
                answers = new Dictionary<string, string> { ["satisfaction"] = satisfaction, ["recommend"] = "yes", ["intention"] = "1", ["comments"] = comment },
            }).OkJsonAsync();
            Assert.False(answered.GetProperty("changed").GetBoolean());
        }
        var (changedSubject, changedToken) = LinkOf(received.Single(m => m.To == present[2].Email).Message);
        var reopened = await fixture.SendAsync(HttpMethod.Get, $"/api/evaluation/{changedSubject}", changedToken).OkJsonAsync();
        Assert.Equal("1", reopened.GetProperty("answers").GetProperty("satisfaction").GetString()); // their own answer, to change it
        var change = await fixture.SendAsync(HttpMethod.Put, $"/api/evaluation/{changedSubject}", changedToken, new
        {
            answers = new Dictionary<string, string> { ["satisfaction"] = "3", ["recommend"] = "no", ["intention"] = "2" },
        }).OkJsonAsync();
        Assert.True(change.GetProperty("changed").GetBoolean());
        // Bad input: the usual bilingual problem, naming the question.
        var bad = await fixture.SendAsync(HttpMethod.Put, $"/api/evaluation/{changedSubject}", changedToken, new { answers = new Dictionary<string, string> { ["satisfaction"] = "9" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("answers.satisfaction", out _));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("messages").GetProperty("en").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.SendAsync(HttpMethod.Get, $"/api/evaluation/{subject}", "not-the-token")).StatusCode);

        // Assert 2: the results are the test's own answers (person 2's changed one), the texts without names.
        var results = (await fixture.Organiser.GetAsync($"/api/evaluations/{subject}").OkJsonAsync()).GetProperty("results");
        Assert.Equal(10, results.GetProperty("invited").GetInt32());
        Assert.Equal(4, results.GetProperty("answered").GetInt32());
        Assert.Equal(40.0, results.GetProperty("responseRate").GetDouble());
        var byId = results.GetProperty("questions").EnumerateArray().ToDictionary(q => q.GetProperty("id").GetString()!);
        Assert.Equal(3.5, byId["satisfaction"].GetProperty("mean").GetDouble()); // 5, 4, 2, 3
        Assert.Equal([0, 1, 1, 1, 1], byId["satisfaction"].GetProperty("distribution").EnumerateArray().Select(d => d.GetProperty("count").GetInt32()));
        Assert.Equal([3, 1], byId["recommend"].GetProperty("distribution").EnumerateArray().Select(d => d.GetProperty("count").GetInt32()));
        Assert.Equal(new[] { "Trop court.", "Très utile, merci." }.Order(StringComparer.Ordinal), byId["comments"].GetProperty("texts").EnumerateArray().Select(t => t.GetString()!).Order(StringComparer.Ordinal));
        var respondents = (await fixture.Organiser.GetAsync($"/api/evaluations/{subject}").OkJsonAsync()).GetProperty("evaluation").GetProperty("respondents");
        Assert.Equal(new[] { 0, 1, 2, 6 }.Select(i => present[i].Email).Order(),
            respondents.EnumerateArray().Where(r => r.GetProperty("answered").GetBoolean()).Select(r => r.GetProperty("email").GetString()).Order());

        var csv = await fixture.Organiser.GetStringAsync($"/api/evaluations/{subject}/results.csv");
        Assert.Equal(5, csv.Trim().Split('\n').Length); // the header and four answers
        Assert.DoesNotContain("Élise", csv);

        // The answers' stored state holds no person: no name, email, registration code or token hash.
        var stored = string.Join("\n", fixture.StoredStates("evaluation-results"));
        Assert.Contains("Trop court.", stored);
        foreach (var p in present)
        {
            Assert.DoesNotContain(p.Email, stored);
            Assert.DoesNotContain(p.Name, stored);
            Assert.DoesNotContain(p.Code, stored);
            Assert.DoesNotContain(Collaboration.Web.Accounts.SecretTokens.Hash(p.Token), stored);
        }
        foreach (var i in new[] { 0, 1, 2, 6 })
            Assert.DoesNotContain(Collaboration.Web.Accounts.SecretTokens.Hash(LinkOf(received.Single(m => m.To == present[i].Email).Message).Token), stored);

        // The activity report: satisfaction and response rate, in all and per MRC. Joliette's 3 answers (5, 4, 3) and
        // Matawinie's 1 (2) are each fewer than the minimum group (5 by default): neither MRC shows a mean, nor do the
        // "other MRCs" they are merged into (4 answers); the total does.
        var report = await fixture.Organiser.GetAsync("/api/reports/activity").OkJsonAsync();
        Assert.Equal(5, report.GetProperty("minimumGroupSize").GetInt32());
        var figures = report.GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!);
        var mean = figures["evaluation-satisfaction"];
        Assert.Equal((3.5, 4), (mean.GetProperty("total").GetProperty("value").GetDouble(), mean.GetProperty("total").GetProperty("count").GetInt32()));
        foreach (var mrc in new[] { "joliette", "matawinie" })
        {
            var cell = mean.GetProperty("byMrc").GetProperty(mrc);
            Assert.True(cell.GetProperty("withheld").GetBoolean(), mrc);
            Assert.Equal((0.0, 0, ""), (cell.GetProperty("value").GetDouble(), cell.GetProperty("count").GetInt32(), cell.GetProperty("listUrl").GetString()));
        }
        Assert.True(mean.GetProperty("others").GetProperty("withheld").GetBoolean());
        Assert.False(mean.GetProperty("byMrc").GetProperty("montcalm").GetProperty("withheld").GetBoolean()); // no answer: nothing to hide
        // Their lists say no MRC either: Joliette's is empty, every answer is under "other MRCs".
        var satisfactionList = $"/api/reports/activity/list?figure=evaluation-satisfaction&from={report.GetProperty("from").GetString()}&to={report.GetProperty("to").GetString()}";
        Assert.Equal(0, (await fixture.Organiser.GetAsync(satisfactionList + "&mrc=joliette").OkJsonAsync()).GetArrayLength());
        Assert.Equal(["autres-mrc"], (await fixture.Organiser.GetAsync(satisfactionList).OkJsonAsync()).EnumerateArray().Select(r => r.GetProperty("mrc").GetString()).Distinct());
        // The page says so, in words, where the means would be; the CSV leaves those cells empty.
        var page = await fixture.Organiser.GetStringAsync("/rapport");
        Assert.Contains("moins de 5", page);
        Assert.Contains("data-testid=\"report-small-groups\"", page);
        Assert.DoesNotContain("data-testid=\"report-others\"", page);
        var csvLine = (await fixture.Organiser.GetStringAsync("/api/reports/activity.csv")).Split('\n').Single(l => l.StartsWith("evaluation-satisfaction,", StringComparison.Ordinal));
        Assert.EndsWith(",3.5,,,,,,,,,", csvLine.TrimEnd('\r')); // the total, then eight MRC columns (six withheld or none) and "other MRCs", all empty
        var rate = figures["evaluation-response-rate"];
        Assert.Equal(50.0, rate.GetProperty("byMrc").GetProperty("joliette").GetProperty("value").GetDouble()); // 3 of 6
        Assert.Equal(25.0, rate.GetProperty("byMrc").GetProperty("matawinie").GetProperty("value").GetDouble()); // 1 of 4

        // Act 3: once the reminder delay passed, the clock's next looks send one reminder to those who did not answer, once.
        await Task.Delay(TimeSpan.FromSeconds(4));
        await fixture.Organiser.PostAsync($"/api/evaluations/{subject}/send", null).OkJsonAsync();
        await fixture.Organiser.PostAsync($"/api/evaluations/{subject}/send", null).OkJsonAsync();
        var silent = present.Where((_, i) => i is not (0 or 1 or 2 or 6)).Select(p => p.Email).ToList();
        await fixture.WaitForMailAsync(everyone, "Rappel", 5); // the English one says "Reminder"
        await fixture.WaitForMailAsync(everyone, "Reminder", 6);
        await Poll.UntilAsync(async () => (await fixture.Organiser.GetAsync($"/api/evaluations/{subject}/outbox").OkJsonAsync())
            .EnumerateArray().All(m => m.GetProperty("status").GetString() == "sent"), Timeout, "every reminder sent");
        Assert.Equal(silent.Order(), fixture.MailTo(everyone, "Reminder").Select(m => m.To).Order());
    }

    [Fact]
    public async Task Evaluation_IsRefused_ToStrangers_AndAfterItCloses()
    {
        var session = await fixture.CreateSessionAsync();
        var subject = $"workshop:{session:N}";
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.App.CreateClient().GetAsync($"/api/evaluations/{subject}")).StatusCode);
        var bad = await fixture.Organiser.PutAsJsonAsync($"/api/evaluations/{subject}", new { questions = Array.Empty<object>(), sendAt = DateTimeOffset.UtcNow });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("questions", out _));
        Assert.True(errors.TryGetProperty("closesAt", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Organiser.GetAsync($"/api/evaluations/workshop:{Guid.NewGuid():N}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.SendAsync(HttpMethod.Put, $"/api/evaluation/{subject}", "forged", new { answers = new { } })).StatusCode);
    }

    internal static byte[] Attachment(MimeMessage message, string type, string subtype)
    {
        var part = message.Attachments.OfType<MimePart>().FirstOrDefault(p => p.ContentType.IsMimeType(type, subtype))
            ?? throw new Xunit.Sdk.XunitException($"no {type}/{subtype} attachment");
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return stream.ToArray();
    }

    /// <summary>The personal link of an evaluation email: its subject (query) and token (fragment).</summary>
    internal static (string Subject, string Token) LinkOf(MimeMessage message)
    {
        var link = System.Text.RegularExpressions.Regex.Matches(message.TextBody ?? "", @"https?://[^\s<>""]+")
            .Select(m => new Uri(m.Value)).First(u => u.AbsolutePath == "/evaluation");
        var subject = System.Web.HttpUtility.ParseQueryString(link.Query)["e"]!;
        return (subject, Uri.UnescapeDataString(link.Fragment.TrimStart('#').Split('=', 2)[1]));
    }
}

/// <summary>Checks a PDF with tools the product did not write: qpdf (structure) and pdftotext (poppler-utils: the text it holds).</summary>
internal static class PdfChecks
{
    public static async Task AssertValidAsync(byte[] pdf)
    {
        var (code, output) = await RunAsync("qpdf", "--check", pdf);
        Assert.True(code == 0, $"qpdf --check: {output}");
        Assert.Contains("No syntax or stream encoding errors found", output);
    }

    public static async Task<string> TextAsync(byte[] pdf)
    {
        var (code, output) = await RunAsync("pdftotext", "-enc UTF-8", pdf, "-");
        Assert.True(code == 0, $"pdftotext: {output}");
        return output;
    }

    private static async Task<(int Code, string Output)> RunAsync(string tool, string options, byte[] pdf, string? after = null)
    {
        var file = Path.Combine(Path.GetTempPath(), $"attestation-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo(tool, $"{options} {file} {after}".Trim())
            {
                RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = System.Text.Encoding.UTF8,
            })!;
            var output = await process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
            var error = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            return (process.ExitCode, output + error);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
