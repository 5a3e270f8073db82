namespace Collaboration.Web.Platform;

/// <summary>A line a feature adds to the start-up banner (e.g. where emails go).</summary>
public interface IBannerLine
{
    string Text { get; }
}
