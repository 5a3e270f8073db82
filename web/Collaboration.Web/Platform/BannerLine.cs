namespace Collaboration.Web.Platform;

/// <summary>A banner line computed when the banner is printed.</summary>
public sealed class BannerLine(Func<string> text) : IBannerLine
{
    public string Text => text();
}
