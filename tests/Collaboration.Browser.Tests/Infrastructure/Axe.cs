using System.Text.Json;

namespace Collaboration.Browser.Tests.Infrastructure;

/// <summary>
/// Runs axe-core (from the client's npm devDependencies, installed by the web project's build) in a page.
/// The page's context needs BypassCSP = true: Playwright injects the script inline.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> ScriptPath = new(FindScript);

    /// <summary>The violations of impact "serious" or "critical", one readable line each.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Path = ScriptPath.Value });
        var violations = await page.EvaluateAsync<JsonElement>(
            """
            async () => {
              const results = await axe.run(document, { resultTypes: ['violations'] });
              return results.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
            }
            """);
        return violations.EnumerateArray().Select(v => v.GetString()!).ToArray();
    }

    private static string FindScript() => RepositoryPaths.Find("web/Collaboration.Web/client/node_modules/axe-core/axe.min.js");
}
