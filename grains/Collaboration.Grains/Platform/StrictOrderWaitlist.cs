namespace Collaboration.Grains.Platform;

/// <summary>
/// The waitlist rule shared by workshops and the colloque's ateliers: <b>strict arrival order,
/// nobody jumps the queue</b>. Freed seats go to the head of the waitlist while the head fits; the
/// promotion stops at the first entry that does not fit, even if a later, smaller one would.
/// </summary>
public static class StrictOrderWaitlist
{
    /// <summary>Confirms from <paramref name="waitingInOrder"/> (oldest first) while the head fits in <paramref name="free"/> seats.</summary>
    public static List<T> Promote<T>(IEnumerable<T> waitingInOrder, int free, Func<T, int> seats, Action<T> confirm)
    {
        var promoted = new List<T>();
        foreach (var entry in waitingInOrder)
        {
            var needed = seats(entry);
            if (needed > free) break;
            free -= needed;
            confirm(entry);
            promoted.Add(entry);
        }
        return promoted;
    }
}
