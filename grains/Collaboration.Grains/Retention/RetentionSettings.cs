namespace Collaboration.Grains.Retention;

/// <summary>How long each kind of personal data is kept, in months after its event (Law 25: no longer than needed).</summary>
[GenerateSerializer, Immutable]
public sealed record RetentionSettings(
    [property: Id(0)] int WorkshopRegistrationsMonths = 24,
    [property: Id(1)] int ColloqueRegistrationsMonths = 24,
    [property: Id(2)] int EvaluationLinksMonths = 6)
{
    public const int MaxMonths = 120;

    public bool IsValid => new[] { WorkshopRegistrationsMonths, ColloqueRegistrationsMonths, EvaluationLinksMonths }.All(m => m is >= 1 and <= MaxMonths);
}
