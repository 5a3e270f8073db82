using System.Collections.Frozen;
using System.Text.Json;

namespace Collaboration.Web.Layout;

/// <summary>
/// Every feature's FR/EN strings (<c>Messages/&lt;feature&gt;.json</c>, shaped
/// <c>{ "fr": { key: text }, "en": { key: text } }</c>), the same files the browser client bundles.
/// Read once from the assembly; a key missing from a language falls back to French, then to the key
/// (as the client's <c>t()</c> does). The missing-key test keeps that fallback unused.
/// </summary>
public sealed class MessageCatalog
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _byLanguage;

    public MessageCatalog(IEnumerable<KeyValuePair<string, Stream>> files)
    {
        var merged = RequestLanguage.All.ToDictionary(l => l, _ => new Dictionary<string, string>(StringComparer.Ordinal));
        foreach (var (name, stream) in files)
        {
            using (stream)
            {
                var file = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)
                    ?? throw new InvalidDataException($"{name}: empty messages file");
                foreach (var (language, messages) in file)
                {
                    if (!merged.TryGetValue(language, out var target))
                        throw new InvalidDataException($"{name}: unknown language '{language}'");
                    foreach (var (key, text) in messages)
                    {
                        if (!target.TryAdd(key, text))
                            throw new InvalidDataException($"{name}: key '{key}' ({language}) is already defined by another file");
                    }
                }
            }
        }
        _byLanguage = merged.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The catalog of the messages embedded in this assembly (<c>Messages/*.json</c>).</summary>
    public static MessageCatalog FromAssembly()
    {
        var assembly = typeof(MessageCatalog).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Messages.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => KeyValuePair.Create(n, assembly.GetManifestResourceStream(n)!));
        return new MessageCatalog(files);
    }

    /// <summary>Every key and text of a language.</summary>
    public IReadOnlyDictionary<string, string> For(string language) => _byLanguage[language];

    /// <summary>The text of key in language, French if that language lacks it, else the key itself;
    /// <c>{name}</c> placeholders take the values of <paramref name="values"/>.</summary>
    public string Text(string language, string key, IReadOnlyDictionary<string, string>? values = null)
    {
        var text = _byLanguage.TryGetValue(language, out var messages) && messages.TryGetValue(key, out var found) ? found
            : _byLanguage[RequestLanguage.Default].GetValueOrDefault(key, key);
        if (values is null) return text;
        foreach (var (name, value) in values) text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        return text;
    }
}
