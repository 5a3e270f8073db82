namespace Collaboration.Testing;

/// <summary>
/// A clock the test moves forward by jumps, while it also runs like the real one in between: for
/// rules read from the clock (a reminder "the day before") in a host whose timers and timeouts
/// must keep running (<see cref="ManualClock"/> stands still). Orleans reads this clock too
/// (membership, silo generations): start it in the past and move it up to the real time, never
/// past it, or a silo started on it declares itself dead.
/// </summary>
public sealed class ShiftedClock(TimeSpan shift) : TimeProvider
{
    private readonly Lock _gate = new();
    private TimeSpan _shift = shift;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return System.GetUtcNow() + _shift;
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate) _shift += by;
    }
}
