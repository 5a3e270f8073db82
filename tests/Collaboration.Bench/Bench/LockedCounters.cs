namespace Collaboration.Bench.Bench;

/// <summary>
/// Baseline for one hot key: a bare <see cref="SemaphoreSlim"/>(1,1) guarding a
/// <see cref="Dictionary{TKey,TValue}"/> of counters — what one would write without grains.
/// </summary>
internal sealed class GlobalLockCounters
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, long> _values;

    public GlobalLockCounters(IEnumerable<string> keys) => _values = keys.ToDictionary(k => k, _ => 0L, StringComparer.Ordinal);

    public async Task<long> IncrementAsync(string key)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            var value = _values[key] + 1;
            _values[key] = value;
            return value;
        }
        finally
        {
            _gate.Release();
        }
    }

    public long Total => _values.Values.Sum();
}

/// <summary>
/// Baseline for many keys: one <see cref="SemaphoreSlim"/>(1,1) per key (found by string key in
/// a dictionary that is only read), so different keys run in parallel — like grains.
/// </summary>
internal sealed class PerKeyLockCounters
{
    private sealed class Slot
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public long Value;
    }

    private readonly Dictionary<string, Slot> _slots;

    public PerKeyLockCounters(IEnumerable<string> keys) => _slots = keys.ToDictionary(k => k, _ => new Slot(), StringComparer.Ordinal);

    public async Task<long> IncrementAsync(string key)
    {
        var slot = _slots[key];
        await slot.Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            return ++slot.Value;
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    public long Total => _slots.Values.Sum(s => s.Value);
}
