using System.Net;
using Collaboration.Web.Tests.Meetings;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Collaboration.Web.Tests.Platform;

/// <summary>The Orleans dashboard at /orleans shows grains and silos: organisers only.</summary>
public sealed class OrleansDashboardTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly ConcertationFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Dashboard_IsShown_ToAnOrganiser()
    {
        var organiser = await _app.CreateOrganiserClientAsync().WaitAsync(Timeout);

        var page = await organiser.GetAsync("/orleans/").WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Orleans Dashboard", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_IsRefused_ToAnonymousVisitors_AndToTableMembers()
    {
        var anonymous = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var organiser = await _app.CreateOrganiserClientAsync().WaitAsync(Timeout);
        var table = await MeetingsTestKit.CreateTableAsync(organiser).WaitAsync(Timeout);
        var (_, token) = await MeetingsTestKit.AddMemberAsync(organiser, table, "Membre Test").WaitAsync(Timeout);
        var member = await MeetingsTestKit.MemberClientAsync(_app, token).WaitAsync(Timeout);
        member.DefaultRequestHeaders.Remove("X-CSRF");

        var asAnonymous = await anonymous.GetAsync("/orleans/").WaitAsync(Timeout);
        var asMember = await member.GetAsync("/orleans/").WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.Redirect, asAnonymous.StatusCode);
        Assert.StartsWith("/login.html", asAnonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.DoesNotContain("Orleans Dashboard", await asMember.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, asMember.StatusCode);
    }
}
