using System.Net;
using Collaboration.Web.Platform;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Collaboration.Web.Tests.Accounts;

/// <summary>A Production start must leave a way in, and say how to make one when there is none.</summary>
public sealed class OrganiserBootstrapTests
{
    [Theory]
    [InlineData(null, null, "Bootstrap:OrganiserEmail is not set")]
    [InlineData("organisatrice@exemple.org", null, "Bootstrap:OrganiserPassword is not set")]
    public async Task ProductionStart_WithNoWayIn_StopsAndSaysWhatToSet(string? email, string? password, string reason)
    {
        await using var app = new ConcertationFactory(settings: [("environment", "Production"),
            ("Bootstrap:OrganiserEmail", email), ("Bootstrap:OrganiserPassword", password)]);

        var error = Assert.Throws<InvalidOperationException>(() => app.CreateClient());

        Assert.Contains(reason, error.Message);
        Assert.Contains("Bootstrap__OrganiserPassword", error.Message);
    }

    [Fact]
    public async Task ProductionStart_WithoutThePassword_IsFine_OnceTheAccountExists()
    {
        var database = Path.Combine(Directory.CreateTempSubdirectory("concertation-bootstrap-").FullName, "web.db");
        await using (var first = new ConcertationFactory(settings: [("environment", "Production"), ("Mail:PublicBaseUrl", "https://concertation.test"), ("ConnectionStrings:Sqlite", $"Data Source={database}")]))
            first.CreateClient().Dispose(); // creates the account from the test password

        await using var second = new ConcertationFactory(settings: [("environment", "Production"), ("Mail:PublicBaseUrl", "https://concertation.test"),
            ("ConnectionStrings:Sqlite", $"Data Source={database}"), ("Bootstrap:OrganiserPassword", null)]);
        var login = await second.CreateOrganiserClientAsync(); // still signs in with the password set on the first start

        Assert.Equal(HttpStatusCode.OK, (await login.GetAsync("/api/colloques")).StatusCode);
    }

    [Fact]
    public void ListenAddress_IsTheOperatorsWhenGiven_ElseTheDefault()
    {
        var given = WebApplication.CreateBuilder(["--urls", "http://127.0.0.1:5999"]).UseDefaultListenAddress();
        var fromEnvironmentStyleKey = WebApplication.CreateBuilder(["--http_ports", "8080"]).UseDefaultListenAddress();
        var none = WebApplication.CreateBuilder([]).UseDefaultListenAddress();

        Assert.Equal("http://127.0.0.1:5999", given.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
        Assert.Null(fromEnvironmentStyleKey.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
        Assert.Equal(ListenAddresses.Default, none.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
    }
}
