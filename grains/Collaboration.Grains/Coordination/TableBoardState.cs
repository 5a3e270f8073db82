using Collaboration.Grains.Live;

namespace Collaboration.Grains.Coordination;

[GenerateSerializer]
public sealed class TableBoardState : ILiveState
{
    [Id(0)] public LiveLog Live { get; set; } = new();

    /// <summary>The last snapshot received from each meeting of the table.</summary>
    [Id(1)] public Dictionary<Guid, MeetingActionItems> Meetings { get; set; } = [];
}
