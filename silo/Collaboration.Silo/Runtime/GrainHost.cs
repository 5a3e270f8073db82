using System.Collections.Concurrent;
using System.Diagnostics;
using Collaboration.Grains.Runtime;
using Collaboration.Silo.ChangeFeed;
using Collaboration.Silo.Hosting;
using Collaboration.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collaboration.Silo.Runtime;

/// <summary>
/// The grain host of one node: one activation per grain id, created on the first call, loaded
/// from storage, collected when idle. Hands out <see cref="GrainReference"/> proxies.
/// </summary>
public sealed class GrainHost : IGrainFactory
{
    private readonly ConcurrentDictionary<GrainId, GrainActivation> _activations = new();
    private readonly GrainTypeRegistry _types;
    private readonly IServiceProvider _services;

    public GrainHost(
        GrainTypeRegistry types,
        IGrainStorage storage,
        LocalChangeFeed feed,
        IServiceProvider services,
        TimeProvider clock,
        IOptions<SiloOptions> options,
        SiloMetrics metrics,
        ILogger<GrainHost> logger)
    {
        _types = types;
        _services = services;
        Storage = storage;
        Feed = feed;
        Clock = clock;
        Options = options.Value;
        Metrics = metrics;
        Logger = logger;
        feed.Subscribe(OnCommit);
    }

    internal IGrainStorage Storage { get; }
    internal LocalChangeFeed Feed { get; }
    internal TimeProvider Clock { get; }
    internal SiloOptions Options { get; }
    internal SiloMetrics Metrics { get; }
    internal ILogger Logger { get; }

    /// <summary>Number of grains active on this node right now.</summary>
    public int ActivationCount => _activations.Count;

    public TGrain GetGrain<TGrain>(string key) where TGrain : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return GrainReference.Create<TGrain>(this, new GrainId(_types.TypeNameOf(typeof(TGrain)), key));
    }

    public TGrain GetGrain<TGrain>(Guid key) where TGrain : IGrainWithGuidKey =>
        GrainReference.Create<TGrain>(this, new GrainId(_types.TypeNameOf(typeof(TGrain)), key.ToString("D")));

    /// <summary>Whether the grain has an activation on this node (for tests and diagnostics).</summary>
    public bool IsActive(GrainId id) => _activations.ContainsKey(id);

    internal Task<T> InvokeAsync<T>(GrainId id, GrainMethodInvoker invoker, object?[] args)
    {
        // The enqueue time is only taken when the call-duration histogram has a listener.
        var call = new GrainCall<T>(invoker, args, Metrics.CallDuration.Enabled ? Stopwatch.GetTimestamp() : 0);
        while (true)
        {
            // Look up first, and create with a static callback: no delegate allocated per call.
            if (!_activations.TryGetValue(id, out var activation))
                activation = _activations.GetOrAdd(id, static (key, host) => host.Activate(key), this);
            if (activation.TryEnqueue(call)) return call.Task;
            // Collected between lookup and enqueue: drop it and activate afresh.
            _activations.TryRemove(new KeyValuePair<GrainId, GrainActivation>(id, activation));
        }
    }

    /// <summary>Deactivates every grain idle for longer than <see cref="SiloOptions.IdleCollectionAge"/>.</summary>
    public int CollectIdleActivations()
    {
        var idleSince = Clock.GetTimestamp() - (long)(Options.IdleCollectionAge.TotalSeconds * Clock.TimestampFrequency);
        var collected = 0;
        foreach (var (id, activation) in _activations)
        {
            if (!activation.TryCollect(idleSince)) continue;
            _activations.TryRemove(new KeyValuePair<GrainId, GrainActivation>(id, activation));
            collected++;
        }
        if (collected > 0)
        {
            Metrics.Deactivations.Add(collected);
            Logger.LogDebug("Collected {Count} idle grain activations", collected);
        }
        return collected;
    }

    private GrainActivation Activate(GrainId id)
    {
        var grain = (Grain)ActivatorUtilities.CreateInstance(_services, _types.ImplementationOf(id.Type));
        Metrics.Activations.Add(1);
        return new GrainActivation(this, id, grain);
    }

    // A commit made by another node: the local activation, if any, reloads before its next call
    // instead of discovering the new version through a conflict.
    private void OnCommit(GrainCommit commit)
    {
        if (commit.IsRemote && _activations.TryGetValue(commit.GrainId, out var activation))
            activation.ObserveRemoteVersion(commit.Version);
    }
}
