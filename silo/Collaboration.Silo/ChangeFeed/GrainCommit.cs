using Collaboration.Grains.Runtime;
using Collaboration.Silo.Storage;

namespace Collaboration.Silo.ChangeFeed;

/// <summary>
/// A committed write of one grain: it moved from <see cref="FromVersion"/> to
/// <see cref="Version"/> and appended <see cref="Events"/>. <see cref="IsRemote"/> when another
/// node made it and this node learnt it from the database.
/// </summary>
public sealed record GrainCommit(GrainId GrainId, long FromVersion, long Version, IReadOnlyList<StoredEvent> Events, bool IsRemote = false);
