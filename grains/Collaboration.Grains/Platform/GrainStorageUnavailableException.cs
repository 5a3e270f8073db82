namespace Collaboration.Grains.Platform;

/// <summary>
/// A grain's state could not be written (storage down or refusing). Nothing the call changed was
/// kept: the activation is discarded and the next call reloads the last committed state.
/// The web layer answers 503 with problem details.
/// </summary>
[GenerateSerializer, Alias("storage-unavailable")]
public sealed class GrainStorageUnavailableException : Exception
{
    public GrainStorageUnavailableException() { }

    public GrainStorageUnavailableException(string message) : base(message) { }

    public GrainStorageUnavailableException(string message, Exception inner) : base(message, inner) { }
}
