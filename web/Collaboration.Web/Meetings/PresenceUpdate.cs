using Collaboration.Grains.Meetings.Presence;

namespace Collaboration.Web.Meetings;

/// <summary>
/// The client method <c>presence</c>: who has <see cref="Topic"/> open, one entry per person. A screen keeps the
/// update of the highest <see cref="Version"/> (pushes from two nodes may cross).
/// </summary>
public sealed record PresenceUpdate(string Topic, IReadOnlyList<PresentPerson> People, long Version);
