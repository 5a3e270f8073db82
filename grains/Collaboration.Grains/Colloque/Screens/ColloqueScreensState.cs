using Collaboration.Grains.Live;

namespace Collaboration.Grains.Colloque;

[GenerateSerializer]
public sealed class ColloqueScreensState : ILiveState
{
    [Id(0)] public LiveLog Live { get; set; } = new();

    /// <summary>The signups grain's version of the programme copied below (a ShowProgramme at or below it changes nothing).</summary>
    [Id(1)] public long ProgrammeVersion { get; set; }

    /// <summary>The programme's sessions, ordered by start time, as the signups grain last showed them.</summary>
    [Id(2)] public List<ScreenSession> Sessions { get; set; } = [];

    /// <summary>Rooms whose "now" the organiser or a desk set; the others follow the timetable.</summary>
    [Id(3)] public Dictionary<string, RoomNow> RoomNow { get; set; } = [];

    [Id(4)] public Announcement? Announcement { get; set; }
}
