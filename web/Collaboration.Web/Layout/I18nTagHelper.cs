using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Collaboration.Web.Layout;

/// <summary>
/// Renders the client's i18n markup on the server, in the request's language: <c>data-i18n="key"</c>
/// becomes the element's text and <c>data-i18n-attr="aria-label:key; placeholder:key2"</c> its
/// attributes. The data attributes stay, so the client's language switch re-translates in place.
/// </summary>
[HtmlTargetElement(Attributes = "data-i18n")]
[HtmlTargetElement(Attributes = "data-i18n-attr")]
public sealed class I18nTagHelper(MessageCatalog messages) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        // data-* attributes cannot be bound to properties: read them as the markup wrote them.
        var language = ViewContext.HttpContext.Language();
        if (AttributeText(output, "data-i18n") is { Length: > 0 } key)
            output.Content.SetContent(messages.Text(language, key));
        if (AttributeText(output, "data-i18n-attr") is { Length: > 0 } attributes)
        {
            foreach (var (name, attributeKey) in ParseAttributes(attributes))
                output.Attributes.SetAttribute(name, messages.Text(language, attributeKey));
        }
    }

    private static string? AttributeText(TagHelperOutput output, string name) =>
        output.Attributes.TryGetAttribute(name, out var attribute) ? attribute.Value switch
        {
            string text => text,
            IHtmlContent html => Render(html),
            var other => other?.ToString(),
        } : null;

    private static string Render(IHtmlContent html)
    {
        using var writer = new StringWriter();
        html.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    /// <summary>The (attribute, key) pairs of a <c>data-i18n-attr</c> value.</summary>
    public static IEnumerable<(string Name, string Key)> ParseAttributes(string value) =>
        value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split(':', 2, StringSplitOptions.TrimEntries))
            .Where(parts => parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0)
            .Select(parts => (parts[0], parts[1]));
}
