namespace Collaboration.Bench;

/// <summary>Per-operation latencies of a run, and the throughput they add up to.</summary>
public sealed class Latencies(int capacity)
{
    private readonly double[] _ms = new double[capacity];
    private int _count;

    public void Add(double milliseconds) => _ms[Interlocked.Increment(ref _count) - 1] = milliseconds;

    public int Count => _count;

    public double Percentile(double p) => Percentile(p, 0, _count);

    /// <summary>Percentile of the operations that completed in [from, to) (completion order).</summary>
    public double Percentile(double p, int from, int to)
    {
        var sorted = _ms.AsSpan(from, Math.Min(to, _count) - from).ToArray();
        Array.Sort(sorted);
        return sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
    }
}
