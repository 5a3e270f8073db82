using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static Collaboration.Web.Tests.Colloque.ColloqueKit;

namespace Collaboration.Web.Tests.Colloque;

/// <summary>The attendee import: encodings, broken lines, and an apply that never silently stops short.</summary>
public sealed class AttendeeImportTests : IAsyncLifetime
{
    private const string Header = "Prénom;Nom;Organisation;Catégorie;Courriel\r\n";
    private readonly ConcertationFactory _app = new();
    private HttpClient _organiser = null!;

    public async Task InitializeAsync() => _organiser = await _app.CreateOrganiserClientAsync().WaitAsync(Within);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("utf-16", "utf-16")]
    [InlineData("utf-16BE", "utf-16be")]
    [InlineData("utf-8-bom", "utf-8")]
    [InlineData("utf-8", "utf-8")]
    public async Task Import_ReadsUtf16AndUtf8_BeforeWindows1252(string encoding, string detected)
    {
        var colloque = await CreateColloqueAsync(_organiser);
        var text = Header + "Éloïse;Bérubé-Lévesque;Café « Chez Zoé »;Employeur;eloise@exemple.qc.ca\r\n";
        var bytes = encoding switch
        {
            "utf-16" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            "utf-16BE" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            _ => Encoding.UTF8.GetBytes(text),
        };

        var preview = await PreviewAsync(colloque, bytes);

        Assert.Equal(detected, preview.GetProperty("encoding").GetString());
        Assert.Equal(1, preview.GetProperty("valid").GetInt32());
        Assert.Equal("Éloïse Bérubé-Lévesque", preview.GetProperty("sample")[0].GetProperty("name").GetString());
        Assert.Equal("Café « Chez Zoé »", preview.GetProperty("sample")[0].GetProperty("organisation").GetString());
    }

    [Fact]
    public async Task UnclosedQuote_MismatchedDelimiter_AndControlCharacters_AreLineErrors_AndTheOtherLinesStillCount()
    {
        var colloque = await CreateColloqueAsync(_organiser);
        var text = Header +
                   "Ana;Roy;\"Ferme Roy;Employeur;ana@exemple.qc.ca\r\n" +      // line 2: quote left open
                   "Bob;Gagnon;Ville;Institution;bob@exemple.qc.ca\r\n" +         // line 3: fine
                   "Carl,Roy,Cégep,Institution,carl@exemple.qc.ca\r\n" +          // line 4: commas in a semicolon file
                   "Dina;Nul\u0000;MRC;MRC;dina@exemple.qc.ca\r\n" +              // line 5: a NUL
                   "Éric;\"Côté; fils\";Garage;Employeur;eric@exemple.qc.ca\r\n"; // line 6: a quoted delimiter, fine

        var preview = await PreviewAsync(colloque, Encoding.UTF8.GetBytes(text));

        Assert.Equal(5, preview.GetProperty("total").GetInt32());
        Assert.Equal(2, preview.GetProperty("valid").GetInt32());
        Assert.Equal([2, 4, 5], preview.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()));
        Assert.Contains(preview.GetProperty("sample").EnumerateArray(), s => s.GetProperty("name").GetString() == "Éric Côté; fils");
    }

    [Fact]
    public async Task ApplyWithoutARange_AppliesEverythingPreviewed_AndATooLargeSliceIsRefusedClearly()
    {
        var colloque = await CreateColloqueAsync(_organiser);
        var text = new StringBuilder(Header);
        for (var i = 0; i < 2_500; i++) text.Append($"Personne;N{i};Organisme;Autre;p{i}@exemple.qc.ca\r\n");
        var bytes = Encoding.UTF8.GetBytes(text.ToString());

        var tooLarge = await _organiser.PostAsync($"/api/colloques/{colloque}/registrations/import?mode=apply&from=0&count=5000",
            new ByteArrayContent(bytes)).WaitAsync(Within);
        var all = await _organiser.PostAsync($"/api/colloques/{colloque}/registrations/import?mode=apply", new ByteArrayContent(bytes))
            .WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        Assert.True((await tooLarge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("count", out _));
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        var applied = await all.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((2_500, 2_500), (applied.GetProperty("processed").GetInt32(), applied.GetProperty("created").GetInt32()));
    }

    private async Task<JsonElement> PreviewAsync(Guid colloque, byte[] bytes)
    {
        var response = await _organiser.PostAsync($"/api/colloques/{colloque}/registrations/import", new ByteArrayContent(bytes)).WaitAsync(Within);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
