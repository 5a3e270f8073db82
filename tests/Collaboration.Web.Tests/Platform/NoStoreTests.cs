using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Web.Tests.Colloque;
using Collaboration.Web.Tests.Workshops;

namespace Collaboration.Web.Tests.Platform;

/// <summary>Responses that carry personal data are never stored by a browser or a proxy.</summary>
public sealed class NoStoreTests(WorkshopsAppFixture fixture) : IClassFixture<WorkshopsAppFixture>
{
    private static readonly TimeSpan Timeout = WorkshopsAppFixture.Timeout;

    [Fact]
    public async Task PersonalData_IsSentWithNoStore()
    {
        var session = await fixture.CreateSessionAsync(capacity: 5);
        var created = await fixture.RegisterAsync(session, WorkshopsAppFixture.Registration("Ferme Gagnon", "gagnon@ferme.ca"));
        var colloque = await ColloqueKit.CreateColloqueAsync(fixture.Organiser);
        var code = await ColloqueKit.RegisterAsync(fixture.Organiser, colloque, "Léa Gagnon");
        var anonymous = fixture.Anonymous();
        anonymous.DefaultRequestHeaders.Add("X-Manage-Token", created.GetProperty("manageToken").GetString());

        var responses = new[]
        {
            await anonymous.GetAsync($"/api/registrations/{created.GetProperty("id").GetString()}"),
            await fixture.Organiser.GetAsync($"/api/workshops/{session}/registrants"),
            await fixture.Organiser.GetAsync($"/api/workshops/{session}/registrations.csv"),
            await fixture.Organiser.GetAsync($"/api/colloques/{colloque}/attendees"),
            await fixture.Organiser.GetAsync($"/api/colloques/{colloque}/attendance.csv"),
            await fixture.Organiser.GetAsync($"/api/colloques/{colloque}/registrations/{code}/badge"),
            await fixture.Organiser.GetAsync($"/api/colloques/{colloque}/registrations/{code}"),
        };

        Assert.All(responses, r =>
        {
            Assert.True(r.IsSuccessStatusCode, $"{r.RequestMessage!.RequestUri}: {(int)r.StatusCode}");
            Assert.True(r.Headers.CacheControl?.NoStore, $"{r.RequestMessage!.RequestUri} has no Cache-Control: no-store");
        });
    }
}
