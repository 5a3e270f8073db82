namespace Collaboration.Grains.Runtime;

/// <summary>
/// What a grain sees of the host that runs it. Implemented by the host's activation; grain code
/// reaches it through the protected members of <see cref="Grain"/>.
/// </summary>
public interface IGrainContext
{
    GrainId Id { get; }

    /// <summary>The version the state is at, counting events staged earlier in this turn.</summary>
    long Version { get; }

    TimeProvider Clock { get; }

    /// <summary>Asks the host to store the state when the call ends (before the caller hears back).</summary>
    void StageWrite();

    /// <summary>Appends a domain event to the write of this call; committed with the state.</summary>
    void RaiseEvent(object domainEvent);
}

/// <summary>How the host hands a fresh grain instance its context. Not for grain code.</summary>
public interface IGrainBinding
{
    void Bind(IGrainContext context);
}

/// <summary>How the host reads and replaces a grain's state. Not for grain code.</summary>
public interface IStatefulGrain
{
    Type StateType { get; }

    object State { get; set; }
}
