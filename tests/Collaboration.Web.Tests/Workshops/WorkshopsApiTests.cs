using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Collaboration.Web.Tests.Workshops;

public sealed class WorkshopsApiTests(WorkshopsAppFixture fixture) : IClassFixture<WorkshopsAppFixture>
{
    private static readonly TimeSpan Timeout = WorkshopsAppFixture.Timeout;

    [Fact]
    public async Task Register_ReturnsIdStatusAndToken_AndThePrivateLinkShowsNamesExactly()
    {
        var session = await fixture.CreateSessionAsync(capacity: 10);

        var created = await fixture.RegisterAsync(session, WorkshopsAppFixture.Registration(
            "Boulangerie L'Épi d'or & fils", "melanie@epidor.ca", seats: 2, contactName: "Josée D'Amours-Bérubé"));

        Assert.Equal("confirmed", created.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("position").ValueKind);
        var id = created.GetProperty("id").GetString();
        var token = created.GetProperty("manageToken").GetString();
        var mine = await fixture.Anonymous().GetFromJsonAsync<JsonElement>($"/api/registrations/{id}?token={token}").WaitAsync(Timeout);
        Assert.Equal("Boulangerie L'Épi d'or & fils", mine.GetProperty("organisation").GetString());
        Assert.Equal("Josée D'Amours-Bérubé", mine.GetProperty("contactName").GetString());
        Assert.Equal(created.GetProperty("code").GetString(), mine.GetProperty("code").GetString());
        Assert.Equal(8, mine.GetProperty("workshop").GetProperty("seatsLeft").GetInt32());
    }

    [Fact]
    public async Task Register_WithTheSameEmailTwice_KeepsOneRegistration_AndTellsNothingOfIt()
    {
        var session = await fixture.CreateSessionAsync(capacity: 10);
        var first = await fixture.RegisterAsync(session, WorkshopsAppFixture.Registration("Garage Lévesque", "helene@garage.ca"));

        var second = await fixture.RegisterAsync(session, WorkshopsAppFixture.Registration("Garage Lévesque inc.", " Helene@Garage.ca "));

        // Neither its id, its code (what the door scans), its status nor its token: the link went to the address.
        Assert.Equal("""{"alreadyRegistered":true,"manageLinkSent":true}""", second.GetRawText());
        Assert.DoesNotContain(first.GetProperty("code").GetString()!.Replace("-", ""), second.GetRawText());
        Assert.Equal(1, (await fixture.RegistrantsAsync(session)).GetArrayLength());
    }

