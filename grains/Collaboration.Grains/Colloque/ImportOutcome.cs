namespace Collaboration.Grains.Colloque;

/// <summary>A line of the organiser's list: the attendee's code, and whether they were new.</summary>
[GenerateSerializer, Immutable]
public sealed record ImportOutcome(string Code, bool Created);
