namespace Collaboration.Grains.Colloque;

/// <summary>One line of the organiser's list: the person and the key that finds them again (a hash of the email, or of name + organisation).</summary>
[GenerateSerializer, Immutable]
public sealed record ImportedAttendee(AttendeeDetails Details, string MatchKey);