    [Fact]
    public async Task ManageLinkRequest_AnswersByteForByteTheSame_ForAKnownAndAnUnknownAddress()
    {
        // Arrange
        var session = await fixture.CreateSessionAsync(capacity: 10);
        await fixture.RegisterAsync(session, WorkshopsAppFixture.Registration("Fromagerie", "known@fromagerie.ca"));
        var client = fixture.Anonymous();

        // Act
        var known = await client.PostAsJsonAsync($"/api/workshops/{session}/manage-link", new { email = "Known@Fromagerie.ca", language = "fr" }).WaitAsync(Timeout);
        var unknown = await client.PostAsJsonAsync($"/api/workshops/{session}/manage-link", new { email = "nobody@fromagerie.ca", language = "fr" }).WaitAsync(Timeout);

        // Assert: same status, same headers that carry meaning, same bytes.
        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(known.Content.Headers.ContentType?.ToString(), unknown.Content.Headers.ContentType?.ToString());
        Assert.Equal(known.Headers.Location, unknown.Headers.Location);
        Assert.Equal(await known.Content.ReadAsByteArrayAsync(), await unknown.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task PrivateLink_IsRefused_WithAWrongOrMissingToken_OrAnotherEmployersToken()
    {
        var session = await fixture.CreateSessionAsync(capacity: 10);
        var mine = await fixture.RegisterAsync(session, WorkshopsAppFixture.Registration("Scierie", "josee@scierie.ca"));
        var theirs = await fixture.RegisterAsync(session, WorkshopsAppFixture.Registration("Pêcheries", "eric@peche.ca"));
        var id = mine.GetProperty("id").GetString();
        var client = fixture.Anonymous();

        var missing = await client.GetAsync($"/api/registrations/{id}").WaitAsync(Timeout);
        var wrong = await client.GetAsync($"/api/registrations/{id}?token=not-the-token").WaitAsync(Timeout);
        var others = await client.GetAsync($"/api/registrations/{id}?token={theirs.GetProperty("manageToken").GetString()}").WaitAsync(Timeout);
        var cancel = await client.DeleteAsync($"/api/registrations/{id}?token=not-the-token").WaitAsync(Timeout);
        var qr = await client.GetAsync($"/api/registrations/{id}/qr.svg").WaitAsync(Timeout);

        Assert.All(new[] { missing, wrong, others, cancel, qr }, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.DoesNotContain("josee@scierie.ca", await others.Content.ReadAsStringAsync());
        Assert.Equal(2, (await fixture.RegistrantsAsync(session)).EnumerateArray().Count(r => r.GetProperty("status").GetString() == "confirmed"));
    }

    [Fact]
    public async Task BadInput_GetsBilingualProblemDetails_AndStoresNothing()
    {
        var session = await fixture.CreateSessionAsync(capacity: 10);
        var client = fixture.Anonymous();
        var good = new Dictionary<string, object?>
        {
            ["organisation"] = "Résidence Les Érables", ["contactName"] = "Nadia Ouellet", ["email"] = "nadia@erables.ca",
            ["seats"] = 1, ["sector"] = "Santé", ["consent"] = true,
        };
        var cases = new (string Field, object? Value, string ErrorField)[]
        {
            ("organisation", "", "organisation"),
            ("organisation", new string('a', 151), "organisation"),
            ("contactName", "<script>alert(1)</script>", "contactName"),
            ("organisation", "<b>Gras</b> inc.", "organisation"),
            ("email", "pas-une-adresse", "email"),
            ("seats", 0, "seats"),
            ("seats", 99, "seats"),
            ("consent", false, "consent"),
            ("website", "http://spam.example", "website"),
            ("phone", "<img src=x>", "phone"),
        };

        foreach (var (field, value, errorField) in cases)
        {
            var body = new Dictionary<string, object?>(good) { [field] = value };
            var response = await client.PostAsJsonAsync($"/api/workshops/{session}/registrations", body).WaitAsync(Timeout);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            var error = problem.GetProperty("errors").GetProperty(errorField);
            Assert.False(string.IsNullOrEmpty(error.GetProperty("fr").GetString()), field);
            Assert.False(string.IsNullOrEmpty(error.GetProperty("en").GetString()), field);
        }

        Assert.Equal(0, (await fixture.RegistrantsAsync(session)).GetArrayLength());
    }

    [Fact]
    public async Task Cancellation_PromotesTheWaitlisted_WhoseLinkShowsIt_AndTheOutboxRecordsIt()
    {
        var session = await fixture.CreateSessionAsync(capacity: 1);
        var first = await fixture.RegisterAsync(session, WorkshopsAppFixture.Registration("Transport Bérubé", "francois@berube.ca"));
        var second = await fixture.RegisterAsync(session, WorkshopsAppFixture.Registration("Fromagerie", "annie@fromagerie.ca"));
        Assert.Equal(("waitlisted", 1), (second.GetProperty("status").GetString(), second.GetProperty("position").GetInt32()));

        var cancel = await fixture.Anonymous().DeleteAsync(
            $"/api/registrations/{first.GetProperty("id").GetString()}?token={first.GetProperty("manageToken").GetString()}").WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var client = fixture.Anonymous();
        client.DefaultRequestHeaders.Add("X-Manage-Token", second.GetProperty("manageToken").GetString());
        var promoted = await client.GetFromJsonAsync<JsonElement>($"/api/registrations/{second.GetProperty("id").GetString()}").WaitAsync(Timeout);
        Assert.Equal("confirmed", promoted.GetProperty("status").GetString());
        var outbox = await fixture.Organiser.GetFromJsonAsync<JsonElement>($"/api/workshops/{session}/outbox").WaitAsync(Timeout);
        var promotion = Assert.Single(outbox.EnumerateArray(), m => m.GetProperty("kind").GetString() == "workshopPromoted");
        Assert.Equal("annie@fromagerie.ca", promotion.GetProperty("to").GetString());
    }

    [Fact]
    public async Task ChangeSeats_FromThePrivateLink_FollowsTheWaitlistRule()
    {
        var session = await fixture.CreateSessionAsync(capacity: 3);
        var first = await fixture.RegisterAsync(session, WorkshopsAppFixture.Registration("A", "a@exemple.ca", seats: 2));
        var second = await fixture.RegisterAsync(session, WorkshopsAppFixture.Registration("B", "b@exemple.ca", seats: 2));
        var url = $"/api/registrations/{first.GetProperty("id").GetString()}?token={first.GetProperty("manageToken").GetString()}";

        var more = await fixture.Anonymous().PatchAsJsonAsync(url, new { seats = 3 }).WaitAsync(Timeout);
        var fewer = await fixture.Anonymous().PatchAsJsonAsync(url, new { seats = 1 }).WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.Conflict, more.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fewer.StatusCode);
        var registrants = await fixture.RegistrantsAsync(session);
        Assert.All(registrants.EnumerateArray(), r => Assert.Equal("confirmed", r.GetProperty("status").GetString()));
        Assert.Equal(second.GetProperty("code").GetString(), RegistrationCode(registrants[1]));
    }

    [Fact]
    public async Task Catalogue_ShowsCapacitySeatsLeftAndWaitlisted_AndCapacityChangesPromote()
    {
        var session = await fixture.CreateSessionAsync(capacity: 2, titleFr: "Atelier du catalogue");
        await fixture.RegisterAsync(session, WorkshopsAppFixture.Registration("A", "a@cat.ca", seats: 2));
        await fixture.RegisterAsync(session, WorkshopsAppFixture.Registration("B", "b@cat.ca", seats: 1));

        var list = await fixture.Anonymous().GetFromJsonAsync<JsonElement>("/api/workshops").WaitAsync(Timeout);
        var mine = list.EnumerateArray().Single(w => w.GetProperty("id").GetGuid() == session);
        Assert.Equal((2, 0, 1), (mine.GetProperty("capacity").GetInt32(), mine.GetProperty("seatsLeft").GetInt32(), mine.GetProperty("waitlisted").GetInt32()));

        var patch = await fixture.Organiser.PatchAsJsonAsync($"/api/workshops/{session}", new { capacity = 4 }).WaitAsync(Timeout);
        var after = await patch.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((4, 1, 0), (after.GetProperty("capacity").GetInt32(), after.GetProperty("seatsLeft").GetInt32(), after.GetProperty("waitlisted").GetInt32()));

        var closed = await fixture.Organiser.PatchAsJsonAsync($"/api/workshops/{session}", new { status = "Closed" }).WaitAsync(Timeout);
        Assert.Equal("closed", (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var refused = await fixture.Anonymous().PostAsJsonAsync($"/api/workshops/{session}/registrations",
            WorkshopsAppFixture.Registration("C", "c@cat.ca")).WaitAsync(Timeout);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
    }

    [Fact]
    public async Task OrganiserEndpoints_AreRefused_ToAnonymousCallers()
    {
        var session = await fixture.CreateSessionAsync(capacity: 5);
        var client = fixture.Anonymous();
        client.DefaultRequestHeaders.Add("X-CSRF", "1");

        var responses = new[]
        {
            await client.PostAsJsonAsync("/api/workshops", new { titleFr = "x" }),
            await client.PatchAsJsonAsync($"/api/workshops/{session}", new { capacity = 500 }),
            await client.GetAsync($"/api/workshops/{session}/registrations.csv"),
            await client.GetAsync($"/api/workshops/{session}/registrants"),
            await client.GetAsync($"/api/workshops/{session}/outbox"),
            await client.PostAsJsonAsync($"/api/workshops/{session}/registrants/ABCD2345/attendance", new { attended = true }),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal(5, (await fixture.Anonymous().GetFromJsonAsync<JsonElement>($"/api/workshops/{session}")).GetProperty("capacity").GetInt32());
    }

    [Fact]
    public async Task Confirmation_HasAQrCode_ACalendarFile_AndTheCsvKeepsAccentsAndDefusesFormulas()
    {
        var session = await fixture.CreateSessionAsync(capacity: 5);
        var created = await fixture.RegisterAsync(session, WorkshopsAppFixture.Registration("=HYPERLINK(\"x\") Érablière", "ema@erable.ca",
            contactName: "Émilie O'Neil"));
        var query = $"?token={created.GetProperty("manageToken").GetString()}";

        var qr = await fixture.Anonymous().GetAsync($"/api/registrations/{created.GetProperty("id").GetString()}/qr.svg{query}").WaitAsync(Timeout);
        var ics = await fixture.Anonymous().GetStringAsync($"/api/workshops/{session}/calendar.ics").WaitAsync(Timeout);
        var csv = await fixture.Organiser.GetStringAsync($"/api/workshops/{session}/registrations.csv").WaitAsync(Timeout);

        Assert.Equal("image/svg+xml", qr.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<svg", await qr.Content.ReadAsStringAsync());
        Assert.Contains("BEGIN:VEVENT", ics);
        Assert.Contains("SUMMARY:Accueillir des travailleurs immigrants / Welcoming immigrant workers", ics.Replace("\r\n ", "")); // unfolded
        Assert.Contains("Émilie O'Neil", csv);
        Assert.Contains("'=HYPERLINK", csv);
        Assert.Contains(created.GetProperty("code").GetString()!, csv);
    }

    [Fact]
    public async Task Attendance_IsMarked_ForAConfirmedRegistrant()
    {
        var session = await fixture.CreateSessionAsync(capacity: 5);
        var created = await fixture.RegisterAsync(session, WorkshopsAppFixture.Registration("Présent inc.", "present@exemple.ca"));

        var marked = await fixture.Organiser.PostAsJsonAsync(
            $"/api/workshops/{session}/registrants/{created.GetProperty("code").GetString()}/attendance", new { attended = true }).WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.True((await fixture.RegistrantsAsync(session))[0].GetProperty("attended").GetBoolean());
    }

    private static string RegistrationCode(JsonElement registrant)
    {
        var code = registrant.GetProperty("code").GetString()!;
        return $"{code[..4]}-{code[4..]}";
    }
}

public sealed class WorkshopsRateLimitTests
{
    [Fact]
    public async Task Registration_IsRateLimitedPerClient()
    {
        // Arrange: an app that allows 3 registration calls a minute per client address (the sign-in has a bucket of its own).
        await using var app = new ConcertationFactory(settings: ("RateLimiting:RegistrationsPermitsPerMinute", "3"));
        var organiser = await app.CreateOrganiserClientAsync();
        var starts = DateTimeOffset.UtcNow.AddDays(3);
        var created = await organiser.PostAsJsonAsync("/api/workshops", new
        {
            titleFr = "Atelier", titleEn = "Workshop", startsAt = starts, endsAt = starts.AddHours(1), place = "Matane", capacity = 50,
        });
        var session = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var client = app.CreateClient();

        // Act
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var response = await client.PostAsJsonAsync($"/api/workshops/{session}/registrations",
                WorkshopsAppFixture.Registration($"Entreprise {i}", $"e{i}@exemple.ca")).WaitAsync(WorkshopsAppFixture.Timeout);
            statuses.Add(response.StatusCode);
        }

        // Assert
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
    }
}
