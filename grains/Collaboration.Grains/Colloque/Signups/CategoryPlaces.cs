namespace Collaboration.Grains.Colloque;

/// <summary>Places of one category. <see cref="Left"/> is what a newcomer can get now (null: no limit at all).</summary>
[GenerateSerializer, Immutable]
public sealed record CategoryPlaces(AttendeeCategory Category, int? Capacity, int Confirmed, int Waitlisted, int? Left);
