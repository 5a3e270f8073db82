using System.Net;
using System.Text.RegularExpressions;
using Collaboration.Web.Tests.Workshops;

namespace Collaboration.Web.Tests.Accounts;

/// <summary>The server-rendered login form carries only a local return address (IsLocalUrl, then after dot segments).</summary>
public sealed class LoginReturnUrlTests(WorkshopsAppFixture fixture) : IClassFixture<WorkshopsAppFixture>
{
    [Theory]
    [InlineData("%2F.%2F%2Fevil.example%2Fphish", "/")]
    [InlineData("%2F..%2F%2Fevil.example%2F", "/")]
    [InlineData("%2Fx%2F..%2F%2Fevil.example%2F", "/")]
    [InlineData("%2F%252e%2F%2Fevil.example%2F", "/")]
    [InlineData("%2F%2Fevil.example%2F", "/")]
    [InlineData("%2F%5Cevil.example%2F", "/")]
    [InlineData("https%3A%2F%2Fevil.example%2F", "/")]
    [InlineData("%2Flogin.html", "/")]
    [InlineData("%2Fworkshops%2F%3Fx%3D1%23a", "/workshops/?x=1#a")]
    public async Task LoginForm_CarriesTheReturnUrl_OnlyWhenItIsAPathOnThisSite(string returnUrl, string expected)
    {
        var response = await fixture.Anonymous().GetAsync($"/login.html?returnUrl={returnUrl}").WaitAsync(WorkshopsAppFixture.Timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var carried = Regex.Match(html, "data-return-url=\"([^\"]*)\"").Groups[1].Value;
        Assert.Equal(expected, WebUtility.HtmlDecode(carried));
    }
}
