namespace Collaboration.Grains.Colloque;

/// <summary>What every room screen shows besides the programme: the rooms of the programme, the "now" set by hand, the announcement.</summary>
[GenerateSerializer, Immutable]
public sealed record ScreensView(IReadOnlyList<string> Rooms, IReadOnlyList<RoomNow> RoomNow, Announcement? Announcement, long Version);
