using Collaboration.Web.Layout;

namespace Collaboration.Web.Mail;

/// <summary>The FR/EN strings of notifications (<c>Messages/notifications.json</c>), read through the site's one <see cref="MessageCatalog"/>.</summary>
public sealed class MailTexts(MessageCatalog catalog)
{
    /// <summary>The text of <paramref name="key"/> in "fr" or "en", with <c>{name}</c> placeholders filled.</summary>
    public string Get(string language, string key, params (string Name, string Value)[] values) =>
        catalog.Text(language, key, values.Length == 0 ? null : values.ToDictionary(v => v.Name, v => v.Value));
}
