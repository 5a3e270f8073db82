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

    public static void RequireText(Dictionary<string, BilingualText> errors, string field, string? value, int max, string fr, string en)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            errors[field] = new($"{fr} : ce champ est obligatoire.", $"{en}: this field is required.");
        else if (trimmed.Length > max)
            errors[field] = new($"{fr} : {max} caractères au plus.", $"{en}: at most {max} characters.");
        else if (!IsPlain(trimmed))
            errors[field] = new($"{fr} : les caractères < > et les caractères de contrôle ne sont pas permis.",
                $"{en}: the characters < > and control characters are not allowed.");
    }

    public static void OptionalText(Dictionary<string, BilingualText> errors, string field, string? value, int max, string fr, string en)
    {
        if (!string.IsNullOrWhiteSpace(value)) RequireText(errors, field, value, max, fr, en);
    }

    /// <summary>No markup and no control characters: names are shown exactly, never as HTML.</summary>
    public static bool IsPlain(string value) =>
        !value.Any(c => c is '<' or '>' || (char.IsControl(c) && c is not '\n' and not '\r' and not '\t'));

    public static Dictionary<string, BilingualText> CheckRegistration(WorkshopsApi.RegisterRequest r)
    {
        var errors = new Dictionary<string, BilingualText>();
        if (!string.IsNullOrEmpty(r.Website))
            errors["website"] = new("Ce formulaire n'a pas pu être accepté.", "This form could not be accepted.");
        RequireText(errors, "organisation", r.Organisation, MaxName, "Entreprise", "Organisation");
        RequireText(errors, "contactName", r.ContactName, MaxName, "Personne-ressource", "Contact name");
        RequireText(errors, "sector", r.Sector, MaxSector, "Secteur", "Sector");
        if (!EmailAddress.IsValid(r.Email))
            errors["email"] = new("Entrez une adresse courriel valide (ex. nom@entreprise.ca).", "Enter a valid email address (e.g. name@company.ca).");
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

    public static Dictionary<string, BilingualText> CheckSeats(int? seats)
    {
        var errors = new Dictionary<string, BilingualText>();
        if (seats is not (>= 1 and <= WorkshopSessionGrain.MaxSeatsPerRegistration))
            errors["seats"] = new($"Places : de 1 à {WorkshopSessionGrain.MaxSeatsPerRegistration}.",
                $"Seats: from 1 to {WorkshopSessionGrain.MaxSeatsPerRegistration}.");
        return errors;
    }

    public static Dictionary<string, BilingualText> CheckWorkshop(WorkshopsApi.CreateWorkshopRequest r)
    {
        var errors = new Dictionary<string, BilingualText>();
        RequireText(errors, "titleFr", r.TitleFr, MaxTitle, "Titre (français)", "Title (French)");
        RequireText(errors, "titleEn", r.TitleEn, MaxTitle, "Titre (anglais)", "Title (English)");
        OptionalText(errors, "descriptionFr", r.DescriptionFr, MaxDescription, "Description (français)", "Description (French)");
        OptionalText(errors, "descriptionEn", r.DescriptionEn, MaxDescription, "Description (anglais)", "Description (English)");
        OptionalText(errors, "place", r.Place, MaxPlace, "Lieu", "Place");
        if (!string.IsNullOrWhiteSpace(r.OnlineLink) &&
            (r.OnlineLink.Length > MaxLink || !Uri.TryCreate(r.OnlineLink.Trim(), UriKind.Absolute, out var link) || link.Scheme != Uri.UriSchemeHttps))
            errors["onlineLink"] = new("Lien en ligne : une adresse https:// valide.", "Online link: a valid https:// address.");
        if (string.IsNullOrWhiteSpace(r.Place) && string.IsNullOrWhiteSpace(r.OnlineLink))
            errors["place"] = new("Indiquez un lieu ou un lien en ligne.", "Give a place or an online link.");
        if (r.StartsAt is null || r.EndsAt is null || r.EndsAt <= r.StartsAt)
            errors["endsAt"] = new("Indiquez un début et une fin, la fin après le début.", "Give a start and an end, the end after the start.");
        if (r.Capacity is not (>= 1 and <= WorkshopSessionGrain.MaxCapacity))
            errors["capacity"] = new($"Capacité : de 1 à {WorkshopSessionGrain.MaxCapacity} places.", $"Capacity: from 1 to {WorkshopSessionGrain.MaxCapacity} seats.");
        if (r.RegistrationOpensAt is not null && r.RegistrationClosesAt is not null && r.RegistrationClosesAt <= r.RegistrationOpensAt)
            errors["registrationClosesAt"] = new("La fin des inscriptions doit suivre leur ouverture.", "Registration must close after it opens.");
        return errors;
    }
}
