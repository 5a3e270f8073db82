using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using static Collaboration.Web.Tests.Meetings.MeetingsTestKit;

namespace Collaboration.Web.Tests.Evaluations;

/// <summary>Attestations of participation: only for the present, only to their owner, checked by qpdf and pdftotext, revoked by erasure.</summary>
public sealed partial class AttestationTests(EvaluationsAppFixture fixture) : IClassFixture<EvaluationsAppFixture>
{
    [Fact]
    public async Task Attestation_IsThePresentEmployers_Valid_ThenInvalidAfterErasure()
    {
        // Arrange: Hélène came, Benoît did not.
        var session = await fixture.CreateSessionAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var helene = await fixture.RegisterAsync(session, $"helene-{tag}@exemple.ca", "Hélène Lévesque-Ouellette", "Érablière du Nord");
        var benoit = await fixture.RegisterAsync(session, $"benoit-{tag}@exemple.ca", "Benoît Gélinas", "Garage Saint-Côme");
        await fixture.MarkAsync(session, helene.Code, attended: true);
        await fixture.MarkAsync(session, benoit.Code, attended: false);

        // Act: each asks from their manage link.
        var own = await fixture.SendAsync(HttpMethod.Get, $"/api/registrations/{helene.Id}/attestation.pdf", helene.Token);
        var absent = await fixture.SendAsync(HttpMethod.Get, $"/api/registrations/{benoit.Id}/attestation.pdf", benoit.Token);
        var someoneElses = await fixture.SendAsync(HttpMethod.Get, $"/api/registrations/{helene.Id}/attestation.pdf", benoit.Token);

        // Assert: hers is a valid PDF with her accented name and a code that verifies; none for him, nor his token on hers.
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("application/pdf", own.Content.Headers.ContentType!.MediaType);
        var pdf = await own.Content.ReadAsByteArrayAsync();
        await PdfChecks.AssertValidAsync(pdf);
        var text = await PdfChecks.TextAsync(pdf);
        Assert.Contains("Hélène Lévesque-Ouellette", text);
        Assert.Contains("Érablière du Nord", text);
        Assert.Contains("3 heures", text);
        var code = CodePattern().Match(text).Value;
        Assert.NotEmpty(code);
        Assert.Equal(HttpStatusCode.NotFound, absent.StatusCode);
        Assert.Equal("no-attestation", (await absent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, someoneElses.StatusCode);
        Assert.True(await ValidAsync(code));
        Assert.False(await ValidAsync("ATT-AAAA-BBBB-CCCC"));

        // The organiser's list and ZIP hold her alone, with the same code.
        var subject = $"workshop:{session:N}";
        var list = await fixture.Organiser.GetAsync($"/api/attestations/{subject}").OkJsonAsync();
        Assert.Equal(code, list.EnumerateArray().Single().GetProperty("code").GetString());
        var zip = new ZipArchive(new MemoryStream(await fixture.Organiser.GetByteArrayAsync($"/api/attestations/{subject}/all.zip")));
        Assert.Single(zip.Entries);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.App.CreateClient().GetAsync($"/api/attestations/{subject}/all.zip")).StatusCode);

        // Act 2: she is erased on request. Assert: her attestation no longer verifies, and the erasure is logged without her name.
        (await fixture.Organiser.PostAsJsonAsync("/api/retention/erasures", new { subject, reference = helene.Code })).EnsureSuccessStatusCode();
        Assert.False(await ValidAsync(code));
        var retention = await fixture.Organiser.GetAsync("/api/retention").OkJsonAsync();
        var line = retention.GetProperty("log").EnumerateArray().First(l => l.GetProperty("subject").GetString() == subject);
        Assert.Equal("personErasure", line.GetProperty("kind").GetString());
        Assert.Equal(1, line.GetProperty("records").GetInt32());
        Assert.DoesNotContain("Hélène", retention.GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.SendAsync(HttpMethod.Get, $"/api/registrations/{helene.Id}/attestation.pdf", helene.Token)).StatusCode);
    }

    [Fact]
    public async Task ColloqueAttestation_IsTheCheckedInAttendees_AndTheErasureGoesThroughTheRetentionLog()
    {
        // Arrange: two attendees; Thérèse is checked in, Yves is not.
        var colloque = (await fixture.Organiser.PostAsJsonAsync("/api/colloques", new { title = "Colloque régional en immigration", date = "2026-11-26", venue = "Joliette" })
            .OkJsonAsync()).GetProperty("id").GetGuid();
        async Task<string> RegisterAsync(string name) => (await fixture.Organiser.PostAsJsonAsync($"/api/colloques/{colloque}/registrations",
            new { name, organisation = "Carrefour jeunesse-emploi", category = "communityOrganisation", mrc = "joliette" }).OkJsonAsync()).GetProperty("code").GetString()!;
        var therese = await RegisterAsync("Thérèse Brûlé");
        var yves = await RegisterAsync("Yves Éthier");
        (await fixture.Organiser.PostAsJsonAsync($"/api/colloques/{colloque}/checkins", new { code = therese, nonce = "n1" })).EnsureSuccessStatusCode();
        var subject = $"colloque:{colloque:N}";

        // Act + Assert: hers is a valid PDF naming her; none for him.
        var pdf = await fixture.Organiser.GetByteArrayAsync($"/api/attestations/{subject}/{therese}.pdf");
        await PdfChecks.AssertValidAsync(pdf);
        Assert.Contains("Thérèse Brûlé", await PdfChecks.TextAsync(pdf));
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Organiser.GetAsync($"/api/attestations/{subject}/{yves}.pdf")).StatusCode);
        var code = CodePattern().Match(await PdfChecks.TextAsync(pdf)).Value;
        Assert.True(await ValidAsync(code));

        // The organiser's erasure (the colloque's own endpoint) goes through the retention grain: logged, and the code stops verifying.
        Assert.Equal(HttpStatusCode.NoContent, (await fixture.Organiser.DeleteAsync($"/api/colloques/{colloque}/registrations/{therese}")).StatusCode);
        Assert.False(await ValidAsync(code));
        var log = (await fixture.Organiser.GetAsync("/api/retention").OkJsonAsync()).GetProperty("log").EnumerateArray()
            .Single(l => l.GetProperty("subject").GetString() == subject);
        Assert.Equal("personErasure", log.GetProperty("kind").GetString());
        Assert.Equal("request", log.GetProperty("trigger").GetString());
        var export = await fixture.Organiser.GetAsync($"/api/colloques/{colloque}/registrations/{therese}").OkJsonAsync();
        Assert.Equal("", export.GetProperty("registration").GetProperty("name").GetString());
    }

    private async Task<bool> ValidAsync(string code) =>
        (await fixture.App.CreateClient().GetAsync($"/api/attestations/verify/{code}").OkJsonAsync()).GetProperty("valid").GetBoolean();

    [GeneratedRegex(@"ATT-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}")]
    private static partial Regex CodePattern();
}
