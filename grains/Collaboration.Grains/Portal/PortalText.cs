namespace Collaboration.Grains.Portal;

/// <summary>A text the organiser writes for the portal, in Markdown, in French and in English.</summary>
[GenerateSerializer, Immutable]
public sealed record PortalText(string TitleFr, string TitleEn, string BodyFr, string BodyEn)
{
    public const int MaxTitle = 200;
    public const int MaxBody = 20_000;

    public bool IsValid => !string.IsNullOrWhiteSpace(TitleFr) && !string.IsNullOrWhiteSpace(TitleEn) &&
        TitleFr.Length <= MaxTitle && TitleEn.Length <= MaxTitle && BodyFr.Length <= MaxBody && BodyEn.Length <= MaxBody;
}
