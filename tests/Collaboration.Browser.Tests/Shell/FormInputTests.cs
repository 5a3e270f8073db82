using System.Text.Json;

namespace Collaboration.Browser.Tests.Shell;

/// <summary>Issue 12, item 1: no collapsed inputs; dates typed in the format the label gives, the same on every device.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FormInputTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    public static TheoryData<string, string> PagesWithForms()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in new[] { "login", "meetings", "meeting", "colloque", "colloque-list", "colloque-desk", "workshops-admin", "workshop-session" })
        {
            data.Add(page, Viewports.Desktop);
            data.Add(page, Viewports.Phone);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PagesWithForms))]
    public async Task EveryInput_IsAsTallAsItsSiblings(string name, string viewport)
    {
        // Arrange
        var samples = await fixture.SamplePagesAsync();
        await using var session = await fixture.NewSessionAsync(output, Viewports.Options(viewport));
        var page = name == "colloque-list" ? samples["colloque"] with { Path = "/colloque.html" } : samples[name];
        await SamplePages.OpenAsync(session, page);
        await session.Page.EvaluateAsync("() => document.querySelectorAll('main details').forEach(d => d.open = true)");
        await Expect(session.Page.Locator("main input:visible, main select:visible").First).ToBeVisibleAsync();

        // Act: the height of every visible single-line input and select, by form (or section)
        var groups = await session.Page.EvaluateAsync<JsonElement>(
            """
            () => {
              const skip = ['checkbox', 'radio', 'hidden', 'file', 'range', 'color'];
              const groups = new Map();
              for (const el of document.querySelectorAll('main input, main select')) {
                const box = el.getBoundingClientRect();
                if (skip.includes(el.type) || box.width === 0 || box.height === 0) continue;
                const group = el.closest('form, section, main');
                const label = group.dataset.testid || group.getAttribute('aria-labelledby') || group.className || group.tagName;
                if (!groups.has(group)) groups.set(group, { label, inputs: [] });
                groups.get(group).inputs.push({ id: el.id || el.name || el.type, height: box.height });
              }
              return [...groups.values()];
            }
            """);

        // Assert
        Assert.NotEmpty(groups.EnumerateArray());
        foreach (var group in groups.EnumerateArray())
        {
            var inputs = group.GetProperty("inputs").EnumerateArray()
                .Select(i => (Id: i.GetProperty("id").GetString(), Height: i.GetProperty("height").GetDouble())).ToArray();
            var described = $"{group.GetProperty("label").GetString()}: {string.Join(", ", inputs.Select(i => $"{i.Id} {i.Height:0.#}px"))}";
            Assert.True(inputs.Max(i => i.Height) - inputs.Min(i => i.Height) <= 4, $"inputs of different heights — {described}");
            Assert.True(inputs.Min(i => i.Height) >= 40, $"a collapsed input — {described}");
        }
    }

    [Theory]
    [InlineData(Viewports.Desktop)]
    [InlineData(Viewports.Phone)]
    public async Task DateFields_SayTheirFormat_InTheLabel_AndAcceptIt(string viewport)
    {
        // Arrange: a device in the United States, in English: the date must still be typed as the label says.
        var samples = await fixture.SamplePagesAsync();
        await using var session = await fixture.NewSessionAsync(output, Viewports.Options(viewport, new() { Locale = "en-US" }));
        var page = session.Page;
        await SamplePages.OpenAsync(session, samples["colloque"] with { Path = "/colloque.html" });
        var date = page.GetByLabel("Date (AAAA-MM-JJ)");
        await Expect(date).ToHaveAttributeAsync("type", "text");

        // Act
        await page.GetByLabel("Titre", new() { Exact = true }).FillAsync($"Colloque {viewport}");
        await date.FillAsync("2026-11-26");
        await page.GetByLabel("Lieu", new() { Exact = true }).FillAsync("Terrebonne");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le colloque" }).ClickAsync();

        // Assert
        await Expect(page.Locator("[data-colloque-title]")).ToHaveTextAsync($"Colloque {viewport} — 26 novembre 2026 — Terrebonne");

        // Act: English labels give the English format
        await page.GotoAsync("/colloque.html?lang=en");

        // Assert
        await Expect(page.GetByLabel("Date (YYYY-MM-DD)")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AMistypedDate_IsRefused_WithTheExpectedFormat()
    {
        // Arrange
        var samples = await fixture.SamplePagesAsync();
        await using var session = await fixture.NewSessionAsync(output);
        var page = session.Page;
        await SamplePages.OpenAsync(session, samples["colloque"] with { Path = "/colloque.html" });

        // Act
        await page.GetByLabel("Titre", new() { Exact = true }).FillAsync("Colloque mal daté");
        await page.GetByLabel("Date (AAAA-MM-JJ)").FillAsync("26/11/2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le colloque" }).ClickAsync();

        // Assert
        await Expect(page.Locator("[data-create-error]")).ToHaveTextAsync("Date attendue au format AAAA-MM-JJ, par exemple 2026-11-18.");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/colloque\\.html$"));
    }
}
