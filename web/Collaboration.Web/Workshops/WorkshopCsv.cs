using System.Globalization;
using System.Text;
using Collaboration.Grains.Workshops;
using CsvHelper;
using CsvHelper.Configuration;

namespace Collaboration.Web.Workshops;

/// <summary>The registrant list as CSV (UTF-8 with BOM for spreadsheet programs; formula injection escaped).</summary>
public static class WorkshopCsv
{
    public static byte[] Build(IReadOnlyList<RegistrantView> registrants)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape }))
        {
            foreach (var header in new[] { "code", "statut/status", "position", "entreprise/organisation", "contact", "courriel/email",
                         "téléphone/phone", "places/seats", "secteur/sector", "inscrit le/registered at", "présence/attended" })
                csv.WriteField(header);
            csv.NextRecord();
            foreach (var r in registrants)
            {
                csv.WriteField(RegistrationIds.Display(r.Code));
                csv.WriteField(r.Status.ToString().ToLowerInvariant());
                csv.WriteField(r.Position?.ToString(CultureInfo.InvariantCulture) ?? "");
                csv.WriteField(r.Organisation);
                csv.WriteField(r.ContactName);
                csv.WriteField(r.Email);
                csv.WriteField(r.Phone ?? "");
                csv.WriteField(r.Seats);
                csv.WriteField(r.Sector);
                csv.WriteField(r.RegisteredAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                csv.WriteField(r.Attended switch { true => "oui/yes", false => "non/no", null => "" });
                csv.NextRecord();
            }
        }
        return buffer.ToArray();
    }
}
