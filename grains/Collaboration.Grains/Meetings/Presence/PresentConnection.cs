namespace Collaboration.Grains.Meetings.Presence;

/// <summary>One hub connection (a browser tab, a phone) that has the meeting open, and whose it is.</summary>
[GenerateSerializer, Immutable, Alias("present-connection")]
public sealed record PresentConnection(
    [property: Id(0)] string ConnectionId,
    [property: Id(1)] PresentPerson Person);
