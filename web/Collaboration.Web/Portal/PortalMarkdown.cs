using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace Collaboration.Web.Portal;

/// <summary>
/// The organiser's Markdown as HTML, safely: raw HTML is not interpreted (Markdig's DisableHtml: it
/// comes out as text), and a link or image whose address is not http(s), mailto, tel or relative
/// (javascript:, data:…) loses its address.
/// </summary>
public static class PortalMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().UseEmphasisExtras().Build();

    public static HtmlString ToHtml(string? markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
            if (!IsSafe(link.Url)) link.Url = "";
        foreach (var link in document.Descendants<AutolinkInline>())
            if (!IsSafe(link.Url)) link.Url = "";
        return new HtmlString(document.ToHtml(Pipeline));
    }

    /// <summary>The first paragraph as plain text, for descriptions and Open Graph.</summary>
    public static string Summary(string? markdown, int max = 200)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        var first = document.Descendants<ParagraphBlock>().FirstOrDefault();
        var text = first?.Inline is null ? "" : string.Concat(first.Inline.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
        return text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
    }

    private static bool IsSafe(string? url)
    {
        if (string.IsNullOrEmpty(url)) return true;
        if (url.StartsWith('/') || url.StartsWith('#')) return !url.StartsWith("//", StringComparison.Ordinal);
        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? uri.Scheme is "http" or "https" or "mailto" or "tel"
            : !url.Contains(':', StringComparison.Ordinal);
    }
}
