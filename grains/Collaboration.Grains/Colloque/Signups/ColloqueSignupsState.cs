using Collaboration.Grains.Live;

namespace Collaboration.Grains.Colloque;

[GenerateSerializer]
public sealed class ColloqueSignupsState : ILiveState
{
    [Id(0)] public LiveLog Live { get; set; } = new();
    [Id(1)] public RegistrationSettings? Settings { get; set; }

    /// <summary>The programme, ordered by start time.</summary>
    [Id(2)] public List<ProgrammeSession> Sessions { get; set; } = [];

    /// <summary>Every attendee, in arrival order (ascending <see cref="SignupEntry.Sequence"/>, reinstated ones moved to the end).</summary>
    [Id(3)] public List<SignupEntry> Signups { get; set; } = [];
    [Id(4)] public long LastSequence { get; set; }

    /// <summary>Rooms whose "now" the organiser or a desk set; the others follow the timetable.</summary>
    [Id(5)] public Dictionary<string, RoomNow> RoomNow { get; set; } = [];
    [Id(6)] public Announcement? Announcement { get; set; }

    /// <summary>
    /// Codes whose registration must still be told its place (decided or promoted), with the
    /// number of the latest change to tell: written with the decision, removed once told (the
    /// outbox pattern), re-driven after each commit and on activation.
    /// </summary>
    [Id(7)] public Dictionary<string, long> ToTell { get; set; } = [];
    [Id(8)] public long LastTell { get; set; }

    /// <summary>
    /// Self-registrations not yet in the colloque's directory (the desks' name search), by code: recorded in the
    /// write that gives the place, sent to the directory in one call per write, dropped once it has them.
    /// </summary>
    [Id(9)] public Dictionary<string, DirectoryEntry> PendingListings { get; set; } = [];
}
