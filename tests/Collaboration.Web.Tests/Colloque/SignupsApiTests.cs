using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Collaboration.Web.Tests.Colloque.ColloqueKit;
using static Collaboration.Web.Tests.Colloque.SignupKit;

namespace Collaboration.Web.Tests.Colloque;

/// <summary>Self-registration, the waitlists, the manage link and its token, privacy.</summary>
public sealed class SignupsApiTests(SignupsAppFixture fixture) : IClassFixture<SignupsAppFixture>
{
    private HttpClient Organiser => fixture.Organiser;

    [Fact]
    public async Task Signup_ConfirmsWithinTheQuota_ThenWaitlists_AndACancellationPromotesExactlyTheNextInLine()
    {
        // Arrange: 2 employer places, 10 in all.
        var colloque = await CreateColloqueAsync(Organiser);
        await OpenRegistrationAsync(Organiser, colloque, 10, new { employer = 2 });
        var anonymous = fixture.Anonymous();

        // Act: four employers and one elected official.
        var signups = new List<JsonElement>();
        for (var i = 0; i < 4; i++) signups.Add(await SignedUpAsync(anonymous, colloque, Signup($"Employeur {i}", $"e{i}@exemple.qc.ca")));
        var elected = await SignedUpAsync(anonymous, colloque, Signup("Élue", "elue@exemple.qc.ca", "electedOfficial"));

        // Assert: two confirmed, then positions 1 and 2; the official is not held up by the employers' queue.
        Assert.Equal(["confirmed", "confirmed", "waitlisted", "waitlisted"], signups.Select(s => s.GetProperty("status").GetString()));
        Assert.Equal([1, 2], signups.Skip(2).Select(s => s.GetProperty("position").GetInt32()));
        Assert.Equal("confirmed", elected.GetProperty("status").GetString());
        var places = (await PublicAsync(anonymous, colloque)).GetProperty("places");
        Assert.Equal(0, places.GetProperty("byCategory").GetProperty("employer").GetProperty("left").GetInt32());
        Assert.Equal(2, places.GetProperty("byCategory").GetProperty("employer").GetProperty("waitlisted").GetInt32());

        // Act: the first employer cancels.
        var cancel = await anonymous.SendAsync(Manage(HttpMethod.Delete, Code(signups[0]), Token(signups[0]))).WaitAsync(Within);

        // Assert: exactly the first in line is confirmed; the second moves up to position 1.
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("cancelled", (await cancel.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var third = await ReadAsync(anonymous, signups[2]);
        var fourth = await ReadAsync(anonymous, signups[3]);
        Assert.Equal("confirmed", third.GetProperty("status").GetString());
        Assert.Equal(("waitlisted", 1), (fourth.GetProperty("status").GetString(), fourth.GetProperty("position").GetInt32()));
    }

    [Fact]
    public async Task AtelierChoice_OnAFullAtelier_Waitlists_AndACancellationPromotesTheNextForThatAtelier()
    {
        var colloque = await CreateColloqueAsync(Organiser);
        await OpenRegistrationAsync(Organiser, colloque, null);
        var atelier = await AddSessionAsync(Organiser, colloque, "Recruter à l'international", "atelier", "Salle A", 10, capacity: 1);
        var other = await AddSessionAsync(Organiser, colloque, "Francisation en entreprise", "atelier", "Salle B", 10, capacity: 5);
        var anonymous = fixture.Anonymous();

        var first = await SignedUpAsync(anonymous, colloque, Signup("Un", "un@exemple.qc.ca", choices: [atelier]));
        var second = await SignedUpAsync(anonymous, colloque, Signup("Deux", "deux@exemple.qc.ca", choices: [atelier]));
        var third = await SignedUpAsync(anonymous, colloque, Signup("Trois", "trois@exemple.qc.ca", choices: [atelier]));

        Assert.Equal("confirmed", Choice(first).GetProperty("status").GetString());
        Assert.Equal(("waitlisted", 1), (Choice(second).GetProperty("status").GetString(), Choice(second).GetProperty("position").GetInt32()));
        Assert.Equal(2, Choice(third).GetProperty("position").GetInt32());

        // The first attendee swaps to the other atelier of the slot: their seat goes to the next in line.
        var swap = await anonymous.SendAsync(Manage(HttpMethod.Patch, Code(first), Token(first), new { choices = new[] { other } })).WaitAsync(Within);

        Assert.Equal(HttpStatusCode.OK, swap.StatusCode);
        var mine = await swap.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((other, "confirmed"), (Choice(mine).GetProperty("sessionId").GetGuid(), Choice(mine).GetProperty("status").GetString()));
        Assert.Equal("confirmed", Choice(await ReadAsync(anonymous, second)).GetProperty("status").GetString());
        var thirdNow = Choice(await ReadAsync(anonymous, third));
        Assert.Equal(("waitlisted", 1), (thirdNow.GetProperty("status").GetString(), thirdNow.GetProperty("position").GetInt32()));
        var seats = (await PublicAsync(anonymous, colloque)).GetProperty("places").GetProperty("sessions").EnumerateArray()
            .ToDictionary(s => s.GetProperty("sessionId").GetGuid());
        Assert.Equal((1, 1, 0), (seats[atelier].GetProperty("taken").GetInt32(), seats[atelier].GetProperty("waitlisted").GetInt32(), seats[atelier].GetProperty("left").GetInt32()));
        Assert.Equal(1, seats[other].GetProperty("taken").GetInt32());
    }

    [Fact]
    public async Task SameEmailTwice_GivesOneRegistration_AndTellsNothingOfIt()
    {
        var colloque = await CreateColloqueAsync(Organiser);
        await OpenRegistrationAsync(Organiser, colloque, 100);
        var anonymous = fixture.Anonymous();

        var first = await SignedUpAsync(anonymous, colloque, Signup("Amina Diallo", "amina@exemple.qc.ca"));
        var (status, again) = await SignUpAsync(anonymous, colloque, Signup("Amina D.", " AMINA@exemple.qc.ca "));

        // Neither the code the door scans, nor the place, nor a token: only that the link went to the address.
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(again.GetProperty("alreadyRegistered").GetBoolean());
        Assert.True(again.GetProperty("manageLinkSent").GetBoolean());
        Assert.DoesNotContain(Code(first), again.GetRawText());
        Assert.False(again.TryGetProperty("code", out _));
        Assert.False(again.TryGetProperty("status", out _));
        Assert.False(again.TryGetProperty("manageToken", out _));
        Assert.Equal(1, (await PublicAsync(anonymous, colloque)).GetProperty("places").GetProperty("confirmed").GetInt32());
        var attendees = await Organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/attendees").WaitAsync(Within);
        Assert.Equal("Amina Diallo", Assert.Single(attendees.GetProperty("attendees").EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task ManageLinkRequest_AnswersByteForByteTheSame_ForAKnownAndAnUnknownAddress()
    {
        // Arrange
        var colloque = await CreateColloqueAsync(Organiser);
        await OpenRegistrationAsync(Organiser, colloque, 100);
        var anonymous = fixture.Anonymous();
        await SignedUpAsync(anonymous, colloque, Signup("Amina Diallo", "connue@exemple.qc.ca"));

        // Act
        var known = await anonymous.PostAsJsonAsync($"/api/colloques/{colloque}/manage-link", new { email = "Connue@Exemple.qc.ca", language = "fr" }).WaitAsync(Within);
        var unknown = await anonymous.PostAsJsonAsync($"/api/colloques/{colloque}/manage-link", new { email = "inconnue@exemple.qc.ca", language = "fr" }).WaitAsync(Within);

        // Assert: same status, same headers that carry meaning, same bytes.
        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(known.Content.Headers.ContentType?.ToString(), unknown.Content.Headers.ContentType?.ToString());
        Assert.Equal(known.Headers.Location, unknown.Headers.Location);
        Assert.Equal(await known.Content.ReadAsByteArrayAsync(), await unknown.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ManageLinkRequest_RefusesAMalformedAddress_WithABilingualFieldError()
    {
        var colloque = await CreateColloqueAsync(Organiser);

        var response = await fixture.Anonymous().PostAsJsonAsync($"/api/colloques/{colloque}/manage-link", new { email = "pas une adresse" }).WaitAsync(Within);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("errors").GetProperty("email").GetProperty("fr").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("errors").GetProperty("email").GetProperty("en").GetString()));
    }

    [Fact]
    public async Task Signup_WithTheSpamTrapFilled_SaysWhatToDo_AndWithoutACategoryAsksForOne()
    {
        var colloque = await CreateColloqueAsync(Organiser);
        await OpenRegistrationAsync(Organiser, colloque, 100);
        var anonymous = fixture.Anonymous();

        var (trapped, trap) = await SignUpAsync(anonymous, colloque, new
        {
            name = "Robot", organisation = "Org", email = "robot@exemple.qc.ca", category = "employer", mrc = "joliette", consent = true,
            choices = Array.Empty<Guid>(), website = "https://fromagerie.ca",
        });
        var (uncategorised, none) = await SignUpAsync(anonymous, colloque, new
        {
            name = "Lina", organisation = "Org", email = "lina@exemple.qc.ca", category = "", mrc = "", consent = true, choices = Array.Empty<Guid>(),
        });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (trapped, uncategorised));
        Assert.Contains("videz-le", trap.GetProperty("errors").GetProperty("website").GetProperty("fr").GetString());
        Assert.Contains("empty it", trap.GetProperty("errors").GetProperty("website").GetProperty("en").GetString());
        Assert.StartsWith("Choisissez", none.GetProperty("errors").GetProperty("category").GetProperty("fr").GetString());
        Assert.StartsWith("Choose", none.GetProperty("errors").GetProperty("mrc").GetProperty("en").GetString());
    }

    [Fact]
    public async Task TokenOfX_CannotReadOrChangeY_AndAWrongOrMissingTokenIs404()
    {
        var colloque = await CreateColloqueAsync(Organiser);
        await OpenRegistrationAsync(Organiser, colloque, 100);
        var atelier = await AddSessionAsync(Organiser, colloque, "Atelier", "atelier", "Salle A", 10, capacity: 10);
        var anonymous = fixture.Anonymous();
        var x = await SignedUpAsync(anonymous, colloque, Signup("Xavier", "x@exemple.qc.ca"));
        var y = await SignedUpAsync(anonymous, colloque, Signup("Yasmine", "y@exemple.qc.ca", needs: new { accessibility = "Fauteuil roulant", dietary = "" }));

        var responses = new[]
        {
            await anonymous.SendAsync(Manage(HttpMethod.Get, Code(y), Token(x))),
            await anonymous.SendAsync(Manage(HttpMethod.Patch, Code(y), Token(x), new { choices = new[] { atelier } })),
            await anonymous.SendAsync(Manage(HttpMethod.Delete, Code(y), Token(x))),
            await anonymous.SendAsync(Manage(HttpMethod.Get, Code(y), null)),
            await anonymous.SendAsync(Manage(HttpMethod.Get, Code(y), "not-the-token")),
            await anonymous.SendAsync(Manage(HttpMethod.Get, "ZZZZZZZZZZ", Token(y))),
            await anonymous.GetAsync($"/api/signups/{Code(y)}/qr.svg"),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.All(responses.Take(6), r => Assert.Equal("registration-not-found", Problem(r).GetProperty("code").GetString()));
        var yNow = await ReadAsync(anonymous, y);
        Assert.Equal(("confirmed", 0), (yNow.GetProperty("status").GetString(), yNow.GetProperty("choices").GetArrayLength()));
        // The public side shows counts only: no name, email, code or need of anyone.
        var publicView = (await PublicAsync(anonymous, colloque)).ToString();
        Assert.DoesNotContain("Yasmine", publicView);
        Assert.DoesNotContain("y@exemple", publicView);
        Assert.DoesNotContain(Code(y), publicView);
        Assert.DoesNotContain("Fauteuil", publicView);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/colloques/{colloque}/attendees")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/colloques/{colloque}/registrations/{Code(y)}")).StatusCode);
    }

    [Fact]
    public async Task BadInput_GetsBilingualProblemDetails_AndStoresNothing()
    {
        var colloque = await CreateColloqueAsync(Organiser);
        await OpenRegistrationAsync(Organiser, colloque, 100);
        var morning = await AddSessionAsync(Organiser, colloque, "Atelier A", "atelier", "Salle A", 10, capacity: 10);
        var parallel = await AddSessionAsync(Organiser, colloque, "Atelier B", "atelier", "Salle B", 10, capacity: 10);
        var plenary = await AddSessionAsync(Organiser, colloque, "Plénière", "plenary", "Grande salle", 9);
        var closed = await CreateColloqueAsync(Organiser, "Fermé");
        await OpenRegistrationAsync(Organiser, closed, 100, closesAt: DateTimeOffset.UtcNow.AddMinutes(-1).AddHours(0));
        var anonymous = fixture.Anonymous();

        var cases = new (string Field, HttpStatusCode Status, Guid Colloque, object Body)[]
        {
            ("category", HttpStatusCode.BadRequest, colloque, Signup("A", "a1@exemple.qc.ca", category: "astronaute")),
            ("choices", HttpStatusCode.BadRequest, colloque, Signup("A", "a2@exemple.qc.ca", choices: [morning, parallel])),
            ("choices", HttpStatusCode.BadRequest, colloque, Signup("A", "a3@exemple.qc.ca", choices: [plenary])),
            ("choices", HttpStatusCode.BadRequest, colloque, Signup("A", "a4@exemple.qc.ca", choices: [Guid.NewGuid()])),
            ("name", HttpStatusCode.BadRequest, colloque, Signup(new string('é', 5_000), "a5@exemple.qc.ca")),
            ("name", HttpStatusCode.BadRequest, colloque, Signup("<script>alert(1)</script>", "a6@exemple.qc.ca")),
            ("needs.dietary", HttpStatusCode.BadRequest, colloque, Signup("A", "a7@exemple.qc.ca", needs: new { accessibility = "", dietary = "<b>sans gluten</b>" })),
            ("mrc", HttpStatusCode.BadRequest, colloque, Signup("A", "a8@exemple.qc.ca", mrc: "Laval")),
            ("consent", HttpStatusCode.BadRequest, colloque, new { name = "A", organisation = "B", email = "a9@exemple.qc.ca", category = "employer", mrc = "joliette", consent = false }),
            ("", HttpStatusCode.Conflict, closed, Signup("A", "a10@exemple.qc.ca")),
        };

        foreach (var (field, status, target, body) in cases)
        {
            var (actual, problem) = await SignUpAsync(anonymous, target, body);
            Assert.True(actual == status, $"{field}: {actual} {problem}");
            Assert.False(string.IsNullOrEmpty(problem.GetProperty("messages").GetProperty("fr").GetString()));
            Assert.False(string.IsNullOrEmpty(problem.GetProperty("messages").GetProperty("en").GetString()));
            if (field.Length > 0)
            {
                var message = problem.GetProperty("errors").GetProperty(field);
                Assert.NotEqual(message.GetProperty("fr").GetString(), message.GetProperty("en").GetString());
            }
            else Assert.Equal("registration-closed", problem.GetProperty("code").GetString());
        }
        foreach (var target in new[] { colloque, closed })
        {
            Assert.Equal(0, (await PublicAsync(anonymous, target)).GetProperty("places").GetProperty("confirmed").GetInt32());
            Assert.Empty((await Organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{target}/attendees")).GetProperty("attendees").EnumerateArray());
        }
    }

    [Fact]
    public async Task Needs_AreForOrganisersOnly_AndEraseAndExportCoverChoicesAndNeeds()
    {
        var colloque = await CreateColloqueAsync(Organiser);
        await OpenRegistrationAsync(Organiser, colloque, 100);
        var atelier = await AddSessionAsync(Organiser, colloque, "Atelier", "atelier", "Salle A", 10, capacity: 1);
        var anonymous = fixture.Anonymous();
        var sophie = await SignedUpAsync(anonymous, colloque, Signup("Sophie Lavoie", "sophie@exemple.qc.ca", choices: [atelier],
            needs: new { accessibility = "Interprète LSQ", dietary = "Végétalien" }));
        var next = await SignedUpAsync(anonymous, colloque, Signup("Luc Fortin", "luc@exemple.qc.ca", choices: [atelier]));
        var desk = await PairedDeskAsync(fixture.App, Organiser, colloque, "Accueil 1");

        var export = await Organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/registrations/{Code(sophie)}").WaitAsync(Within);
        var badge = await desk.GetStringAsync($"/api/colloques/{colloque}/registrations/{Code(sophie)}/badge").WaitAsync(Within);
        var search = await desk.GetStringAsync($"/api/colloques/{colloque}/search?q=sophie").WaitAsync(Within);
        var deskExport = await desk.GetAsync($"/api/colloques/{colloque}/registrations/{Code(sophie)}").WaitAsync(Within);

        Assert.Equal("Interprète LSQ", export.GetProperty("registration").GetProperty("needs").GetProperty("accessibility").GetString());
        Assert.Equal(atelier, Assert.Single(export.GetProperty("place").GetProperty("choices").EnumerateArray()).GetProperty("sessionId").GetGuid());
        Assert.Contains("Atelier", badge); // the badge shows the breakouts…
        Assert.DoesNotContain("LSQ", badge); // …never the needs
        Assert.DoesNotContain("LSQ", search);
        Assert.Equal(HttpStatusCode.Forbidden, deskExport.StatusCode);

        var erase = await Organiser.DeleteAsync($"/api/colloques/{colloque}/registrations/{Code(sophie)}").WaitAsync(Within);

        Assert.Equal(HttpStatusCode.NoContent, erase.StatusCode);
        var after = await Organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/registrations/{Code(sophie)}").WaitAsync(Within);
        Assert.Equal(JsonValueKind.Null, after.GetProperty("registration").GetProperty("needs").ValueKind);
        Assert.Empty(after.GetProperty("place").GetProperty("choices").EnumerateArray());
        Assert.Equal("confirmed", Choice(await ReadAsync(anonymous, next)).GetProperty("status").GetString()); // the freed seat went to the next in line
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.SendAsync(Manage(HttpMethod.Get, Code(sophie), Token(sophie)))).StatusCode);
    }

    [Fact]
    public async Task Desk_FindsAndChecksInASelfRegisteredAttendee_ButNotOneStillWaiting()
    {
        var colloque = await CreateColloqueAsync(Organiser);
        await OpenRegistrationAsync(Organiser, colloque, 1);
        var anonymous = fixture.Anonymous();
        var geneviève = await SignedUpAsync(anonymous, colloque, Signup("Geneviève Ouellet", "gen@exemple.qc.ca"));
        var waiting = await SignedUpAsync(anonymous, colloque, Signup("Marc Roy", "marc@exemple.qc.ca"));
        var desk = await PairedDeskAsync(fixture.App, Organiser, colloque, "Accueil 1");

        var found = await desk.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/search?q=genevieve").WaitAsync(Within);
        var admitted = await ScanAsync(desk, colloque, Code(geneviève).ToLowerInvariant());
        var refused = await ScanAsync(desk, colloque, Code(waiting));

        Assert.Equal(Code(geneviève), Assert.Single(found.EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal(("checkedIn", "Geneviève Ouellet"), (admitted.GetProperty("result").GetString(), admitted.GetProperty("name").GetString()));
        Assert.Equal("waitlisted", refused.GetProperty("result").GetString());

        // Once promoted (the colloque grows by one place), the same badge goes through.
        await OpenRegistrationAsync(Organiser, colloque, 2);
        Assert.Equal("checkedIn", (await ScanAsync(desk, colloque, Code(waiting))).GetProperty("result").GetString());
    }

    [Fact]
    public async Task WalkIn_IsRefusedWhenTheCategoryIsFull_UnlessTheOrganiserOverrides()
    {
        var colloque = await CreateColloqueAsync(Organiser);
        await OpenRegistrationAsync(Organiser, colloque, 100, new { mrc = 1 });
        await SignedUpAsync(fixture.Anonymous(), colloque, Signup("Préfète", "prefete@exemple.qc.ca", "mrc"));
        var desk = await PairedDeskAsync(fixture.App, Organiser, colloque, "Accueil 1");
        object WalkIn(bool? @override = null) => new { name = "Pierre-Luc Gagné", organisation = "MRC de Montcalm", category = "mrc", nonce = Guid.NewGuid().ToString("N"), @override };

        var refused = await desk.PostAsJsonAsync($"/api/colloques/{colloque}/walkins", WalkIn()).WaitAsync(Within);
        var deskOverride = await desk.PostAsJsonAsync($"/api/colloques/{colloque}/walkins", WalkIn(true)).WaitAsync(Within);
        var admitted = await Organiser.PostAsJsonAsync($"/api/colloques/{colloque}/walkins", WalkIn(true)).WaitAsync(Within);
        var employer = await desk.PostAsJsonAsync($"/api/colloques/{colloque}/walkins",
            new { name = "Olivier Bergeron", organisation = "Usine", category = "employer", nonce = "n-employer" }).WaitAsync(Within);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("category-full", Problem(refused).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, deskOverride.StatusCode);
        Assert.Equal("checkedIn", (await admitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetString());
        Assert.Equal(HttpStatusCode.OK, employer.StatusCode);
        var places = (await PublicAsync(fixture.Anonymous(), colloque)).GetProperty("places").GetProperty("byCategory");
        Assert.Equal(2, places.GetProperty("mrc").GetProperty("confirmed").GetInt32());
        Assert.Equal(1, places.GetProperty("employer").GetProperty("confirmed").GetInt32());
    }

    [Fact]
    public async Task DeskOfAnotherColloque_IsRefused_AndAnonymousCallersCannotRunTheProgramme()
    {
        var a = await CreateColloqueAsync(Organiser, "A");
        var b = await CreateColloqueAsync(Organiser, "B");
        await OpenRegistrationAsync(Organiser, b, 100);
        await AddSessionAsync(Organiser, b, "Plénière", "plenary", "Grande salle", 9);
        var inB = await SignedUpAsync(fixture.Anonymous(), b, Signup("Chloé Morin", "chloe@exemple.qc.ca"));
        var deskA = await PairedDeskAsync(fixture.App, Organiser, a, "Accueil A");
        var anonymous = fixture.Anonymous();

        var responses = new[]
        {
            await deskA.PostAsJsonAsync($"/api/colloques/{b}/checkins", new { code = Code(inB), nonce = "n1" }),
            await deskA.GetAsync($"/api/colloques/{b}/registrations/{Code(inB)}/badge"),
            await deskA.PostAsync($"/api/colloques/{b}/rooms/Grande salle/advance", null),
            await deskA.PutAsJsonAsync($"/api/colloques/{b}/rooms/Grande salle/now", new { follow = true }),
            await deskA.PutAsJsonAsync($"/api/colloques/{b}/registration-settings", new { opensAt = DateTimeOffset.UtcNow, closesAt = DateTimeOffset.UtcNow.AddDays(1) }),
            await deskA.PutAsJsonAsync($"/api/colloques/{a}/announcement", new { text = "Pirate" }),
        };
        var anonymousResponses = new[]
        {
            await anonymous.PostAsync($"/api/colloques/{b}/rooms/Grande salle/advance", null),
            await anonymous.PostAsJsonAsync($"/api/colloques/{b}/sessions", new { titleFr = "X" }),
            await anonymous.PutAsJsonAsync($"/api/colloques/{b}/announcement", new { text = "X" }),
            await anonymous.GetAsync($"/api/colloques/{b}/programme/stats"),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.All(anonymousResponses, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        var view = await PublicAsync(anonymous, b);
        Assert.True(Assert.Single(view.GetProperty("rooms").EnumerateArray()).GetProperty("followsTimetable").GetBoolean());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("announcement").ValueKind);
    }

    [Fact]
    public async Task RoomScreens_AdvanceNowPerRoom_AndAnnouncementsShowEverywhere()
    {
        var colloque = await CreateColloqueAsync(Organiser);
        var opening = await AddSessionAsync(Organiser, colloque, "Ouverture", "plenary", "Grande salle", 9);
        var panel = await AddSessionAsync(Organiser, colloque, "Panel des élu·es", "panel", "Grande salle", 10);
        await AddSessionAsync(Organiser, colloque, "Atelier", "atelier", "Salle A", 10, capacity: 20);
        var desk = await PairedDeskAsync(fixture.App, Organiser, colloque, "Accueil 1");

        await Organiser.PutAsJsonAsync($"/api/colloques/{colloque}/rooms/Grande salle/now", new { sessionId = opening }).WaitAsync(Within);
        var advanced = await desk.PostAsync($"/api/colloques/{colloque}/rooms/Grande salle/advance", null).WaitAsync(Within);
        await Organiser.PutAsJsonAsync($"/api/colloques/{colloque}/announcement", new { text = "La plénière reprend dans 5 minutes" }).WaitAsync(Within);

        Assert.Equal(panel, (await advanced.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sessionId").GetGuid());
        var view = await PublicAsync(fixture.Anonymous(), colloque);
        var rooms = view.GetProperty("rooms").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        Assert.Equal(panel, rooms["Grande salle"].GetProperty("sessionId").GetGuid());
        Assert.True(rooms["Salle A"].GetProperty("followsTimetable").GetBoolean());
        Assert.Equal("La plénière reprend dans 5 minutes", view.GetProperty("announcement").GetProperty("text").GetString());
    }

    [Fact]
    public async Task OrganiserView_CountsPerSessionAndCategory_AndTheSessionCsvEscapesFormulas()
    {
        var colloque = await CreateColloqueAsync(Organiser);
        await OpenRegistrationAsync(Organiser, colloque, 100);
        var atelier = await AddSessionAsync(Organiser, colloque, "Atelier", "atelier", "Salle A", 10, capacity: 1);
        var anonymous = fixture.Anonymous();
        await SignedUpAsync(anonymous, colloque, Signup("=HYPERLINK(\"http://x\")", "f@exemple.qc.ca", choices: [atelier]));
        await SignedUpAsync(anonymous, colloque, Signup("Nadia", "n@exemple.qc.ca", "institution", choices: [atelier]));

        var stats = await Organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/programme/stats").WaitAsync(Within);
        var csv = await Organiser.GetStringAsync($"/api/colloques/{colloque}/sessions/{atelier}/attendees.csv").WaitAsync(Within);

        var session = Assert.Single(stats.GetProperty("sessions").EnumerateArray());
        Assert.Equal((1, 1), (session.GetProperty("taken").GetInt32(), session.GetProperty("waitlisted").GetInt32()));
        Assert.Equal(1, session.GetProperty("byCategory").GetProperty("employer").GetInt32());
        Assert.Equal(1, stats.GetProperty("places").GetProperty("byCategory").GetProperty("institution").GetProperty("confirmed").GetInt32());
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains("'=HYPERLINK", lines[1]);
        Assert.Contains("confirmed", lines[1]);
        Assert.Contains("waitlisted;1", lines[2]);
    }

    [Fact]
    public async Task OpenApi_DescribesTheRegistrationAndProgrammeEndpoints()
    {
        var document = await fixture.Anonymous().GetStringAsync("/openapi/v1.json").WaitAsync(Within);

        foreach (var path in new[] { "/api/colloques/{id}/registration-settings", "/api/colloques/{id}/sessions", "/api/colloques/{id}/public",
                     "/api/colloques/{id}/signups", "/api/signups/{code}", "/api/colloques/{id}/rooms/{room}/advance" })
            Assert.Contains($"\"{path}\"", document);
    }

    private static JsonElement Choice(JsonElement signup) => Assert.Single(signup.GetProperty("choices").EnumerateArray());

    private static JsonElement Problem(HttpResponseMessage response) => response.Content.ReadFromJsonAsync<JsonElement>().GetAwaiter().GetResult();

    private static async Task<JsonElement> ReadAsync(HttpClient client, JsonElement signup)
    {
        var response = await client.SendAsync(Manage(HttpMethod.Get, Code(signup), Token(signup))).WaitAsync(Within);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
