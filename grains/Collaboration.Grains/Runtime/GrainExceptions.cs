namespace Collaboration.Grains.Runtime;

/// <summary>Base of the errors the host reports for a call that could not be made durable.</summary>
public abstract class GrainWriteException(string message, Exception? inner = null) : Exception(message, inner)
{
    public required GrainId GrainId { get; init; }
}

/// <summary>
/// Another writer kept winning: the host reloaded the state and re-ran the call as many times as
/// it is allowed, and every attempt met a newer version. Nothing was written.
/// </summary>
public sealed class GrainConflictException(string message) : GrainWriteException(message);

/// <summary>Storage could not be reached or refused the write. Nothing was written.</summary>
public sealed class GrainStorageUnavailableException(string message, Exception inner) : GrainWriteException(message, inner);
