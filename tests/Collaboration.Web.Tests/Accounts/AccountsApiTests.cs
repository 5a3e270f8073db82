using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Grains.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Web.Tests.Accounts;

public sealed class AccountsApiTests : IAsyncLifetime
{
    private readonly ConcertationFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task BootstrapAccount_ExistsAfterStart()
    {
        _app.CreateClient().Dispose(); // starts the app

        var account = await _app.Services.GetRequiredService<IGrainFactory>()
            .GetGrain<IOrganiserAccountGrain>(ConcertationFactory.OrganiserEmail).GetAsync();

        Assert.NotNull(account);
        Assert.DoesNotContain(ConcertationFactory.OrganiserPassword, account.PasswordHash); // hashed, not stored
    }

    [Fact]
    public async Task Login_Succeeds_WithTheRightPassword_AndSetsAHardenedCookie()
    {
        var client = _app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/login",
            new { email = "  Organisateur@Test.LOCAL ", password = ConcertationFactory.OrganiserPassword });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single().ToLowerInvariant();
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
        Assert.DoesNotContain("secure", cookie); // plain HTTP here
        var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal(ConcertationFactory.OrganiserEmail, me.GetProperty("email").GetString());
        Assert.Equal("organiser", me.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Login_SetsASecureCookie_WhenTheRequestIsHttps()
    {
        var client = _app.CreateClient(new() { BaseAddress = new Uri("https://localhost") });

        var response = await client.PostAsJsonAsync("/api/auth/login",
            new { email = ConcertationFactory.OrganiserEmail, password = ConcertationFactory.OrganiserPassword });

        Assert.Contains("secure", response.Headers.GetValues("Set-Cookie").Single().ToLowerInvariant());
    }

    [Theory]
    [InlineData(ConcertationFactory.OrganiserEmail, "wrong-password-123")]
    [InlineData("nobody@test.local", ConcertationFactory.OrganiserPassword)]
    public async Task Login_Is401WithBilingualProblem_WhenEmailOrPasswordIsWrong(string email, string password)
    {
        var response = await _app.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid-credentials", problem.GetProperty("code").GetString());
        Assert.Equal("Courriel ou mot de passe incorrect.", problem.GetProperty("title").GetString());
        Assert.Equal("Incorrect email or password.", problem.GetProperty("messages").GetProperty("en").GetString());
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task ProblemTitle_IsEnglish_WhenTheCallerPrefersEnglish()
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-CA,en;q=0.9,fr;q=0.5");

        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = "x@test.local", password = "nope-nope-nope" });

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Incorrect email or password.", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("""{"email":"","password":"x"}""", "email")]
    [InlineData("""{"email":"not-an-email","password":"x"}""", "email")]
    [InlineData("""{"email":"a@test.local"}""", "password")]
    public async Task Login_Is400WithFieldErrors_ForBadInput(string body, string field)
    {
        var response = await _app.CreateClient().PostAsync("/api/auth/login", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("validation", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var error));
        Assert.False(string.IsNullOrEmpty(error.GetProperty("fr").GetString()));
        Assert.False(string.IsNullOrEmpty(error.GetProperty("en").GetString()));
    }

    [Fact]
    public async Task MalformedJson_Is400Problem()
    {
        var response = await _app.CreateClient().PostAsync("/api/auth/login", new StringContent("{bad", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("bad-request", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Me_AnswersSignedOut_WhenAnonymous()
    {
        var response = await _app.CreateClient().GetAsync("/api/auth/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.GetProperty("signedIn").GetBoolean());
        Assert.False(body.TryGetProperty("email", out _));
    }

    [Fact]
    public async Task OrganiserEndpoint_Is401_WhenAnonymous_AndNothingIsCreated()
    {
        var response = await _app.CreateClient().PostAsJsonAsync("/api/organisers",
            new { email = "intrus@test.local", displayName = "Intrus", password = "a-long-password-1" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var account = await _app.Services.GetRequiredService<IGrainFactory>().GetGrain<IOrganiserAccountGrain>("intrus@test.local").GetAsync();
        Assert.Null(account);
    }

    [Fact]
    public async Task CookieAuthenticatedChange_WithoutCsrfHeader_Is400_AndChangesNothing()
    {
        var client = await _app.CreateOrganiserClientAsync();
        client.DefaultRequestHeaders.Remove("X-CSRF");

        var response = await client.PostAsJsonAsync("/api/organisers",
            new { email = "csrf@test.local", displayName = "CSRF", password = "a-long-password-1" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("csrf-header-missing", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Null(await _app.Services.GetRequiredService<IGrainFactory>().GetGrain<IOrganiserAccountGrain>("csrf@test.local").GetAsync());
    }

    [Fact]
    public async Task Organiser_CreatesAnotherOrganiser_WhoCanThenSignIn_AndDuplicatesAre409()
    {
        var client = await _app.CreateOrganiserClientAsync();
        var account = new { email = "Marie-Helene.Cote@test.local", displayName = "Marie-Hélène Côté", password = "un mot de passe long" };

        var created = await client.PostAsJsonAsync("/api/organisers", account);
        var duplicate = await client.PostAsJsonAsync("/api/organisers", account);
        var login = await _app.CreateClient().PostAsJsonAsync("/api/auth/login", new { account.email, account.password });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal("Marie-Hélène Côté", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task CreateOrganiser_WithShortPassword_Is400_AndNothingIsCreated()
    {
        var client = await _app.CreateOrganiserClientAsync();

        var response = await client.PostAsJsonAsync("/api/organisers", new { email = "court@test.local", displayName = "Court", password = "short" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await _app.Services.GetRequiredService<IGrainFactory>().GetGrain<IOrganiserAccountGrain>("court@test.local").GetAsync());
    }

    [Theory]
    [InlineData("commun@test.local", "qwerty123456")]
    [InlineData("commun@test.local", "1QAZ2WSX3EDC")]
    [InlineData("josee.tremblay@test.local", "Josee.Tremblay@test.local!")]
    [InlineData("josee.tremblay@test.local", "mon josee.tremblay à moi")]
    public async Task CreateOrganiser_WithACommonPassword_OrOneHoldingTheEmail_Is400(string email, string password)
    {
        var client = await _app.CreateOrganiserClientAsync();

        var response = await client.PostAsJsonAsync("/api/organisers", new { email, displayName = "Refusée", password });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("password", out _));
        Assert.Null(await _app.Services.GetRequiredService<IGrainFactory>().GetGrain<IOrganiserAccountGrain>(email).GetAsync());
    }

    [Fact]
    public async Task ChangePassword_ToACommonPassword_Is400()
    {
        var client = await _app.CreateOrganiserClientAsync();

        var response = await client.PostAsJsonAsync("/api/auth/password",
            new { currentPassword = ConcertationFactory.OrganiserPassword, newPassword = "qwertyqwerty" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        var client = await _app.CreateOrganiserClientAsync();

        var logout = await client.PostAsync("/api/auth/logout", null);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me");
        var organiserOnly = await client.GetAsync("/api/colloques");

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.False(me.GetProperty("signedIn").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, organiserOnly.StatusCode);
    }
}
