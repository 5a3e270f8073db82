using System.Globalization;
using System.Text;
using Collaboration.Grains.Colloque;
using Collaboration.Web.Accounts;
using Collaboration.Web.Platform;
using CsvHelper;
using CsvHelper.Configuration;

namespace Collaboration.Web.Colloque;

/// <summary>
/// Reads an attendee list as a spreadsheet exports it: UTF-8 (with or without BOM) or
/// Windows-1252, comma, semicolon or tab separated, French or English column names. Each data
/// line is either a valid attendee or a list of errors with its line number (the spreadsheet's
/// row: the header is line 1).
/// </summary>
public static class AttendeeImport
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 20_000;
    public const int MaxFieldLength = 200;

    static AttendeeImport() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private enum Column { Name, FirstName, LastName, Organisation, Category, Email, Mrc }

    private static readonly Dictionary<string, Column> HeaderNames = new(StringComparer.Ordinal)
    {
        ["nom"] = Column.LastName, ["nom de famille"] = Column.LastName, ["last name"] = Column.LastName, ["lastname"] = Column.LastName,
        ["surname"] = Column.LastName,
        ["nom complet"] = Column.Name, ["name"] = Column.Name, ["full name"] = Column.Name, ["participant"] = Column.Name,
        ["participante"] = Column.Name, ["personne"] = Column.Name,
        ["prenom"] = Column.FirstName, ["first name"] = Column.FirstName, ["firstname"] = Column.FirstName,
        ["organisation"] = Column.Organisation, ["organisme"] = Column.Organisation, ["organization"] = Column.Organisation,
        ["entreprise"] = Column.Organisation, ["employeur"] = Column.Organisation,
        ["categorie"] = Column.Category, ["category"] = Column.Category, ["type"] = Column.Category,
        ["courriel"] = Column.Email, ["email"] = Column.Email, ["e mail"] = Column.Email, ["adresse courriel"] = Column.Email,
        ["mail"] = Column.Email,
        ["mrc"] = Column.Mrc, ["municipalite regionale de comte"] = Column.Mrc, ["territoire"] = Column.Mrc,
    };

    public sealed record Row(int Line, AttendeeDetails Details);

    public sealed record LineError(int Line, IReadOnlyList<BilingualText> Messages);

    public sealed record Result(IReadOnlyList<Row> Rows, IReadOnlyList<LineError> Errors, string Encoding, char Delimiter)
    {
        public int Total => Rows.Count + Errors.Count;
    }

    public static Result Parse(byte[] content)
    {
        var (text, encoding) = Decode(content);
        var delimiter = GuessDelimiter(text);
        var rows = new List<Row>();
        var errors = new List<LineError>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter.ToString(),
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            TrimOptions = TrimOptions.Trim,
        };
        using var reader = new StringReader(text);
        using var csv = new CsvReader(reader, config);
        if (!csv.Read())
            return new([], [new(1, [new("Le fichier est vide.", "The file is empty.")])], encoding, delimiter);
        csv.ReadHeader();
        var columns = new Dictionary<Column, int>();
        var header = csv.HeaderRecord ?? [];
        for (var i = 0; i < header.Length; i++)
            if (HeaderNames.TryGetValue(NameFolding.Fold(header[i]), out var column)) columns.TryAdd(column, i);
        // "Nom" alone (no first name column) is the full name.
        if (columns.ContainsKey(Column.LastName) && !columns.ContainsKey(Column.FirstName) && !columns.ContainsKey(Column.Name))
        {
            columns[Column.Name] = columns[Column.LastName];
            columns.Remove(Column.LastName);
        }
        if (!columns.ContainsKey(Column.Name) && !columns.ContainsKey(Column.LastName) && !columns.ContainsKey(Column.FirstName))
            return new([], [new(1, [new(
                "Aucune colonne de nom : la première ligne doit nommer les colonnes (Nom, Prénom, Organisation, Catégorie, Courriel).",
                "No name column: the first line must name the columns (Name, First name, Organisation, Category, Email).")])],
                encoding, delimiter);

        while (csv.Read())
        {
            var line = csv.Parser.Row;
            string Field(Column column) => columns.TryGetValue(column, out var index) && index < csv.Parser.Count
                ? (csv.GetField(index) ?? "").Trim() : "";
            var name = Field(Column.Name);
            if (name.Length == 0) name = $"{Field(Column.FirstName)} {Field(Column.LastName)}".Trim();
            var organisation = Field(Column.Organisation);
            var categoryText = Field(Column.Category);
            var email = Field(Column.Email);
            var mrcText = Field(Column.Mrc);
            if (name.Length == 0 && organisation.Length == 0 && categoryText.Length == 0 && email.Length == 0 && mrcText.Length == 0) continue; // blank line
            if (rows.Count + errors.Count >= MaxRows)
            {
                errors.Add(new(line, [new($"Plus de {MaxRows} lignes : le reste est ignoré.", $"More than {MaxRows} lines: the rest is ignored.")]));
                break;
            }

            var messages = new List<BilingualText>();
            if (name.Length == 0) messages.Add(new("Le nom manque.", "The name is missing."));
            if (name.Length > MaxFieldLength || organisation.Length > MaxFieldLength)
                messages.Add(new($"Nom ou organisation trop long ({MaxFieldLength} caractères au plus).", $"Name or organisation too long ({MaxFieldLength} characters at most)."));
            if (!CategoryNames.TryParse(categoryText, out var category))
                messages.Add(new($"Catégorie inconnue « {categoryText} » (employeur, élu·e, organisme communautaire, institution, MRC, autre).",
                    $"Unknown category \"{categoryText}\" (employer, elected official, community organisation, institution, MRC, other)."));
            if (email.Length > 0 && !EmailAddress.IsValid(email))
                messages.Add(new($"Courriel invalide « {email} ».", $"Invalid email \"{email}\"."));
            if (!MrcNames.TryParse(mrcText, out var mrc))
                messages.Add(new($"MRC inconnue « {mrcText} » (D'Autray, Joliette, L'Assomption, Matawinie, Montcalm, Les Moulins, hors région).",
                    $"Unknown MRC \"{mrcText}\" (D'Autray, Joliette, L'Assomption, Matawinie, Montcalm, Les Moulins, outside the region)."));
            if (messages.Count > 0) errors.Add(new(line, messages));
            else rows.Add(new(line, new AttendeeDetails(name, organisation, category, email.Length > 0 ? EmailAddress.Normalize(email) : "", mrc)));
        }
        return new(rows, errors, encoding, delimiter);
    }

    private static (string Text, string Encoding) Decode(byte[] content)
    {
        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content);
            return (text.TrimStart('\uFEFF'), "utf-8");
        }
        catch (DecoderFallbackException)
        {
            return (Encoding.GetEncoding(1252).GetString(content), "windows-1252");
        }
    }

    private static char GuessDelimiter(string text)
    {
        var end = text.IndexOf('\n');
        var first = end < 0 ? text : text[..end];
        var candidates = new[] { ';', ',', '\t' };
        return candidates.OrderByDescending(c => first.Count(x => x == c)).First();
    }
}
