using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static Collaboration.Web.Tests.Colloque.ColloqueKit;

namespace Collaboration.Web.Tests.Colloque;

public sealed class ColloqueApiTests : IAsyncLifetime
{
    private readonly ConcertationFactory _app = new();
    private HttpClient _organiser = null!;

    public async Task InitializeAsync() => _organiser = await _app.CreateOrganiserClientAsync().WaitAsync(Within);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ColloqueEndpoints_RefuseAnonymousCallers()
    {
        var colloque = await CreateColloqueAsync(_organiser);
        var anonymous = _app.CreateClient();
        anonymous.DefaultRequestHeaders.Add("X-CSRF", "1");

        var responses = new[]
        {
            await anonymous.PostAsJsonAsync("/api/colloques", new { title = "X", date = "2026-11-26" }),
            await anonymous.PostAsJsonAsync($"/api/colloques/{colloque}/checkins", new { code = "ABCDEFGH", nonce = "n" }),
            await anonymous.GetAsync($"/api/colloques/{colloque}/search?q=a"),
            await anonymous.GetAsync($"/api/colloques/{colloque}/stats"),
            await anonymous.GetAsync($"/api/colloques/{colloque}/attendees"),
            await anonymous.GetAsync($"/api/colloques/{colloque}/attendance.csv"),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
    }

    [Fact]
    public async Task DeskOfColloqueA_IsRefused_OnColloqueB_AndOnOrganiserEndpoints()
    {
        var a = await CreateColloqueAsync(_organiser, "A");
        var b = await CreateColloqueAsync(_organiser, "B");
        var codeB = await RegisterAsync(_organiser, b, "Hélène Gagnon");
        var deskA = await PairedDeskAsync(_app, _organiser, a, "Accueil A");

        var checkIn = await deskA.PostAsJsonAsync($"/api/colloques/{b}/checkins", new { code = codeB, nonce = "n1" });
        var search = await deskA.GetAsync($"/api/colloques/{b}/search?q=helene");
        var stats = await deskA.GetAsync($"/api/colloques/{b}/stats");
        var import = await deskA.PostAsync($"/api/colloques/{a}/registrations/import", new StringContent("Nom\nX"));
        var createDesk = await deskA.PostAsJsonAsync($"/api/colloques/{a}/desks", new { name = "Pirate" });
        var ownStats = await deskA.GetAsync($"/api/colloques/{a}/stats");

        Assert.Equal(HttpStatusCode.Forbidden, checkIn.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, search.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, stats.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, import.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, createDesk.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownStats.StatusCode);
        var badge = await (await _organiser.GetAsync($"/api/colloques/{b}/registrations/{codeB}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, badge.GetProperty("registration").GetProperty("checkIn").ValueKind);
    }

    [Fact]
    public async Task PairingCode_WorksOnce()
    {
        var colloque = await CreateColloqueAsync(_organiser);
        var (_, code) = await CreateDeskAsync(_organiser, colloque, "Accueil 1");
        var first = _app.CreateClient();
        var second = _app.CreateClient();
        first.DefaultRequestHeaders.Add("X-CSRF", "1");
        second.DefaultRequestHeaders.Add("X-CSRF", "1");

        var paired = await first.PostAsJsonAsync("/api/desks/pair", new { pairingCode = code.ToLowerInvariant().Replace("-", " ") });
        var reused = await second.PostAsJsonAsync("/api/desks/pair", new { pairingCode = code });

        Assert.Equal(HttpStatusCode.OK, paired.StatusCode);
        Assert.Equal(colloque, (await paired.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("colloqueId").GetGuid());
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync($"/api/colloques/{colloque}/stats")).StatusCode);
    }

    [Fact]
    public async Task SameNonceTwice_GivesTheSameAnswer_AndOneCheckIn()
    {
        var colloque = await CreateColloqueAsync(_organiser);
        var code = await RegisterAsync(_organiser, colloque, "Marc Tremblay", "MRC");
        var desk1 = await PairedDeskAsync(_app, _organiser, colloque, "Accueil 1");
        var desk2 = await PairedDeskAsync(_app, _organiser, colloque, "Accueil 2");

        var first = await ScanAsync(desk1, colloque, code, "nonce-1");
        var again = await ScanAsync(desk1, colloque, code, "nonce-1");
        var elsewhere = await ScanAsync(desk2, colloque, code, "nonce-2");
        var unknown = await ScanAsync(desk2, colloque, "ZZZZZZZZZZ");

        Assert.Equal("checkedIn", first.GetProperty("result").GetString());
        Assert.Equal(first.ToString(), again.ToString());
        Assert.Equal("alreadyCheckedIn", elsewhere.GetProperty("result").GetString());
        Assert.Equal(first.GetProperty("deskId").GetString(), elsewhere.GetProperty("deskId").GetString());
        Assert.Equal("Accueil 1", elsewhere.GetProperty("deskName").GetString());
        Assert.Equal(first.GetProperty("checkedInAt").GetDateTimeOffset(), elsewhere.GetProperty("checkedInAt").GetDateTimeOffset());
        Assert.Equal("unknown", unknown.GetProperty("result").GetString());
        await MirroredAsync(_app);
        var stats = await _organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/stats");
        Assert.Equal(1, stats.GetProperty("arrived").GetInt32());
        Assert.Equal(1, stats.GetProperty("byCategory").GetProperty("mrc").GetInt32());
    }

    [Fact]
    public async Task CancelledRegistration_IsRefusedAtTheDesk_AndUnknownCodesToo()
    {
        var colloque = await CreateColloqueAsync(_organiser);
        var code = await RegisterAsync(_organiser, colloque, "Olivier Morin");
        var desk = await PairedDeskAsync(_app, _organiser, colloque, "Accueil 1");

        var cancel = await _organiser.PostAsJsonAsync($"/api/colloques/{colloque}/registrations/{code}/cancel", new { cancelled = true });
        var scan = await ScanAsync(desk, colloque, code);

        Assert.Equal(HttpStatusCode.NoContent, cancel.StatusCode);
        Assert.Equal("cancelled", scan.GetProperty("result").GetString());
        var listed = (await desk.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/attendees")).GetProperty("attendees");
        Assert.True(Assert.Single(listed.EnumerateArray()).GetProperty("cancelled").GetBoolean());
    }

    [Fact]
    public async Task Undo_ByAnotherDesk_IsRefused_ByTheSameDesk_IsDone()
    {
        var colloque = await CreateColloqueAsync(_organiser);
        var code = await RegisterAsync(_organiser, colloque, "Amina Diallo");
        var desk1 = await PairedDeskAsync(_app, _organiser, colloque, "Accueil 1");
        var desk2 = await PairedDeskAsync(_app, _organiser, colloque, "Accueil 2");
        await ScanAsync(desk1, colloque, code);
        await MirroredAsync(_app);

        var byOther = await desk2.DeleteAsync($"/api/colloques/{colloque}/checkins/{code}");
        var bySame = await desk1.DeleteAsync($"/api/colloques/{colloque}/checkins/{code}");

        Assert.Equal(HttpStatusCode.Forbidden, byOther.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bySame.StatusCode);
        var stats = await _organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/stats");
        Assert.Equal(0, stats.GetProperty("arrived").GetInt32());
        Assert.Equal("checkedIn", (await ScanAsync(desk2, colloque, code)).GetProperty("result").GetString());
    }

    [Fact]
    public async Task Import_ReportsBadLinesWithLineNumbers_AppliesGoodOnes_AndReImportUpdatesByEmail()
    {
        var colloque = await CreateColloqueAsync(_organiser);
        // As a French-Canadian spreadsheet saves it: Windows-1252, semicolons.
        var csv = "Prénom;Nom;Organisation;Catégorie;Courriel\r\n" +
                  "Hélène;Gagnon;CISSS;Institution;helene@exemple.qc.ca\r\n" +
                  ";;Sans nom;Employeur;x@exemple.qc.ca\r\n" +
                  "Marc;TREMBLAY-Côté;Ville;élu·e;marc@exemple.qc.ca\r\n" +
                  "Luc;Roy;Cégep;Astronaute;luc@exemple.qc.ca\r\n" +
                  "Paul;Roy;MRC de la Mitis;MRC;pas-un-courriel\r\n";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1252).GetBytes(csv.Replace("·", "-"));

        var preview = await (await _organiser.PostAsync($"/api/colloques/{colloque}/registrations/import", new ByteArrayContent(bytes)))
            .Content.ReadFromJsonAsync<JsonElement>();
        var afterPreview = await _organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/attendees");
        var applied = await (await _organiser.PostAsync($"/api/colloques/{colloque}/registrations/import?mode=apply&from=0&count=500", new ByteArrayContent(bytes)))
            .Content.ReadFromJsonAsync<JsonElement>();
        var update = Encoding.UTF8.GetBytes("Name,Organization,Category,Email\nHélène Gagnon-Roy,CISSS du BSL,institution,HELENE@exemple.qc.ca\n");
        var reapplied = await (await _organiser.PostAsync($"/api/colloques/{colloque}/registrations/import?mode=apply", new ByteArrayContent(update)))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("windows-1252", preview.GetProperty("encoding").GetString());
        Assert.Equal(5, preview.GetProperty("total").GetInt32());
        Assert.Equal(2, preview.GetProperty("valid").GetInt32());
        Assert.Equal([3, 5, 6], preview.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()));
        Assert.Empty(afterPreview.GetProperty("attendees").EnumerateArray());
        Assert.Equal((2, 0), (applied.GetProperty("created").GetInt32(), applied.GetProperty("updated").GetInt32()));
        Assert.Equal(3, applied.GetProperty("errors").GetArrayLength());
        Assert.Equal((0, 1), (reapplied.GetProperty("created").GetInt32(), reapplied.GetProperty("updated").GetInt32()));
        var attendees = (await _organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/attendees")).GetProperty("attendees").EnumerateArray().ToList();
        Assert.Equal(["Hélène Gagnon-Roy", "Marc TREMBLAY-Côté"], attendees.Select(a => a.GetProperty("name").GetString()));
        Assert.Equal("electedOfficial", attendees[1].GetProperty("category").GetString());
    }

    [Fact]
    public async Task Search_IgnoresAccentsAndCase()
    {
        var colloque = await CreateColloqueAsync(_organiser);
        await RegisterAsync(_organiser, colloque, "Hélène Gagnon");
        await RegisterAsync(_organiser, colloque, "Marc TREMBLAY-Côté");
        await RegisterAsync(_organiser, colloque, "Paul Roy");

        var helene = await _organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/search?q=helene");
        var tremblay = await _organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/search?q=tremblay");

        Assert.Equal("Hélène Gagnon", Assert.Single(helene.EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal("Marc TREMBLAY-Côté", Assert.Single(tremblay.EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task WalkIn_IsRegisteredAndCheckedIn_InOneStep_AndARetryDoesNotDuplicate()
    {
        var colloque = await CreateColloqueAsync(_organiser);
        var desk = await PairedDeskAsync(_app, _organiser, colloque, "Accueil 1");
        var walkIn = new { name = "Fatou Nguyen", organisation = "Centre des femmes", category = "organisme communautaire", nonce = "w1", @operator = "Julie" };

        var first = await (await desk.PostAsJsonAsync($"/api/colloques/{colloque}/walkins", walkIn)).Content.ReadFromJsonAsync<JsonElement>();
        var retry = await (await desk.PostAsJsonAsync($"/api/colloques/{colloque}/walkins", walkIn)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("checkedIn", first.GetProperty("result").GetString());
        Assert.Equal("Julie", first.GetProperty("operator").GetString());
        Assert.Equal(first.ToString(), retry.ToString());
        await MirroredAsync(_app);
        var stats = await _organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/stats");
        Assert.Equal((1, 1), (stats.GetProperty("registered").GetInt32(), stats.GetProperty("arrived").GetInt32()));
    }

    [Fact]
    public async Task Erase_RemovesPersonalFields_KeepsCounts_AndExportShowsWhatIsKept()
    {
        var colloque = await CreateColloqueAsync(_organiser);
        var code = await RegisterAsync(_organiser, colloque, "Sophie Lavoie", "institution", "sophie@exemple.qc.ca");
        var desk = await PairedDeskAsync(_app, _organiser, colloque, "Accueil 1");
        await ScanAsync(desk, colloque, code);
        await MirroredAsync(_app);
        var before = await _organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/registrations/{code}");

        var erase = await _organiser.DeleteAsync($"/api/colloques/{colloque}/registrations/{code}");

        Assert.Equal("sophie@exemple.qc.ca", before.GetProperty("registration").GetProperty("email").GetString());
        Assert.Equal(HttpStatusCode.NoContent, erase.StatusCode);
        var after = (await _organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/registrations/{code}")).GetProperty("registration");
        Assert.Equal(("", "", ""), (after.GetProperty("name").GetString(), after.GetProperty("organisation").GetString(), after.GetProperty("email").GetString()));
        var stats = await _organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/stats");
        Assert.Equal(1, stats.GetProperty("byCategory").GetProperty("institution").GetInt32());
        Assert.Equal("", Assert.Single(stats.GetProperty("recent").EnumerateArray()).GetProperty("name").GetString());
        Assert.Empty((await _organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/search?q=sophie")).EnumerateArray());
        var csv = await _organiser.GetStringAsync($"/api/colloques/{colloque}/attendance.csv");
        Assert.DoesNotContain("Sophie", csv);
        Assert.Contains(code, csv);
    }

    [Fact]
    public async Task BadInput_IsRefused_AndStoresNothing()
    {
        var colloque = await CreateColloqueAsync(_organiser);

        var noTitle = await _organiser.PostAsJsonAsync("/api/colloques", new { title = "", date = "26/11/2026" });
        var noName = await _organiser.PostAsJsonAsync($"/api/colloques/{colloque}/registrations", new { name = " ", category = "x" });
        var noNonce = await _organiser.PostAsJsonAsync($"/api/colloques/{colloque}/checkins", new { code = "ABCDEFGH" });

        Assert.Equal(HttpStatusCode.BadRequest, noTitle.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noNonce.StatusCode);
        var problem = await noName.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("category", out _));
        Assert.Empty((await _organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/attendees")).GetProperty("attendees").EnumerateArray());
        Assert.Single((await _organiser.GetFromJsonAsync<JsonElement>("/api/colloques")).EnumerateArray());
    }
}
