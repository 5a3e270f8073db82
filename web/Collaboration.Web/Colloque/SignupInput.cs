using Collaboration.Grains.Colloque;
using Collaboration.Web.Accounts;
using Collaboration.Web.Platform;

namespace Collaboration.Web.Colloque;

/// <summary>Checks of the colloque's public form and programme requests, with the French and English messages people read.</summary>
public static class SignupInput
{
    public const int MaxName = 150;
    public const int MaxOrganisation = 150;
    public const int MaxNeeds = 500;
    public const int MaxChoices = 20;
    public const int MaxTitle = 200;
    public const int MaxDescription = 4000;
    public const int MaxRoom = 80;
    public const int MaxSpeakers = 12;
    public const int MaxAnnouncement = 280;
    public const int MaxAddress = 300;

    public sealed record NeedsBody(string? Accessibility, string? Dietary);

    public sealed record SpeakerBody(string? Name, string? Organisation);

    public static Dictionary<string, BilingualText> CheckSignup(SignupsApi.SignupRequestBody r, out AttendeeCategory category, out Mrc? mrc)
    {
        var errors = new Dictionary<string, BilingualText>();
        category = AttendeeCategory.Other;
        SpamTrap.Check(errors, r.Website);
        TextFields.Require(errors, "name", r.Name, MaxName, "Nom", "Name");
        TextFields.Require(errors, "organisation", r.Organisation, MaxOrganisation, "Organisation", "Organisation");
        if (EmailAddress.Refusal(r.Email) is { } refusal) errors["email"] = refusal;
        if (string.IsNullOrWhiteSpace(r.Category))
            errors["category"] = new("Choisissez la catégorie qui vous décrit.", "Choose the category that describes you.");
        else if (!CategorySpellings.TryParse(r.Category, out category))
            errors["category"] = new("Catégorie inconnue : employeur, élu·e, organisme communautaire, institution, MRC ou autre.",
                "Unknown category: employer, elected official, community organisation, institution, MRC or other.");
        if (!MrcSpellings.TryParse(r.Mrc, out mrc) || mrc is null)
            errors["mrc"] = new("Choisissez votre MRC (ou « hors de la région »).", "Choose your MRC (or \"outside the region\").");
        CheckNeeds(errors, r.Needs);
        if (r.Consent != true)
            errors["consent"] = new("Acceptez l'avis de confidentialité pour vous inscrire.", "Accept the privacy notice to register.");
        CheckChoices(errors, r.Choices);
        if (r.Language is not (null or "fr" or "en")) errors["language"] = new("Langue : fr ou en.", "Language: fr or en.");
        return errors;
    }

    public static void CheckNeeds(Dictionary<string, BilingualText> errors, NeedsBody? needs)
    {
        if (needs is null) return;
        TextFields.Optional(errors, "needs.accessibility", needs.Accessibility, MaxNeeds, "Besoins d'accessibilité", "Accessibility needs");
        TextFields.Optional(errors, "needs.dietary", needs.Dietary, MaxNeeds, "Restrictions alimentaires", "Dietary needs");
    }

    public static void CheckChoices(Dictionary<string, BilingualText> errors, IReadOnlyList<Guid>? choices)
    {
        if (choices is null) return;
        if (choices.Count > MaxChoices) errors["choices"] = new($"{MaxChoices} choix au plus.", $"{MaxChoices} choices at most.");
        else if (choices.Distinct().Count() != choices.Count) errors["choices"] = TwoInOneSlot;
    }

    public static AttendeeNeeds? Needs(NeedsBody? needs) => needs is null ? null : new AttendeeNeeds(needs.Accessibility?.Trim() ?? "", needs.Dietary?.Trim() ?? "");

    public static readonly BilingualText TwoInOneSlot = new("Un seul atelier par plage horaire : deux de vos choix ont lieu en même temps.",
        "One atelier per time slot: two of your choices take place at the same time.");

