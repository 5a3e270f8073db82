namespace Collaboration.Grains.Colloque;

/// <summary>Accessibility and dietary needs an attendee chose to tell: for the organisers only, never desks or the public.</summary>
[GenerateSerializer, Immutable]
public sealed record AttendeeNeeds(string Accessibility, string Dietary)
{
    public bool IsEmpty => Accessibility.Length == 0 && Dietary.Length == 0;
}
