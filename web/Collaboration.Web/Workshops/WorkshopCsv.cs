using System.Globalization;
using Collaboration.Grains.Workshops;
using Collaboration.Web.Platform;

namespace Collaboration.Web.Workshops;

/// <summary>The registrant list as CSV, through the one export writer (<see cref="CsvExport"/>).</summary>
public static class WorkshopCsv
{
    private static readonly string[] Headers = ["code", "statut/status", "position", "entreprise/organisation", "contact", "courriel/email",
        "téléphone/phone", "places/seats", "secteur/sector", "inscrit le/registered at", "présence/attended"];

    public static byte[] Build(IReadOnlyList<RegistrantView> registrants) => CsvExport.Build(Headers, registrants.Select(r => new[]
    {
        RegistrationIds.Display(r.Code),
        r.Status.ToString().ToLowerInvariant(),
        r.Position?.ToString(CultureInfo.InvariantCulture) ?? "",
        r.Organisation,
        r.ContactName,
        r.Email,
        r.Phone ?? "",
        r.Seats.ToString(CultureInfo.InvariantCulture),
        r.Sector,
        r.RegisteredAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        r.Attended switch { true => "oui/yes", false => "non/no", null => "" },
    }));
}