    public static Dictionary<string, BilingualText> CheckSettings(ProgrammeApi.SettingsBody r, TimeProvider clock, out Dictionary<AttendeeCategory, int> quotas)
    {
        var errors = new Dictionary<string, BilingualText>();
        quotas = [];
        if (DateInput.Check(errors, "opensAt", r.OpensAt, clock.GetUtcNow()) && DateInput.Check(errors, "closesAt", r.ClosesAt, clock.GetUtcNow())
            && (r.OpensAt is null || r.ClosesAt is null || r.ClosesAt <= r.OpensAt))
            errors["closesAt"] = new("Indiquez l'ouverture et la fermeture des inscriptions, la fermeture après l'ouverture.",
                "Give when registration opens and closes, closing after opening.");
        if (r.TotalCapacity is not null and not (>= 0 and <= ColloqueSignupsGrain.MaxCapacity))
            errors["totalCapacity"] = new($"Capacité totale : de 0 à {ColloqueSignupsGrain.MaxCapacity}.", $"Total capacity: from 0 to {ColloqueSignupsGrain.MaxCapacity}.");
        if (r.WaitlistCapacity is not null and not (>= 0 and <= ColloqueSignupsGrain.MaxCapacity))
            errors["waitlistCapacity"] = new($"Liste d'attente : de 0 à {ColloqueSignupsGrain.MaxCapacity} personnes.", $"Waiting list: from 0 to {ColloqueSignupsGrain.MaxCapacity} people.");
        foreach (var (name, capacity) in r.CategoryCapacity ?? [])
        {
            if (!CategorySpellings.TryParse(name, out var category) || string.IsNullOrWhiteSpace(name))
                errors[$"categoryCapacity.{name}"] = new($"Catégorie inconnue : « {name} ».", $"Unknown category: \"{name}\".");
            else if (capacity is < 0 or > ColloqueSignupsGrain.MaxCapacity)
                errors[$"categoryCapacity.{name}"] = new($"Quota : de 0 à {ColloqueSignupsGrain.MaxCapacity}.", $"Quota: from 0 to {ColloqueSignupsGrain.MaxCapacity}.");
            else quotas[category] = capacity;
        }
        TextFields.Optional(errors, "venueAddress", r.VenueAddress, MaxAddress, "Adresse", "Address");
        return errors;
    }

    public static Dictionary<string, BilingualText> CheckSession(ProgrammeApi.SessionBody r, TimeProvider clock, out SessionKind kind)
    {
        var errors = new Dictionary<string, BilingualText>();
        TextFields.Require(errors, "titleFr", r.TitleFr, MaxTitle, "Titre (français)", "Title (French)");
        TextFields.Require(errors, "titleEn", r.TitleEn, MaxTitle, "Titre (anglais)", "Title (English)");
        TextFields.Optional(errors, "descriptionFr", r.DescriptionFr, MaxDescription, "Description (français)", "Description (French)");
        TextFields.Optional(errors, "descriptionEn", r.DescriptionEn, MaxDescription, "Description (anglais)", "Description (English)");
        TextFields.Require(errors, "room", r.Room, MaxRoom, "Salle", "Room");
        if (!SessionKindSpellings.TryParseKind(r.Kind, out kind))
            errors["kind"] = new("Type : plénière, panel ou atelier.", "Kind: plenary, panel or atelier.");
        if (DateInput.Check(errors, "startsAt", r.StartsAt, clock.GetUtcNow()) && DateInput.Check(errors, "endsAt", r.EndsAt, clock.GetUtcNow())
            && (r.StartsAt is null || r.EndsAt is null || r.EndsAt <= r.StartsAt))
            errors["endsAt"] = new("Indiquez un début et une fin, la fin après le début.", "Give a start and an end, the end after the start.");
        if (r.Capacity is not null and not (>= 1 and <= ColloqueSignupsGrain.MaxCapacity))
            errors["capacity"] = new($"Capacité : de 1 à {ColloqueSignupsGrain.MaxCapacity} places, ou aucune.", $"Capacity: from 1 to {ColloqueSignupsGrain.MaxCapacity} seats, or none.");
        var speakers = r.Speakers ?? [];
        if (speakers.Count > MaxSpeakers) errors["speakers"] = new($"{MaxSpeakers} personnes au plus.", $"{MaxSpeakers} speakers at most.");
        for (var i = 0; i < Math.Min(speakers.Count, MaxSpeakers); i++)
        {
            TextFields.Require(errors, $"speakers[{i}].name", speakers[i].Name, MaxName, "Nom de la personne", "Speaker's name");
            TextFields.Optional(errors, $"speakers[{i}].organisation", speakers[i].Organisation, MaxOrganisation, "Organisation de la personne", "Speaker's organisation");
        }
        return errors;
    }
}
