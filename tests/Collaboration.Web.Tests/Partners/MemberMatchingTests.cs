using System.Net.Http.Json;
using System.Text.Json;
using static Collaboration.Web.Tests.Meetings.MeetingsTestKit;
using static Collaboration.Web.Tests.Partners.PartnersTestKit;

namespace Collaboration.Web.Tests.Partners;

public sealed class MemberMatchingTests : IAsyncLifetime
{
    private readonly ConcertationFactory _app = new();
    private HttpClient _organiser = null!;

    public async Task InitializeAsync() => _organiser = await _app.CreateOrganiserClientAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Matching_LinksMembersByTheirTypedOrganisation_OnceOnly_AndReportsTheRest()
    {
        // Arrange: members added with free-text organisations, before the organisations existed.
        var tableId = await CreateTableAsync(_organiser);
        async Task<Guid> Member(string name, string organisation) =>
            (await _organiser.PostAsJsonAsync($"/api/tables/{tableId}/members", new
            {
                name, organisation, sector = "communautaire", email = $"{Guid.NewGuid():N}@exemple.qc.ca", role = "member",
            }).OkJsonAsync()).GetProperty("memberId").GetGuid();
        var exact = await Member("Amina Diallo", "CARREFOUR D'INTÉGRATION de la Matawinie");
        var byAlias = await Member("Marc Pelletier", "CJE Montcalm");
        var unknown = await Member("Paul Ouellet", "Comité citoyen de Rawdon");
        var matawinie = await CreatePartnerIdAsync(_organiser, "Carrefour d'intégration de la Matawinie", "matawinie", "accueil");
        var cje = (await CreatePartnerAsync(_organiser, "Carrefour jeunesse-emploi Montcalm", "montcalm", ["emploi"], aliases: ["CJE Montcalm"]))
            .GetProperty("id").GetGuid();

        // Act
        var preview = await _organiser.PostAsync("/api/partners/member-matching?mode=preview", null).OkJsonAsync();
        var tableAfterPreview = await _organiser.GetAsync($"/api/tables/{tableId}").OkJsonAsync();
        var applied = await _organiser.PostAsync("/api/partners/member-matching?mode=apply", null).OkJsonAsync();
        var again = await _organiser.PostAsync("/api/partners/member-matching?mode=apply", null).OkJsonAsync();

        // Assert: the preview wrote nothing, the first run linked two, the second none; the third is reported.
        Assert.Equal(2, preview.GetProperty("linked").GetInt32());
        Assert.All(tableAfterPreview.GetProperty("members").EnumerateArray(), m => Assert.Equal(JsonValueKind.Null, m.GetProperty("organisationId").ValueKind));
        Assert.Equal(2, applied.GetProperty("linked").GetInt32());
        Assert.Equal(0, again.GetProperty("linked").GetInt32());
        Assert.Equal(2, again.GetProperty("alreadyLinked").GetInt32());
        var members = (await _organiser.GetAsync($"/api/tables/{tableId}").OkJsonAsync()).GetProperty("members").EnumerateArray()
            .ToDictionary(m => m.GetProperty("id").GetGuid(), m => m.GetProperty("organisationId"));
        Assert.Equal(matawinie, members[exact].GetGuid());
        Assert.Equal(cje, members[byAlias].GetGuid());
        Assert.Equal(JsonValueKind.Null, members[unknown].ValueKind);
        var unmatched = Assert.Single(again.GetProperty("unmatched").EnumerateArray());
        Assert.Equal(unknown, unmatched.GetProperty("memberId").GetGuid());
        Assert.Equal("Comité citoyen de Rawdon", unmatched.GetProperty("typedOrganisation").GetString());
    }
}
