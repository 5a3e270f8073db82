namespace Collaboration.Grains.Colloque;

/// <summary>One of an attendee's breakout choices, as their email lists it.</summary>
[GenerateSerializer, Immutable]
public sealed record BreakoutNotice(string TitleFr, string TitleEn, string Room, DateTimeOffset StartsAt, DateTimeOffset EndsAt, ChoiceStatus Status, int? Position);
