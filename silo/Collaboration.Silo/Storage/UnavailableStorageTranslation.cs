using System.Data.Common;
using System.Net.Sockets;
using Collaboration.Grains.Platform;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Collaboration.Silo.Storage;

/// <summary>
/// Wraps a grain storage so that every failure to reach the database (connection refused or lost,
/// server shutting down, timeout) reaches the caller as <see cref="GrainStorageUnavailableException"/>,
/// whether it happened on a write or on the read that activates a grain. Without it, a call that
/// must first load a grain's state during an outage fails with Orleans' generic wrapper (the web
/// would answer 500 instead of 503). A stale ETag (<see cref="InconsistentStateException"/>) and
/// any other error pass through unchanged.
/// <para>
/// The exception that leaves carries the provider's failure as text only, never as an inner
/// exception: a provider type (<c>NpgsqlException</c>) has no Orleans codec, so it could not cross
/// to a caller on another silo, which then answered 500. The full failure is logged here.
/// </para>
/// </summary>
internal sealed class UnavailableStorageTranslation(string name, IGrainStorage inner, ILogger logger) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
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
            logger.LogWarning(ex, "Grain storage {Storage} is unavailable", name);
            throw new GrainStorageUnavailableException($"The grain storage '{name}' is unavailable ({ex.GetType().Name}: {ex.Message})");
        }
    }

    private static bool IsUnavailable(Exception ex) =>
        ex is not InconsistentStateException and not GrainStorageUnavailableException
        && (ex is DbException or TimeoutException or IOException or SocketException
            || (ex.InnerException is { } inner && IsUnavailable(inner)));
}
