namespace Collaboration.Web.Platform;

/// <summary>
/// The spam trap of every public form (<c>website</c>, rendered by <c>Pages/Shared/_SpamTrap.cshtml</c>, hidden by one
/// rule in <c>app.css</c>): only robots fill it. A person who still meets it (styles off, an over-eager autofill)
/// is told what to do rather than just refused.
/// </summary>
public static class SpamTrap
{
    public const string Field = "website";

    public static readonly BilingualText Refusal = new(
        "Le champ « Laissez ce champ vide » a été rempli (souvent par le remplissage automatique du navigateur) : videz-le, puis envoyez le formulaire de nouveau.",
        "The field \"Leave this field empty\" was filled in (often by the browser's autofill): empty it, then send the form again.");

    public static void Check(Dictionary<string, BilingualText> errors, string? value)
    {
        if (!string.IsNullOrEmpty(value)) errors[Field] = Refusal;
    }
}
