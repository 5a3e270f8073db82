using System.Diagnostics.Metrics;

namespace Collaboration.Silo.Runtime;

/// <summary>The host's instruments, on the meter "Concertation.Silo".</summary>
public sealed class SiloMetrics : IDisposable
{
    public const string MeterName = "Concertation.Silo";

    private readonly Meter _meter;

    public SiloMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        Activations = _meter.CreateCounter<long>("concertation.grain.activations", description: "Grain activations created");
        Deactivations = _meter.CreateCounter<long>("concertation.grain.deactivations", description: "Grains collected after being idle");
        Calls = _meter.CreateCounter<long>("concertation.grain.calls", description: "Grain calls answered");
        CallDuration = _meter.CreateHistogram<double>("concertation.grain.call.duration", unit: "ms", description: "Queue + run + commit time of a grain call");
        Writes = _meter.CreateCounter<long>("concertation.grain.writes", description: "Committed grain writes");
        BatchSize = _meter.CreateHistogram<int>("concertation.grain.write.batch_size", description: "Calls committed by one write (group commit)");
        Conflicts = _meter.CreateCounter<long>("concertation.grain.write.conflicts", description: "Writes refused because another writer was first");
        Retries = _meter.CreateCounter<long>("concertation.grain.call.retries", description: "Calls re-run on reloaded state after a conflict");
        WriteFailures = _meter.CreateCounter<long>("concertation.grain.write.failures", description: "Writes that failed for a reason other than a conflict");
    }

    public Counter<long> Activations { get; }
    public Counter<long> Deactivations { get; }
    public Counter<long> Calls { get; }
    public Histogram<double> CallDuration { get; }
    public Counter<long> Writes { get; }
    public Histogram<int> BatchSize { get; }
    public Counter<long> Conflicts { get; }
    public Counter<long> Retries { get; }
    public Counter<long> WriteFailures { get; }

    public void Dispose() => _meter.Dispose();
}
