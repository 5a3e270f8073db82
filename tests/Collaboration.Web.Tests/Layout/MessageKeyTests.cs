using System.Text.Json;
using System.Text.RegularExpressions;
using Collaboration.Web.Layout;

namespace Collaboration.Web.Tests.Layout;

/// <summary>
/// The missing-key check (issue 12, item 2): every i18n key a page or a script uses has a message in
/// French and in English, and a page's keys are in the messages its own script loads (else the client's
/// language switch could not re-translate them).
/// </summary>
public sealed partial class MessageKeyTests
{
    private static readonly string Web = RepositoryFolder("web/Collaboration.Web");
    private static readonly string Client = Path.Combine(Web, "client", "src");

    [Fact]
    public void BothLanguages_HaveTheSameKeys()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(Web, "Messages"), "*.json"))
        {
            var messages = ReadMessages(file);
            var french = messages["fr"].Keys.ToHashSet();
            var english = messages["en"].Keys.ToHashSet();

            Assert.True(french.SetEquals(english),
                $"{Path.GetFileName(file)}: only in French: [{string.Join(", ", french.Except(english))}]; only in English: [{string.Join(", ", english.Except(french))}]");
            Assert.DoesNotContain(messages["fr"].Concat(messages["en"]), m => string.IsNullOrWhiteSpace(m.Value));
        }
    }

    [Fact]
    public void EveryKeyAScriptUses_HasAMessageInBothLanguages()
    {
        var catalog = MessageCatalog.FromAssembly();
        var namespaces = Namespaces(catalog);
        var missing = new List<string>();

        foreach (var script in Directory.GetFiles(Client, "*.js", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(script);
            foreach (var key in ScriptKeys(text, namespaces))
                missing.AddRange(MissingIn(catalog, key, Relative(script)));
            // t(`colloque.category.${name}`): at least one message of that family.
            foreach (Match prefix in DynamicKey().Matches(text))
            {
                var family = prefix.Groups[1].Value;
                if (!namespaces.Contains(family.Split('.')[0])) continue;
                foreach (var language in RequestLanguage.All)
                {
                    if (!catalog.For(language).Keys.Any(k => k.StartsWith(family, StringComparison.Ordinal)))
                        missing.Add($"{Relative(script)}: no {language} message starts with '{family}'");
                }
            }
        }

        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public void EveryKeyAPageUses_HasAMessageInBothLanguages_LoadedByThePagesScript()
    {
        var catalog = MessageCatalog.FromAssembly();
        var layout = File.ReadAllText(Path.Combine(Web, "Pages", "Shared", "_Layout.cshtml"));
        var shellFiles = MessageFilesImportedBy(Path.Combine(Client, "app.js"));
        var problems = new List<string>();

        var layoutKeys = PageKeys(layout).Concat(SiteNavigation.All.Select(a => a.LabelKey));
        foreach (var key in layoutKeys)
        {
            problems.AddRange(MissingIn(catalog, key, "_Layout.cshtml"));
            if (!shellFiles.Any(f => f.ContainsKey(key))) problems.Add($"_Layout.cshtml: '{key}' is not in a messages file app.js loads");
        }

        var pages = Directory.GetFiles(Path.Combine(Web, "Pages"), "*.cshtml", SearchOption.AllDirectories)
            .Where(p => !Path.GetFileName(p).StartsWith('_'))
            .ToArray();
        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            var markup = File.ReadAllText(page);
            var loaded = shellFiles.ToList();
            if (PageScript().Match(markup) is { Success: true } script)
                loaded.AddRange(MessageFilesImportedBy(Path.Combine(Client, "pages", script.Groups[1].Value + ".js")));
            var keys = PageKeys(markup).ToList();
            Assert.True(markup.Contains("ViewData[\"TitleKey\"]") && markup.Contains("ViewData[\"DescriptionKey\"]"),
                $"{Relative(page)} has no title or description key");
            foreach (var key in keys)
            {
                problems.AddRange(MissingIn(catalog, key, Relative(page)));
                if (!loaded.Any(f => f.ContainsKey(key))) problems.Add($"{Relative(page)}: '{key}' is not in a messages file its script loads");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void TheCheck_FindsAKeyWithNoMessage()
    {
        // The scanners themselves: a made-up key in each form they read is reported.
        var catalog = MessageCatalog.FromAssembly();
        var namespaces = Namespaces(catalog);

        var fromScript = ScriptKeys("el.textContent = t('ws.catalogue.nope'); x.dataset.i18n = \"home.nope\";", namespaces).ToArray();
        var fromPage = PageKeys("<h1 data-i18n=\"home.nope\"></h1><input data-i18n-attr=\"placeholder:ws.nope; aria-label:home.heading\">").ToArray();

        Assert.Equal(["ws.catalogue.nope", "home.nope"], fromScript);
        Assert.Equal(["home.nope", "ws.nope", "home.heading"], fromPage);
        Assert.Equal(2, MissingIn(catalog, "home.nope", "test").Count());
        Assert.Empty(MissingIn(catalog, "home.heading", "test"));
    }

    private static IEnumerable<string> MissingIn(MessageCatalog catalog, string key, string where) =>
        RequestLanguage.All.Where(l => !catalog.For(l).ContainsKey(key)).Select(l => $"{where}: '{key}' has no {l} message");

    private static HashSet<string> Namespaces(MessageCatalog catalog) =>
        RequestLanguage.All.SelectMany(l => catalog.For(l).Keys).Select(k => k.Split('.')[0]).ToHashSet();

    /// <summary>Every string literal shaped like a key of a known namespace ('ws.catalogue.heading').</summary>
    private static IEnumerable<string> ScriptKeys(string script, HashSet<string> namespaces) =>
        KeyLiteral().Matches(script).Select(m => m.Groups[2].Value).Where(k => namespaces.Contains(k.Split('.')[0]));

    /// <summary>data-i18n, data-i18n-attr and the title and description keys of a Razor page.</summary>
    private static IEnumerable<string> PageKeys(string markup)
    {
        foreach (Match m in I18nAttribute().Matches(markup))
        {
            if (m.Groups[1].Value == "data-i18n") yield return m.Groups[2].Value;
            else
            {
                foreach (var (_, key) in I18nTagHelper.ParseAttributes(m.Groups[2].Value)) yield return key;
            }
        }
        foreach (Match m in ViewDataKey().Matches(markup)) yield return m.Groups[1].Value;
    }

    /// <summary>The messages files a module imports, directly or through the modules it imports.</summary>
    private static List<Dictionary<string, string>> MessageFilesImportedBy(string module)
    {
        var seen = new HashSet<string>();
        var files = new List<Dictionary<string, string>>();
        var pending = new Stack<string>([Path.GetFullPath(module)]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current)) continue;
            if (current.EndsWith(".json", StringComparison.Ordinal))
            {
                files.Add(ReadMessages(current)["fr"]);
                continue;
            }
            foreach (Match import in RelativeImport().Matches(File.ReadAllText(current)))
                pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(current)!, import.Groups[1].Value)));
        }
        return files;
    }

    private static Dictionary<string, Dictionary<string, string>> ReadMessages(string file) =>
        JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(File.ReadAllText(file))!;

    private static string Relative(string path) => Path.GetRelativePath(Web, path);

    private static string RepositoryFolder(string relative)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, relative);
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"{relative} not found above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex("""(['"`])([a-z][a-zA-Z]*(?:\.[a-zA-Z0-9_-]+)+)\1""")]
    private static partial Regex KeyLiteral();

    [GeneratedRegex(@"`([a-z][a-zA-Z]*(?:\.[a-zA-Z0-9_-]+)*\.)\$\{")]
    private static partial Regex DynamicKey();

    [GeneratedRegex(""""(data-i18n|data-i18n-attr)="([^"@]+)"""")]
    private static partial Regex I18nAttribute();

    [GeneratedRegex(""""ViewData\["(?:TitleKey|DescriptionKey)"\] = "([^"]+)"""")]
    private static partial Regex ViewDataKey();

    [GeneratedRegex(""""ViewData\["Script"\] = "([^"]+)"""")]
    private static partial Regex PageScript();

    [GeneratedRegex("""import\s+(?:[^'";]*?\s+from\s+)?['"](\.{1,2}/[^'"]+)['"]""")]
    private static partial Regex RelativeImport();
}
