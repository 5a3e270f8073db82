namespace Collaboration.Web.Tests.Colloque;

/// <summary>One app (SQLite) shared by the self-registration API tests; each test makes its own colloques.</summary>
public sealed class SignupsAppFixture : IAsyncLifetime
{
    public ConcertationFactory App { get; } = new();

    public HttpClient Organiser { get; private set; } = null!;

    public async Task InitializeAsync() => Organiser = await App.CreateOrganiserClientAsync().WaitAsync(ColloqueKit.Within);

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>An anonymous client, as an attendee's browser.</summary>
    public HttpClient Anonymous() => App.CreateClient();
}
