using Collaboration.Grains.Tables;

namespace Collaboration.Grains.Meetings;

/// <summary>Applied, or why not. Stale comes with the current value in <see cref="MeetingResult.Current"/>.</summary>
public enum MeetingOutcome { Applied, NotFound, AlreadyExists, Stale, ReadOnly, WrongStatus, UnknownItem, UnknownMember, Invalid, NoRecipients,
    /// <summary>Too few members marked present or remote to open (or carry) a vote.</summary>
    NoQuorum,
    /// <summary>Proposer, seconder or voter not marked present or remote (or proposer = seconder).</summary>
    NotEligible,
    /// <summary>Another motion is being voted on.</summary>
    MotionOpen,
    /// <summary>A show of hands larger than the members present without a device ballot.</summary>
    TooManyHands,
    /// <summary>A first device ballot from a member the show of hands already counts.</summary>
    CountedByHands,
    /// <summary>Nobody waits for the floor.</summary>
    QueueEmpty,
    /// <summary>The minutes are adopted: locked.</summary>
    MinutesAdopted,
    /// <summary>The minutes are not circulated (still a draft): nothing to comment yet.</summary>
    MinutesNotCirculated,
    /// <summary>The meeting's documents would pass their total size (<see cref="MeetingGrain.MaxMeetingDocumentBytes"/>).</summary>
    DocumentsFull }
