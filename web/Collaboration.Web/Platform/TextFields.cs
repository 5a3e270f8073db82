namespace Collaboration.Web.Platform;

/// <summary>Checks of what people type (required, length, no markup), with the French and English messages they read.</summary>
public static class TextFields
{
    public static void Require(Dictionary<string, BilingualText> errors, string field, string? value, int max, string fr, string en)
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

    public static void Optional(Dictionary<string, BilingualText> errors, string field, string? value, int max, string fr, string en)
    {
        if (!string.IsNullOrWhiteSpace(value)) Require(errors, field, value, max, fr, en);
    }

    /// <summary>No markup and no control characters: names are shown exactly, never as HTML.</summary>
    public static bool IsPlain(string value) =>
        !value.Any(c => c is '<' or '>' || (char.IsControl(c) && c is not '\n' and not '\r' and not '\t'));
}
