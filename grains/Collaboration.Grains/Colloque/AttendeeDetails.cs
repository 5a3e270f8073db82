namespace Collaboration.Grains.Colloque;

/// <summary>The personal fields of a registration. Email may be empty (walk-ins, lists without it); the MRC may be unknown.</summary>
[GenerateSerializer, Immutable]
public sealed record AttendeeDetails(string Name, string Organisation, AttendeeCategory Category, string Email, Mrc? Mrc = null);
