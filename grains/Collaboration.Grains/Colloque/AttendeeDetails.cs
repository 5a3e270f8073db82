namespace Collaboration.Grains.Colloque;

/// <summary>The personal fields of a registration. Email may be empty (walk-ins, lists without it).</summary>
public sealed record AttendeeDetails(string Name, string Organisation, AttendeeCategory Category, string Email);
