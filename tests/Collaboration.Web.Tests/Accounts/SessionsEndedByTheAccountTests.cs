using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Grains.Accounts;
using Collaboration.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Web.Tests.Accounts;

/// <summary>
/// Deactivating an organiser and completing a password reset end the account's sessions as an effect of the account
/// grain's own write (the after-commit path), not as a second call an endpoint might never make: whoever calls the
/// grain, every session of the account is over once it answers (and, on every node, through the live relay).
/// </summary>
public sealed class SessionsEndedByTheAccountTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private const string Password = "un mot de passe assez long";
    private readonly ConcertationFactory _app = new(kestrel: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Deactivation_EndsTheAccountsSessions_AsTheGrainsOwnEffect()
    {
        // Arrange: a colleague signed in
        var (email, colleague) = await SignedInColleagueAsync("desactivee");
        var account = _app.Services.GetRequiredService<IGrainFactory>().GetGrain<IOrganiserAccountGrain>(email);

        // Act: the grain alone (no endpoint)
        Assert.Equal(OrganiserChange.Done, await account.DeactivateAsync("test").WaitAsync(Timeout));

        // Assert
        await AssertSignedOutAsync(colleague);
    }

    [Fact]
    public async Task PasswordReset_EndsTheAccountsSessions_AsTheGrainsOwnEffect()
    {
        // Arrange: a colleague signed in, a reset link issued
        var (email, colleague) = await SignedInColleagueAsync("reinitialisee");
        var account = _app.Services.GetRequiredService<IGrainFactory>().GetGrain<IOrganiserAccountGrain>(email);
        Assert.True(await account.RequestPasswordResetAsync("hash-du-lien", "scelle", DateTimeOffset.UtcNow.AddMinutes(30), "fr").WaitAsync(Timeout));

        // Act: the grain alone (no endpoint)
        Assert.Equal(AccountTokenOutcome.Done, await account.CompletePasswordResetAsync("hash-du-lien", "nouveau-hachage").WaitAsync(Timeout));

        // Assert
        await AssertSignedOutAsync(colleague);
    }

    private async Task<(string Email, HttpClient Client)> SignedInColleagueAsync(string name)
    {
        var email = $"{name}-{Guid.NewGuid():N}"[..24] + "@test.local";
        using var organiser = await _app.CreateOrganiserClientAsync().WaitAsync(Timeout);
        (await organiser.PostAsJsonAsync("/api/organisers", new { email, displayName = "Collègue", password = Password }).WaitAsync(Timeout)).EnsureSuccessStatusCode();
        var colleague = _app.CreateClient();
        (await colleague.PostAsJsonAsync("/api/auth/login", new { email, password = Password }).WaitAsync(Timeout)).EnsureSuccessStatusCode();
        Assert.True(await SignedInAsync(colleague));
        return (email, colleague);
    }

    private static async Task AssertSignedOutAsync(HttpClient client) =>
        await Poll.UntilAsync(async () => !await SignedInAsync(client), Timeout, "the colleague's session ended");

    private static async Task<bool> SignedInAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/auth/me").WaitAsync(Timeout)).GetProperty("signedIn").GetBoolean();
}
