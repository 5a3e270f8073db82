using Orleans.Storage;

namespace Collaboration.Silo.Storage.Postgres;

/// <summary>
/// Wraps Orleans' stock AdoNetGrainStorage so that the full grain id keys the state.
/// The stock provider keys state by (state name, grain key) only, not the grain type (dotnet/orleans#8746, #9737),
/// and reads string keys that parse as hexadecimal / a GUID as integer / GUID keys ("cafe" = "CAFE" = "0cafe",
/// dotnet/orleans#9706). Passing it the key "&lt;type&gt;/&lt;key&gt;" (the '/' is neither hex nor GUID) makes it
/// store one exact string key per grain.
/// </summary>
public sealed class FullGrainIdGrainStorage(IGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, Scoped(grainId), grainState);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        inner.ReadStateAsync(stateName, Scoped(grainId), grainState, cancellationToken);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.WriteStateAsync(stateName, Scoped(grainId), grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        inner.WriteStateAsync(stateName, Scoped(grainId), grainState, cancellationToken);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, Scoped(grainId), grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        inner.ClearStateAsync(stateName, Scoped(grainId), grainState, cancellationToken);

    /// <summary>Only for hosts that start storage by hand (tests); a silo starts the inner storage itself.</summary>
    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

    private static GrainId Scoped(GrainId grainId) => GrainId.Create(grainId.Type, IdSpan.Create($"{grainId.Type}/{grainId.Key}"));
}
