using System.Globalization;
using System.Text;
using Collaboration.Grains.Colloque;
using Collaboration.Web.Accounts;
using Collaboration.Web.Platform;
using CsvHelper;
using CsvHelper.Configuration;

namespace Collaboration.Web.Colloque;

/// <summary>
/// Reads an attendee list as a spreadsheet exports it: UTF-16 (with its BOM), UTF-8 (with or
/// without BOM) or Windows-1252, comma, semicolon or tab separated, French or English column names. Each data
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
        // One physical line is one attendee: a quote left open is an error of its line, never a
        // name that swallows the rest of the file (no attendee field may hold a line break anyway).
        var lines = text.Split(["\r\n", "\n", "\r"], StringSplitOptions.None);
        var headerIndex = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (headerIndex < 0)
            return new([], [new(1, [new("Le fichier est vide.", "The file is empty.")])], encoding, delimiter);
        var header = SplitLine(lines[headerIndex], delimiter) ?? [];
        var columns = new Dictionary<Column, int>();
        for (var i = 0; i < header.Length; i++)
            if (HeaderNames.TryGetValue(NameFolding.Fold(header[i].Trim()), out var column)) columns.TryAdd(column, i);
        // "Nom" alone (no first name column) is the full name.
        if (columns.ContainsKey(Column.LastName) && !columns.ContainsKey(Column.FirstName) && !columns.ContainsKey(Column.Name))
        {
            columns[Column.Name] = columns[Column.LastName];
            columns.Remove(Column.LastName);
        }
        if (!columns.ContainsKey(Column.Name) && !columns.ContainsKey(Column.LastName) && !columns.ContainsKey(Column.FirstName))
            return new([], [new(headerIndex + 1, [new(
                "Aucune colonne de nom : la première ligne doit nommer les colonnes (Nom, Prénom, Organisation, Catégorie, Courriel).",
                "No name column: the first line must name the columns (Name, First name, Organisation, Category, Email).")])],
                encoding, delimiter);

        for (var index = headerIndex + 1; index < lines.Length; index++)
        {
            var raw = lines[index];
            var line = index + 1;
            if (raw.Trim().Length == 0 || raw.Trim().All(c => c == delimiter)) continue; // blank line
            if (rows.Count + errors.Count >= MaxRows)
            {
                errors.Add(new(line, [new($"Plus de {MaxRows} lignes : le reste est ignoré.", $"More than {MaxRows} lines: the rest is ignored.")]));
                break;
            }
            if (SplitLine(raw, delimiter) is not { } fields)
            {
                errors.Add(new(line, [new("Guillemet non fermé sur cette ligne.", "Unclosed quote on this line.")]));
                continue;
            }
            if (fields.Length == 1 && header.Length > 1 && OtherDelimiter(raw, delimiter) is { } other)
            {
                errors.Add(new(line, [new($"Cette ligne est séparée par « {Show(other)} », le fichier par « {Show(delimiter)} ».",
                    $"This line is separated by \"{Show(other)}\", the file by \"{Show(delimiter)}\".")]));
                continue;
            }

            var messages = new List<BilingualText>();
            string Field(Column column)
            {
                if (!columns.TryGetValue(column, out var i) || i >= fields.Length) return "";
                if (Platform.Input.TextInput.Clean(fields[i], Platform.Input.TextKind.SingleLine) is { } clean) return clean;
                messages.Add(Platform.Input.TextInput.ControlCharacterMessage);
                return "";
            }
            var name = Field(Column.Name);
            if (name.Length == 0) name = $"{Field(Column.FirstName)} {Field(Column.LastName)}".Trim();
            var organisation = Field(Column.Organisation);
            var categoryText = Field(Column.Category);
            var email = Field(Column.Email);
            var mrcText = Field(Column.Mrc);
            if (messages.Count > 0)
            {
                errors.Add(new(line, messages.Distinct().ToList()));
                continue;
            }
            if (name.Length == 0 && organisation.Length == 0 && categoryText.Length == 0 && email.Length == 0 && mrcText.Length == 0) continue; // blank line

            if (name.Length == 0) messages.Add(new("Le nom manque.", "The name is missing."));
            if (name.Length > MaxFieldLength || organisation.Length > MaxFieldLength)
                messages.Add(new($"Nom ou organisation trop long ({MaxFieldLength} caractères au plus).", $"Name or organisation too long ({MaxFieldLength} characters at most)."));
            if (!CategorySpellings.TryParse(categoryText, out var category))
                messages.Add(new($"Catégorie inconnue « {categoryText} » (employeur, élu·e, organisme communautaire, institution, MRC, autre).",
                    $"Unknown category \"{categoryText}\" (employer, elected official, community organisation, institution, MRC, other)."));
            if (email.Length > 0 && !EmailAddress.IsValid(email))
                messages.Add(new($"Courriel invalide « {email} ».", $"Invalid email \"{email}\"."));
            if (!MrcSpellings.TryParse(mrcText, out var mrc))
                messages.Add(new($"MRC inconnue « {mrcText} » (D'Autray, Joliette, L'Assomption, Matawinie, Montcalm, Les Moulins, hors région).",
                    $"Unknown MRC \"{mrcText}\" (D'Autray, Joliette, L'Assomption, Matawinie, Montcalm, Les Moulins, outside the region)."));
            if (messages.Count > 0) errors.Add(new(line, messages));
            else rows.Add(new(line, new AttendeeDetails(name, organisation, category, email.Length > 0 ? EmailAddress.Normalize(email) : "", mrc)));
        }
        return new(rows, errors, encoding, delimiter);
    }

    /// <summary>The fields of one line (RFC 4180 quoting, through CsvHelper); null when a quote is left open.</summary>
    private static string[]? SplitLine(string line, char delimiter)
    {
        if (line.Count(c => c == '"') % 2 != 0) return null;
        using var parser = new CsvParser(new StringReader(line), new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter.ToString(),
            BadDataFound = null,
        });
        return parser.Read() ? parser.Record : [];
    }

    private static char? OtherDelimiter(string line, char delimiter) =>
        Delimiters.Where(c => c != delimiter && line.Contains(c)).Cast<char?>().FirstOrDefault();

    private static string Show(char delimiter) => delimiter == '\t' ? "tab" : delimiter.ToString();

    private static readonly char[] Delimiters = [';', ',', '\t'];

    /// <summary>
    /// UTF-16 when it starts with its byte-order mark; UTF-8 with or without BOM when the bytes are
    /// valid UTF-8; otherwise Windows-1252 (what Excel for Windows saves as "CSV").
    /// </summary>
    private static (string Text, string Encoding) Decode(byte[] content)
    {
        if (content is [0xFF, 0xFE, ..]) return (Encoding.Unicode.GetString(content, 2, content.Length - 2), "utf-16");
        if (content is [0xFE, 0xFF, ..]) return (Encoding.BigEndianUnicode.GetString(content, 2, content.Length - 2), "utf-16be");
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
        return Delimiters.OrderByDescending(c => first.Count(x => x == c)).First();
    }
}
