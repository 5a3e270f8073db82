namespace Collaboration.Web.Pages.Portal;

/// <summary>The directory's search form as the visitor filled it (codes as in the URL).</summary>
public sealed record DirectorySearch(string? Q, string? Mrc, string? Service, string? Language);
