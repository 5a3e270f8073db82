using Collaboration.Grains.Partners;
using Collaboration.Web.Accounts;
using Collaboration.Web.Platform;

namespace Collaboration.Web.Partners;

/// <summary>What an organiser sends to create or edit an organisation; <see cref="ExpectedVersion"/> on edits.</summary>
public sealed record PartnerRequest(
    string? Name, string? Mrc, string? Sector, List<string>? Services, string? Address, string? Website, string? ContactName,
    string? ContactEmail, string? ContactPhone, List<string>? Languages, string? DescriptionFr, string? DescriptionEn,
    List<string>? Aliases, bool? IsPublic, long? ExpectedVersion)
{
    /// <summary>The profile, or the bilingual reason of each invalid field.</summary>
    public (PartnerProfile? Profile, Dictionary<string, BilingualText> Errors) Validate()
    {
        var errors = new Dictionary<string, BilingualText>();
        Text(errors, "name", Name, PartnerProfileRules.MaxName, required: true);
        foreach (var (field, value) in new[] { ("address", Address), ("contactName", ContactName), ("contactPhone", ContactPhone) })
            Text(errors, field, value, PartnerProfileRules.MaxShort, required: false);
        Text(errors, "descriptionFr", DescriptionFr, PartnerProfileRules.MaxDescription, required: false);
        Text(errors, "descriptionEn", DescriptionEn, PartnerProfileRules.MaxDescription, required: false);
        var mrc = PartnerCodes.ParseMrc(Mrc);
        if (mrc is null) errors["mrc"] = new("Choisissez la MRC (ou hors-region).", "Choose the MRC (or hors-region).");
        var sector = PartnerCodes.ParseSector(Sector);
        if (sector is null) errors["sector"] = new("Choisissez : communautaire, institutionnel, economique, municipal ou autre.",
            "Choose: communautaire, institutionnel, economique, municipal or autre.");
        var services = (Services ?? []).Select(PartnerCodes.ParseService).ToList();
        if (services.Any(s => s is null)) errors["services"] = new("Service inconnu.", "Unknown service.");
        var languages = (Languages ?? []).Select(l => l.Trim().ToLowerInvariant()).Distinct().ToList();
        if (languages.Any(l => !PartnerProfileRules.KnownLanguages.Contains(l)))
            errors["languages"] = new("Langue inconnue (codes ISO : fr, en, es…).", "Unknown language (ISO codes: fr, en, es…).");
        var website = Website?.Trim() ?? "";
        if (website.Length > 0 && (website.Length > PartnerProfileRules.MaxShort ||
            !Uri.TryCreate(website, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
            errors["website"] = new("Entrez une adresse web complète (https://…).", "Enter a full web address (https://…).");
        var email = ContactEmail?.Trim() ?? "";
        if (email.Length > 0 && EmailAddress.Refusal(email) is { } refusal) errors["contactEmail"] = refusal;
        var aliases = (Aliases ?? []).Select(a => a.Trim()).Where(a => a.Length > 0).Distinct().ToList();
        if (aliases.Count > PartnerProfileRules.MaxAliases || aliases.Any(a => a.Length > PartnerProfileRules.MaxName))
            errors["aliases"] = new($"{PartnerProfileRules.MaxAliases} autres noms au plus, de {PartnerProfileRules.MaxName} caractères au plus.",
                $"At most {PartnerProfileRules.MaxAliases} other names of at most {PartnerProfileRules.MaxName} characters.");
        if (errors.Count > 0) return (null, errors);
        return (new PartnerProfile(Name!.Trim(), mrc!.Value, sector!.Value, [.. services.Select(s => s!.Value).Distinct()],
            Address?.Trim() ?? "", website, ContactName?.Trim() ?? "", email, ContactPhone?.Trim() ?? "", languages,
            DescriptionFr?.Trim() ?? "", DescriptionEn?.Trim() ?? "", aliases, IsPublic ?? false), errors);
    }

    private static void Text(Dictionary<string, BilingualText> errors, string field, string? value, int max, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(value)) errors[field] = new("Ce champ est requis.", "This field is required.");
        else if (value is not null && value.Trim().Length > max) errors[field] = new($"{max} caractères au plus.", $"{max} characters at most.");
    }
}
