using System.Data.Common;
using System.Net.Sockets;
using Collaboration.Grains.Platform;
using Orleans.Storage;

namespace Collaboration.Silo.Storage;

/// <summary>
/// Wraps a grain storage so that every failure to reach the database (connection refused or lost,
/// server shutting down, timeout) reaches the caller as <see cref="GrainStorageUnavailableException"/>,
/// whether it happened on a write or on the read that activates a grain. Without it, a call that
/// must first load a grain's state during an outage fails with Orleans' generic wrapper (the web
/// would answer 500 instead of 503). A stale ETag (<see cref="InconsistentStateException"/>) and
/// any other error pass through unchanged.
/// </summary>
internal sealed class UnavailableStorageTranslation(string name, IGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        TranslateAsync(inner.ReadStateAsync(stateName, grainId, grainState));

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        TranslateAsync(inner.WriteStateAsync(stateName, grainId, grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        TranslateAsync(inner.ClearStateAsync(stateName, grainId, grainState));

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

    private async Task TranslateAsync(Task operation)
    {
        try
        {
            await operation;
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            throw new GrainStorageUnavailableException(
                $"The grain storage '{name}' is unavailable ({ex.GetType().Name}: {ex.Message})", ex);
        }
    }

    private static bool IsUnavailable(Exception ex) =>
        ex is not InconsistentStateException and not GrainStorageUnavailableException
        && (ex is DbException or TimeoutException or IOException or SocketException
            || (ex.InnerException is { } inner && IsUnavailable(inner)));
}
