namespace Collaboration.Web.Layout;

/// <summary>One area of the header's navigation: its id (what a page names as its <c>Area</c>), address and label key.</summary>
public sealed record NavigationArea(string Id, string Href, string LabelKey);
