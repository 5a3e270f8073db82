namespace Collaboration.Grains.Platform;

/// <summary>
/// A grain's state could not be written or read (storage down or refusing). Nothing the call changed
/// was kept: the activation is discarded and the next call reloads the last committed state.
/// The web layer answers 503 with problem details.
/// <para>
/// An <see cref="OrleansException"/>, so that Orleans passes it to the caller as it is when it comes
/// from the storage itself (a grain that cannot load its state), instead of wrapping it. It carries
/// a message only, no inner exception: a provider's exception type (<c>NpgsqlException</c>) has no
/// Orleans codec and would not cross to a caller on another silo.
/// </para>
/// </summary>
[GenerateSerializer, Alias("storage-unavailable")]
public sealed class GrainStorageUnavailableException : OrleansException
{
    public GrainStorageUnavailableException() { }

    public GrainStorageUnavailableException(string message) : base(message) { }
}
