using Collaboration.Grains.Workshops;
using Collaboration.Web.Accounts;
using Collaboration.Web.Platform;

namespace Collaboration.Web.Workshops;

/// <summary>Checks of what people type, with the French and English messages they read.</summary>
public static class WorkshopInput
{
    public const int MaxName = 150;
    public const int MaxSector = 80;
    public const int MaxPhone = 30;
    public const int MaxTitle = 150;
    public const int MaxDescription = 4000;
    public const int MaxPlace = 200;
    public const int MaxLink = 500;

    public static Dictionary<string, BilingualText> CheckRegistration(WorkshopsApi.RegisterRequest r)
    {
        var errors = new Dictionary<string, BilingualText>();
        SpamTrap.Check(errors, r.Website);
        TextFields.Require(errors, "organisation", r.Organisation, MaxName, "Entreprise", "Organisation");
        TextFields.Require(errors, "contactName", r.ContactName, MaxName, "Personne-ressource", "Contact name");
        TextFields.Require(errors, "sector", r.Sector, MaxSector, "Secteur", "Sector");
        CheckEmail(errors, r.Email);
        if (!string.IsNullOrWhiteSpace(r.Phone) &&
            (r.Phone.Trim().Length > MaxPhone || !r.Phone.Trim().All(c => char.IsAsciiDigit(c) || " +-().#x".Contains(c))))
            errors["phone"] = new("Téléphone : chiffres, espaces et + - ( ) seulement, 30 caractères au plus.",
                "Phone: digits, spaces and + - ( ) only, at most 30 characters.");
        if (r.Seats is not (>= 1 and <= WorkshopSessionGrain.MaxSeatsPerRegistration))
            errors["seats"] = new($"Places : de 1 à {WorkshopSessionGrain.MaxSeatsPerRegistration}.",
                $"Seats: from 1 to {WorkshopSessionGrain.MaxSeatsPerRegistration}.");
        if (r.Consent != true)
            errors["consent"] = new("Acceptez l'utilisation de vos renseignements pour cet atelier.",
                "Accept the use of your information for this workshop.");
        return errors;
    }

    public static Dictionary<string, BilingualText> CheckManageLinkRequest(WorkshopsApi.ManageLinkRequest r)
    {
        var errors = new Dictionary<string, BilingualText>();
        CheckEmail(errors, r.Email);
        return errors;
    }

    private static void CheckEmail(Dictionary<string, BilingualText> errors, string? email)
    {
        if (EmailAddress.Refusal(email) is { } refusal) errors["email"] = refusal;
    }

    public static Dictionary<string, BilingualText> CheckSeats(int? seats)
    {
        var errors = new Dictionary<string, BilingualText>();
        if (seats is not (>= 1 and <= WorkshopSessionGrain.MaxSeatsPerRegistration))
            errors["seats"] = new($"Places : de 1 à {WorkshopSessionGrain.MaxSeatsPerRegistration}.",
                $"Seats: from 1 to {WorkshopSessionGrain.MaxSeatsPerRegistration}.");
        return errors;
    }

    public static Dictionary<string, BilingualText> CheckWorkshop(WorkshopsApi.CreateWorkshopRequest r, TimeProvider clock)
    {
        var errors = new Dictionary<string, BilingualText>();
        TextFields.Require(errors, "titleFr", r.TitleFr, MaxTitle, "Titre (français)", "Title (French)");
        TextFields.Require(errors, "titleEn", r.TitleEn, MaxTitle, "Titre (anglais)", "Title (English)");
        TextFields.Optional(errors, "descriptionFr", r.DescriptionFr, MaxDescription, "Description (français)", "Description (French)");
        TextFields.Optional(errors, "descriptionEn", r.DescriptionEn, MaxDescription, "Description (anglais)", "Description (English)");
        TextFields.Optional(errors, "place", r.Place, MaxPlace, "Lieu", "Place");
        if (!string.IsNullOrWhiteSpace(r.OnlineLink) &&
            (r.OnlineLink.Length > MaxLink || !Uri.TryCreate(r.OnlineLink.Trim(), UriKind.Absolute, out var link) || link.Scheme != Uri.UriSchemeHttps))
            errors["onlineLink"] = new("Lien en ligne : une adresse https:// valide.", "Online link: a valid https:// address.");
        if (string.IsNullOrWhiteSpace(r.Place) && string.IsNullOrWhiteSpace(r.OnlineLink))
            errors["place"] = new("Indiquez un lieu ou un lien en ligne.", "Give a place or an online link.");
        if (DateInput.Check(errors, "startsAt", r.StartsAt, clock.GetUtcNow()) && DateInput.Check(errors, "endsAt", r.EndsAt, clock.GetUtcNow())
            && (r.StartsAt is null || r.EndsAt is null || r.EndsAt <= r.StartsAt))
            errors["endsAt"] = new("Indiquez un début et une fin, la fin après le début.", "Give a start and an end, the end after the start.");
        if (r.Capacity is not (>= 1 and <= WorkshopSessionGrain.MaxCapacity))
            errors["capacity"] = new($"Capacité : de 1 à {WorkshopSessionGrain.MaxCapacity} places.", $"Capacity: from 1 to {WorkshopSessionGrain.MaxCapacity} seats.");
        if (DateInput.Check(errors, "registrationOpensAt", r.RegistrationOpensAt, clock.GetUtcNow()) && DateInput.Check(errors, "registrationClosesAt", r.RegistrationClosesAt, clock.GetUtcNow())
            && r.RegistrationOpensAt is not null && r.RegistrationClosesAt is not null && r.RegistrationClosesAt <= r.RegistrationOpensAt)
            errors["registrationClosesAt"] = new("La fin des inscriptions doit suivre leur ouverture.", "Registration must close after it opens.");
        return errors;
    }
}
