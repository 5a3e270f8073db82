namespace Collaboration.Web.Pages.Portal;

/// <summary>What a public page says about itself to link previews (Open Graph) and search engines.</summary>
public sealed record OpenGraph(string Title, string Description, string Path, string Type = "website");
