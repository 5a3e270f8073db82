using Collaboration.Grains.Portal;
using Collaboration.Web.Platform;

namespace Collaboration.Web.Portal;

/// <summary>An about page or news item as the organiser sends it: titles and Markdown bodies in FR and EN.</summary>
public sealed record PortalTextRequest(string? TitleFr, string? TitleEn, string? BodyFr, string? BodyEn, string? PublishedOn, long? ExpectedVersion)
{
    public (PortalText? Text, Dictionary<string, BilingualText> Errors) Validate(bool requireVersion = true)
    {
        var errors = new Dictionary<string, BilingualText>();
        foreach (var (field, value) in new[] { ("titleFr", TitleFr), ("titleEn", TitleEn) })
        {
            if (string.IsNullOrWhiteSpace(value)) errors[field] = new("Ce champ est requis.", "This field is required.");
            else if (value.Trim().Length > PortalText.MaxTitle) errors[field] = new($"{PortalText.MaxTitle} caractères au plus.", $"{PortalText.MaxTitle} characters at most.");
        }
        foreach (var (field, value) in new[] { ("bodyFr", BodyFr), ("bodyEn", BodyEn) })
            if (value?.Length > PortalText.MaxBody) errors[field] = new($"{PortalText.MaxBody} caractères au plus.", $"{PortalText.MaxBody} characters at most.");
        if (requireVersion && ExpectedVersion is null) errors["expectedVersion"] = new("La version vue (expectedVersion) est requise.", "The version seen (expectedVersion) is required.");
        return errors.Count > 0 ? (null, errors) : (new PortalText(TitleFr!.Trim(), TitleEn!.Trim(), BodyFr ?? "", BodyEn ?? ""), errors);
    }
}
