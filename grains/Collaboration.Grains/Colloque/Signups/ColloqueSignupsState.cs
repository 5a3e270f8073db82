using Collaboration.Grains.Live;
using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Colloque;

[GenerateSerializer]
public sealed class ColloqueSignupsState : ILiveState, IEffectState
{
    [Id(0)] public LiveLog Live { get; set; } = new();
    [Id(1)] public RegistrationSettings? Settings { get; set; }

    /// <summary>The programme, ordered by start time.</summary>
    [Id(2)] public List<ProgrammeSession> Sessions { get; set; } = [];

    /// <summary>Before <see cref="Attendees"/>: every attendee, rewritten at each write. Moved into it on activation, then empty.</summary>
    [Id(3)] public List<SignupEntry> Signups { get; set; } = [];
    [Id(4)] public long LastSequence { get; set; }

    // Ids 5 and 6 held the room screens' "now" and the announcement, now in ColloqueScreensState: not reused.

    /// <summary>Numbers the notices told to registrations (<see cref="PlaceNotice.Sequence"/>).</summary>
    [Id(8)] public long LastTell { get; set; }

    /// <summary>
    /// Rises with each change of the programme or the settings (what the day's calendar entry shows), never with a signup:
    /// the .ics SEQUENCE (<see cref="PlaceNotice.ProgrammeVersion"/>).
    /// </summary>
    [Id(11)] public long ProgrammeRevision { get; set; }

    /// <summary>What the places decided still owe the registrations (their notices), the organiser's list and the room screens.</summary>
    [Id(10)] public EffectOutbox Effects { get; set; } = new();

    /// <summary>The attendees changed since their chunk was written; the others are in the grain's ledger rows (<see cref="Ledger{TEntry}"/>).</summary>
    [Id(12)] public LedgerHead<SignupEntry> Attendees { get; set; } = new();
}
