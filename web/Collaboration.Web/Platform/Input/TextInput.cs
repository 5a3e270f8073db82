using System.Text;

namespace Collaboration.Web.Platform.Input;

/// <summary>
/// The one text policy of the API: every string that comes in (JSON fields, stored query and route
/// values, imported CSV cells) is normalised to NFC, trimmed, and refused when it holds a C0 or
/// C1 control character (U+0000–U+001F, U+007F–U+009F) — tab and newline only in multi-line
/// fields — a Unicode non-character (U+FDD0–U+FDEF, U+FFFE, U+FFFF and their kin in every plane)
/// or a lone surrogate. A NUL byte never reaches storage (PostgreSQL refuses it in text and the
/// failed write would cost the caller a 503); the other two make .NET's normalisation throw.
/// </summary>
public static class TextInput
{
    /// <summary>Field names (JSON, lower-case) that hold several lines; declared once, here.</summary>
    private static readonly string[] MultiLineNames = ["notes", "description", "text", "message", "body", "comment", "minutes"];

    public static readonly BilingualText ControlCharacterMessage = new(
        "Ce champ contient un caractère de contrôle ou un caractère Unicode invalide (caractère invisible) : retirez-le.",
        "This field holds a control character or an invalid Unicode character (an invisible character): remove it.");

    public static TextKind KindOf(string jsonName, bool markedMultiLine)
    {
        var name = jsonName.ToLowerInvariant();
        if (name.Contains("password", StringComparison.Ordinal)) return TextKind.Verbatim;
        if (markedMultiLine || MultiLineNames.Any(n => name.Contains(n, StringComparison.Ordinal))) return TextKind.MultiLine;
        return TextKind.SingleLine;
    }

    /// <summary>The cleaned text, or null when it holds a control character it may not.</summary>
    public static string? Clean(string value, TextKind kind)
    {
        if (kind == TextKind.Verbatim) return HasControl(value, allowLines: false) ? null : value;
        if (kind == TextKind.MultiLine && value.Contains('\r')) value = value.Replace("\r\n", "\n").Replace('\r', '\n');
        if (HasControl(value, allowLines: kind == TextKind.MultiLine)) return null;
        if (!value.IsNormalized(NormalizationForm.FormC)) value = value.Normalize(NormalizationForm.FormC);
        return value.Trim();
    }

    /// <summary>A control character (but tab and newline when lines are allowed), a non-character or a lone surrogate.</summary>
    public static bool HasControl(string value, bool allowLines)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) && !(allowLines && c is '\n' or '\t')) return true;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                if (IsNonCharacter(char.ConvertToUtf32(c, value[++i]))) return true;
            }
            else if (char.IsSurrogate(c) || IsNonCharacter(c)) return true;
        }
        return false;
    }

    private static bool IsNonCharacter(int codePoint) => codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
}
