using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Collaboration.Web.Tests.Workshops;

namespace Collaboration.Web.Tests.Platform;

/// <summary>The API-wide input policy: NFC, trim, control characters refused, strict enums.</summary>
public sealed class InputPolicyTests(WorkshopsAppFixture fixture) : IClassFixture<WorkshopsAppFixture>
{
    private static readonly TimeSpan Timeout = WorkshopsAppFixture.Timeout;

    [Theory]
    [InlineData("99")]
    [InlineData("\"99\"")]
    [InlineData("\"-1\"")]
    [InlineData("\"Cancelled, Done\"")]
    [InlineData("\"Nope\"")]
    public async Task WorkshopStatus_IsRefused_WhenUndefinedOrCombined(string status)
    {
        var session = await fixture.CreateSessionAsync(capacity: 5);

        var response = await fixture.Organiser.PatchAsync($"/api/workshops/{session}",
            new StringContent($"{{\"status\":{status}}}", Encoding.UTF8, "application/json")).WaitAsync(Timeout);

        await AssertFieldRefusedAsync(response, "status");
        var after = await fixture.Organiser.GetFromJsonAsync<JsonElement>($"/api/workshops/{session}").WaitAsync(Timeout);
        Assert.Equal("open", after.GetProperty("status").GetString());
    }

    [Fact]
    public async Task WorkshopStatus_IsAccepted_ByName_InAnyCase()
    {
        var session = await fixture.CreateSessionAsync(capacity: 5);

        var response = await fixture.Organiser.PatchAsJsonAsync($"/api/workshops/{session}", new { status = "cancelled" }).WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cancelled", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("organisation", "Ferme\u0000Roy")]
    [InlineData("contactName", "Ana\u0007is")]
    [InlineData("sector", "Agro\u0085alimentaire")]
    [InlineData("contactName", "Line\nBreak")]
    public async Task ControlCharacter_InAnyTextField_Is400_NamingTheField(string field, string value)
    {
        var session = await fixture.CreateSessionAsync(capacity: 5);
        var body = Registration();
        body[field] = value;

        var response = await fixture.Anonymous().PostAsJsonAsync($"/api/workshops/{session}/registrations", body).WaitAsync(Timeout);

        await AssertFieldRefusedAsync(response, field);
        Assert.Equal(0, (await fixture.RegistrantsAsync(session)).GetArrayLength());
    }

    [Fact]
    public async Task MultiLineField_KeepsNewlinesAndTabs_AndTextIsNormalisedAndTrimmed()
    {
        var starts = DateTimeOffset.UtcNow.AddDays(3);
        var decomposed = "Cafe\u0301 d'accueil"; // "é" as e + combining acute

        var response = await fixture.Organiser.PostAsJsonAsync("/api/workshops", new
        {
            titleFr = "  " + decomposed + "  ", titleEn = "Welcome", descriptionFr = "Ligne 1\r\n\tLigne 2", descriptionEn = "x",
            startsAt = starts, endsAt = starts.AddHours(1), place = "Joliette", capacity = 3,
        }).WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Café d'accueil", created.GetProperty("titleFr").GetString());
        Assert.Equal("Ligne 1\n\tLigne 2", created.GetProperty("descriptionFr").GetString());
    }

    [Fact]
    public async Task ControlCharacter_InAQueryValue_Is400_NamingIt()
    {
        var response = await fixture.Anonymous().GetAsync("/api/registrations/x?token=a%00b").WaitAsync(Timeout);

        await AssertFieldRefusedAsync(response, "token");
    }

    [Theory]
    [InlineData("\"\\ufffe\"")]       // a non-character
    [InlineData("\"A\\uffffB\"")]
    [InlineData("\"\\ufdd0\"")]
    [InlineData("\"\\ud83f\\udffe\"")] // U+1FFFE, a non-character outside the BMP
    [InlineData("\"\\ud800\"")]       // a lone surrogate
    [InlineData("\"x\\udc00y\"")]
    public async Task NonCharacterOrLoneSurrogate_InAnAnonymousJsonField_Is400_NamingTheField(string pairingCode)
    {
        var response = await fixture.Anonymous().PostAsync("/api/desks/pair",
            new StringContent($"{{\"pairingCode\":{pairingCode}}}", Encoding.UTF8, "application/json")).WaitAsync(Timeout);

        await AssertFieldRefusedAsync(response, "pairingCode");
    }

    [Theory]
    [InlineData("/api/partners?q=%EF%BF%BE", "q")]
    [InlineData("/repertoire?q=%EF%BF%BE", "q")]
    [InlineData("/api/registrations/x?token=%EF%B7%90", "token")]
    public async Task NonCharacter_InAQueryValue_Is400_NamingIt(string address, string field)
    {
        var response = await fixture.Anonymous().GetAsync(address).WaitAsync(Timeout);

        await AssertFieldRefusedAsync(response, field);
    }

    [Fact]
    public async Task NonCharacter_InAnImportedCsvCell_IsALineError()
    {
        var colloque = await Colloque.ColloqueKit.CreateColloqueAsync(fixture.Organiser);
        var csv = "Nom;Organisation;Catégorie;Courriel\r\nAna\uFFFERoy;Ferme;Employeur;ana@exemple.qc.ca\r\nBob Roy;Ville;Institution;bob@exemple.qc.ca\r\n";

        var response = await fixture.Organiser.PostAsync($"/api/colloques/{colloque}/registrations/import",
            new ByteArrayContent(Encoding.UTF8.GetBytes(csv))).WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, preview.GetProperty("valid").GetInt32());
        Assert.Equal([2], preview.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()));
    }

    private static Dictionary<string, object?> Registration() => new()
    {
        ["organisation"] = "Ferme Roy", ["contactName"] = "Anaïs Roy", ["email"] = $"anais{Guid.NewGuid():N}@ferme.ca",
        ["seats"] = 1, ["sector"] = "Agroalimentaire", ["consent"] = true,
    };

    internal static async Task AssertFieldRefusedAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("validation", problem.GetProperty("code").GetString());
        var error = problem.GetProperty("errors").GetProperty(field);
        Assert.False(string.IsNullOrEmpty(error.GetProperty("fr").GetString()));
        Assert.False(string.IsNullOrEmpty(error.GetProperty("en").GetString()));
    }
}
