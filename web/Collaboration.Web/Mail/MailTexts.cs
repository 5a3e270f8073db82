using System.Text.Json;

namespace Collaboration.Web.Mail;

/// <summary>The FR/EN strings of notifications, from <c>Messages/notifications.json</c> (embedded in the assembly).</summary>
public sealed class MailTexts
{
    private readonly Dictionary<string, Dictionary<string, string>> _byLanguage;

    public MailTexts()
    {
        using var stream = typeof(MailTexts).Assembly.GetManifestResourceStream("Messages.notifications.json")
            ?? throw new InvalidOperationException("Messages/notifications.json is not embedded in the web assembly.");
        _byLanguage = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)!;
    }

    /// <summary>The text of <paramref name="key"/> in "fr" or "en", with <c>{name}</c> placeholders filled.</summary>
    public string Get(string language, string key, params (string Name, string Value)[] values)
    {
        var text = _byLanguage[language].TryGetValue(key, out var found) ? found
            : throw new KeyNotFoundException($"Missing notification text '{key}' ({language}).");
        foreach (var (name, value) in values) text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        return text;
    }
}
