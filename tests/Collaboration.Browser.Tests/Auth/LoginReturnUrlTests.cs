namespace Collaboration.Browser.Tests.Auth;

/// <summary>
/// After signing in, the browser goes back only to a page of this site: every spelling of another
/// site that a browser resolves to <c>//evil.example/…</c> lands on the person's own work instead (an organiser's: the Table),
/// as does a sign-in that asked for no page or for the public home.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LoginReturnUrlTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData("%2F.%2F%2Fevil.example%2Fphish")]
    [InlineData("/.//evil.example/phish")]
    [InlineData("%2F..%2F%2Fevil.example%2F")]
    [InlineData("%2Fx%2F..%2F%2Fevil.example%2F")]
    [InlineData("%2F%252e%2F%2Fevil.example%2F")]
    [InlineData("/%2e//evil.example/")]
    [InlineData("%2F%2Fevil.example%2F")]
    [InlineData("%2F%5Cevil.example%2F")]
    [InlineData("https%3A%2F%2Fevil.example%2F")]
    public async Task Login_WithAReturnUrlToAnotherSite_GoesHomeOnThisSite(string returnUrl)
    {
        // Arrange: any request to the other site is answered here, so a redirect there shows in the URL.
        await using var session = await fixture.NewSessionAsync(output);
        var page = session.Page;
        var reachedEvil = false;
        await session.Context.RouteAsync("**://evil.example/**", async route =>
        {
            reachedEvil = true;
            await route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "<h1>phished</h1>" });
        });
        await page.GotoAsync($"/login.html?returnUrl={returnUrl}");

        // Act
        await SignInAsync(page);

        // Assert: the organiser's work, on this site.
        await page.WaitForURLAsync(url => !url.Contains("/login.html", StringComparison.Ordinal));
        Assert.Equal(new Uri(fixture.BaseUrl, "/meetings.html").ToString(), page.Url);
        Assert.False(reachedEvil);
    }

    [Theory]
    [InlineData("/login.html")]
    [InlineData("/login.html?returnUrl=%2F")]
    public async Task Login_FromTheHeaderOrWithoutAPage_LeadsAnOrganiserToTheirWork_NotThePublicPortal(string path)
    {
        await using var session = await fixture.NewSessionAsync(output);
        var page = session.Page;
        await page.GotoAsync(path);

        await SignInAsync(page);

        await Expect(page).ToHaveURLAsync(new Uri(fixture.BaseUrl, "/meetings.html").ToString());
    }

    [Fact]
    public async Task Login_WithALocalReturnUrl_GoesBackThere()
    {
        await using var session = await fixture.NewSessionAsync(output);
        var page = session.Page;
        await page.GotoAsync("/login.html?returnUrl=%2Fworkshops%2F%3Fx%3D1");

        await SignInAsync(page);

        await Expect(page).ToHaveURLAsync(new Uri(fixture.BaseUrl, "/workshops/?x=1").ToString());
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.GetByLabel("Courriel").FillAsync(BrowserAppFixture.OrganiserEmail);
        await page.GetByLabel("Mot de passe").FillAsync(BrowserAppFixture.OrganiserPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
    }
}
