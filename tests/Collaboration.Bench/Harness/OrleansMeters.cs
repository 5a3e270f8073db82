using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Collaboration.Bench.Harness;

/// <summary>
/// Orleans' own meters ("Microsoft.Orleans"), summed in process: how many measurements each
/// instrument recorded and their total (for a latency histogram: count = operations, sum = ms).
/// Every silo of the bench process reports here; a scenario reads the delta around a run.
/// </summary>
internal sealed class OrleansMeters : IDisposable
{
    public const string MeterName = "Microsoft.Orleans";

    /// <summary>One grain storage write (a histogram of its latency in ms), whatever the provider.</summary>
    public const string StorageWrite = "orleans-storage-write-latency";

    public const string StorageWriteErrors = "orleans-storage-write-errors";

    /// <summary>Application requests (grain calls) answered, with their latency.</summary>
    public const string AppRequests = "orleans-app-requests-latency";

    /// <summary>Messages that stayed in the silo (no network) and messages sent to another silo.</summary>
    public const string SentLocal = "orleans-messaging-sent-local";

    public const string SentMessagesSize = "orleans-messaging-sent-messages-size";

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, Totals> _totals = new(StringComparer.Ordinal);

    private sealed class Totals
    {
        public long Count;
        public double Sum;
    }

    public OrleansMeters()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MeterName) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, v, _, _) => Add(i, v));
        _listener.SetMeasurementEventCallback<int>((i, v, _, _) => Add(i, v));
        _listener.SetMeasurementEventCallback<double>((i, v, _, _) => Add(i, v));
        _listener.SetMeasurementEventCallback<float>((i, v, _, _) => Add(i, v));
        _listener.Start();
    }

    private void Add(Instrument instrument, double value)
    {
        // Observable instruments report absolute values when polled; only pushed ones are summed here.
        if (instrument.IsObservable) return;
        var totals = _totals.GetOrAdd(instrument.Name, _ => new Totals());
        Interlocked.Increment(ref totals.Count);
        double seen, sum;
        do
        {
            seen = Volatile.Read(ref totals.Sum);
            sum = seen + value;
        }
        while (Interlocked.CompareExchange(ref totals.Sum, sum, seen) != seen);
    }

    public Snapshot Take() => new(_totals.ToDictionary(t => t.Key, t => (Interlocked.Read(ref t.Value.Count), Volatile.Read(ref t.Value.Sum))));

    public void Dispose() => _listener.Dispose();

    internal sealed class Snapshot(Dictionary<string, (long Count, double Sum)> values)
    {
        public long Count(string instrument) => values.TryGetValue(instrument, out var v) ? v.Count : 0;

        public double Sum(string instrument) => values.TryGetValue(instrument, out var v) ? v.Sum : 0;

        public static Snapshot operator -(Snapshot after, Snapshot before) => new(after.Names.Union(before.Names).ToDictionary(
            n => n, n => (after.Count(n) - before.Count(n), after.Sum(n) - before.Sum(n))));

        private IEnumerable<string> Names => values.Keys;

        /// <summary>Mean of a histogram's measurements (e.g. ms per storage write); NaN when none.</summary>
        public double Mean(string instrument) => Count(instrument) == 0 ? double.NaN : Sum(instrument) / Count(instrument);
    }
}
