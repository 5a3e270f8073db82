namespace Collaboration.Bench.Harness;

/// <summary>
/// Which key a caller uses for its i-th call when calls are spread over many keys: a fixed
/// pseudo-random sequence per caller (SplitMix64 of caller and call number), the same for the
/// grain and its baseline. Random, not a stride walk: callers walking one cycle at fixed
/// distances catch up with each other and then queue on the same key at every step (a convoy),
/// which made the spread figures bimodal.
/// </summary>
internal static class Keys
{
    public static int Pick(int caller, long call, int keyCount)
    {
        var z = unchecked((ulong)caller * 0x9E3779B97F4A7C15UL + (ulong)call * 0xBF58476D1CE4E5B9UL + 0x94D049BB133111EBUL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(z % (ulong)keyCount);
    }
}
