namespace Collaboration.Grains.Colloque;

/// <summary>
/// One attendee in a colloque's name directory. <see cref="MatchKey"/> finds the registration
/// again on re-import (a hash of the email, or of name + organisation when there is no email). The registration
/// grain is its source: <see cref="Revision"/> rises with each of its changes, and the directory keeps the highest.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DirectoryEntry(
    string Code, string Name, string Organisation, AttendeeCategory Category, string MatchKey, bool Cancelled = false,
    Mrc? Mrc = null, bool BadgePrinted = false, long Revision = 0);
