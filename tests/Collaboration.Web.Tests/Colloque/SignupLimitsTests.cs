using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Collaboration.Web.Tests.Colloque.ColloqueKit;
using static Collaboration.Web.Tests.Colloque.SignupKit;

namespace Collaboration.Web.Tests.Colloque;

/// <summary>
/// What bounds a colloque's public form: its waiting list's cap (the places by default, or the organiser's figure) and its
/// ceiling of sign-ups per minute (here 6), each refused in both languages with nothing kept.
/// </summary>
public sealed class SignupLimitsTests : IAsyncLifetime
{
    private readonly ConcertationFactory _app = new(settings: ("Colloque:Signups:PublicPerMinute", "6"));
    private HttpClient _organiser = null!;

    public async Task InitializeAsync() => _organiser = await _app.CreateOrganiserClientAsync().WaitAsync(Within);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheWaitingList_StopsAtThePlaces_ThenAtTheOrganisersFigure_WithABilingualRefusal()
    {
        // Arrange: two places, so two may wait; a second colloque whose organiser allows one.
        var colloque = await CreateColloqueAsync(_organiser);
        await OpenRegistrationAsync(_organiser, colloque, 2);
        var small = await CreateColloqueAsync(_organiser);
        var settings = await _organiser.PutAsJsonAsync($"/api/colloques/{small}/registration-settings", new
        {
            opensAt = DateTimeOffset.UtcNow.AddHours(-1), closesAt = DateTimeOffset.UtcNow.AddDays(7), totalCapacity = 1,
            categoryCapacity = new { }, venueAddress = "Joliette", waitlistCapacity = 1,
        }).WaitAsync(Within);
        var anonymous = _app.CreateClient();

        // Act
        for (var i = 0; i < 4; i++) await SignedUpAsync(anonymous, colloque, Signup($"Personne {i}", $"p{i}@exemple.qc.ca"));
        var (status, refusal) = await SignUpAsync(anonymous, colloque, Signup("Personne 5", "p5@exemple.qc.ca"));
        for (var i = 0; i < 2; i++) await SignedUpAsync(anonymous, small, Signup($"Autre {i}", $"a{i}@exemple.qc.ca"));
        var (smallStatus, _) = await SignUpAsync(anonymous, small, Signup("Autre 2", "a2@exemple.qc.ca"));
        var view = await anonymous.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/public").WaitAsync(Within);
        var smallView = await _organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{small}/public").WaitAsync(Within);

        // Assert: a 409 saying what to do, in both languages; the refused person is not counted anywhere.
        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("waitlist-full", refusal.GetProperty("code").GetString());
        Assert.Contains("liste d'attente", refusal.GetProperty("messages").GetProperty("fr").GetString());
        Assert.Contains("waiting list", refusal.GetProperty("messages").GetProperty("en").GetString());
        Assert.Equal((2, 2), (view.GetProperty("places").GetProperty("confirmed").GetInt32(), view.GetProperty("places").GetProperty("waitlisted").GetInt32()));
        Assert.Equal(2, view.GetProperty("registration").GetProperty("waitlistCap").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, smallStatus);
        Assert.Equal(1, smallView.GetProperty("registration").GetProperty("waitlistCapacity").GetInt32());
    }

    [Fact]
    public async Task AColloqueTakesNoMoreThanItsCeilingPerMinute_AndAnotherColloqueIsNotHeldBack()
    {
        // Arrange: no limit on places; the ceiling is 6 a minute for this colloque, whatever the addresses.
        var colloque = await CreateColloqueAsync(_organiser);
        var other = await CreateColloqueAsync(_organiser);
        await OpenRegistrationAsync(_organiser, colloque, null);
        await OpenRegistrationAsync(_organiser, other, null);
        var anonymous = _app.CreateClient();

        // Act: ten at once on one colloque, one on the other.
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => SignUpAsync(anonymous, colloque, Signup($"Personne {i}", $"c{i}@exemple.qc.ca"))));
        var elsewhere = await SignUpAsync(anonymous, other, Signup("Ailleurs", "ailleurs@exemple.qc.ca"));
        var view = await anonymous.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/public").WaitAsync(Within);

        // Assert: six accepted, four told to try again in a minute (429, both languages); the other colloque is not affected.
        Assert.Equal(6, answers.Count(a => a.Status == HttpStatusCode.Created));
        var busy = answers.Where(a => a.Status != HttpStatusCode.Created).ToList();
        Assert.Equal(4, busy.Count);
        Assert.All(busy, a =>
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, a.Status);
            Assert.Equal("colloque-busy", a.Body.GetProperty("code").GetString());
            Assert.Contains("minute", a.Body.GetProperty("messages").GetProperty("fr").GetString());
            Assert.Contains("minute", a.Body.GetProperty("messages").GetProperty("en").GetString());
        });
        Assert.Equal(HttpStatusCode.Created, elsewhere.Status);
        Assert.Equal(6, view.GetProperty("places").GetProperty("confirmed").GetInt32());
    }
}
