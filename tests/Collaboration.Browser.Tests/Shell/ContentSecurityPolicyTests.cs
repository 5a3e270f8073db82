namespace Collaboration.Browser.Tests.Shell;

[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    private const string Policy = "default-src 'self'";

    [Theory]
    [InlineData("/")]
    [InlineData("/login.html")]
    public async Task Page_Works_UnderDefaultSrcSelfPolicy(string path)
    {
        // Arrange: enforce the policy whatever the server sends, and record what it blocks.
        await using var session = await fixture.NewSessionAsync(output);
        var page = session.Page;
        await page.AddInitScriptAsync(
            "window.__cspViolations = [];" +
            "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));");
        await page.RouteAsync("**/*", async route =>
        {
            if (route.Request.ResourceType != "document")
            {
                await route.FallbackAsync();
                return;
            }
            var response = await route.FetchAsync();
            var headers = new Dictionary<string, string>(response.Headers) { ["content-security-policy"] = Policy };
            await route.FulfillAsync(new() { Response = response, Headers = headers });
        });

        // Act
        await page.GotoAsync(path);
        await Expect(session.ConnectionState).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = Timeouts.Ui });

        // Assert
        var violations = await page.EvaluateAsync<string[]>("() => window.__cspViolations");
        Assert.Empty(violations);
        Assert.DoesNotContain(session.ConsoleMessages, message => message.Contains("Content Security Policy", StringComparison.Ordinal));
    }
}
