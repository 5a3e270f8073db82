using System.Globalization;
using System.Text;

namespace Collaboration.Grains.Colloque;

/// <summary>Folds text for search: no accents, lower case, one space between words ("TREMBLAY-Côté" → "tremblay cote").</summary>
public static class NameFolding
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0) builder.Append(' ');
                pendingSpace = false;
                builder.Append(c switch { 'æ' or 'Æ' => "ae", 'œ' or 'Œ' => "oe", 'ß' => "ss", _ => char.ToLowerInvariant(c).ToString() });
            }
            else
            {
                pendingSpace = true;
            }
        }
        return builder.ToString();
    }
}
