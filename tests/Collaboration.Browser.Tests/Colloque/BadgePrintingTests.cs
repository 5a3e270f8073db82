using System.Net.Http.Json;
using System.Text.Json;

namespace Collaboration.Browser.Tests.Colloque;

/// <summary>Issue 12, item 10: badges printed in batches, six to a sheet, each with the colloque's name and date; the page has an h1.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BadgePrintingTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task ABatch_IsSixBadgesASheet_WithTheColloque_AndMarkingThemPrintedLeavesTheRest()
    {
        // Arrange: 8 attendees, 3 of them employers
        using var api = fixture.CreateApiClient();
        api.DefaultRequestHeaders.Add("X-CSRF", "1");
        (await api.PostAsJsonAsync("/api/auth/login", new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword })).EnsureSuccessStatusCode();
        var created = await api.PostAsJsonAsync("/api/colloques", new { title = "Colloque régional de Lanaudière", date = "2026-12-03", venue = "Joliette" });
        var colloqueId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        for (var i = 0; i < 8; i++)
            (await api.PostAsJsonAsync($"/api/colloques/{colloqueId}/registrations",
                new { name = $"Personne {i}", organisation = "Organisme", category = i < 3 ? "employer" : "institution", email = $"b{i}@exemple.qc.ca" })).EnsureSuccessStatusCode();
        await using var session = await fixture.NewSessionAsync(output, new() { BypassCSP = true });
        var page = session.Page;
        await session.SignInAsOrganiserAsync($"/colloque-badge.html?colloque={colloqueId}");

        // Assert: two sheets (6 + 2), the colloque's name and date on each badge, a heading
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Badges — Colloque régional de Lanaudière" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("badge-sheet")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("badge-sheet").First.GetByTestId("badge")).ToHaveCountAsync(6);
        foreach (var badge in await page.GetByTestId("badge").AllAsync())
            await Expect(badge).ToContainTextAsync("Colloque régional de Lanaudière3 décembre 2026");
        var violations = await Axe.SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));

        // Act + Assert: one category, marked printed; then only the others are left to print
        await page.GetByLabel("Quels badges").SelectOptionAsync("category:employer");
        await Expect(page.GetByTestId("badge")).ToHaveCountAsync(3);
        await page.GetByTestId("mark-printed").ClickAsync();
        await Expect(page.GetByTestId("badge-summary")).ToContainTextAsync("3 badge(s) marqué(s) comme imprimé(s).");
        await page.GetByLabel("Quels badges").SelectOptionAsync("not-printed");
        await Expect(page.GetByTestId("badge")).ToHaveCountAsync(5);
    }
}
