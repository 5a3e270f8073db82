namespace Collaboration.Testing;

/// <summary>Waits for a condition by polling it, with a deadline: for what has no event to await.</summary>
public static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Evaluates <paramref name="condition"/> until it holds; throws <see cref="TimeoutException"/>
    /// naming <paramref name="what"/> (and the last error the condition threw, if any) at the deadline.
    /// Each evaluation is itself bounded by the time left.
    /// </summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        Exception? lastError = null;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
                throw new TimeoutException($"Still not true after {timeout.TotalSeconds:0} s: {what}.", lastError);
            try
            {
                if (await condition().WaitAsync(left)) return;
                lastError = null;
            }
            catch (TimeoutException e)
            {
                lastError = e;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                lastError = e;
            }
            await Task.Delay(Interval);
        }
    }

    /// <summary>Calls <paramref name="read"/> until what it returns satisfies <paramref name="done"/>; returns that value.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout, string what)
    {
        T value = default!;
        await UntilAsync(async () =>
        {
            value = await read();
            return done(value);
        }, timeout, what);
        return value;
    }
}
