using System.Collections.Concurrent;
using System.Diagnostics;

namespace Collaboration.Web.Tests.Cluster;

/// <summary>
/// Writers that keep writing through a silo failure and record what was acknowledged (the call
/// returned success) and when. A writer stops once its kind has <c>writesAfterKill</c>
/// acknowledgements after <see cref="MarkKilled"/>, or after a safety deadline. Errors are
/// expected during the failover: they are counted, not thrown.
/// </summary>
public sealed class FailoverLoad(int writesAfterKill)
{
    private static readonly TimeSpan SafetyDeadline = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan PauseAfterError = TimeSpan.FromMilliseconds(50);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(FailoverWrite Write, TimeSpan At)>> _acknowledged = new();
    private readonly ConcurrentDictionary<string, int> _errors = new();
    private int _next;
    private long _killedAtTicks = -1;

    public Task RunAsync(string kind, Func<FailoverWrite, Task<bool>> write) => Task.Run(async () =>
    {
        var acknowledged = _acknowledged.GetOrAdd(kind, _ => new());
        while (_clock.Elapsed < SafetyDeadline && !(KilledAt is { } killed && acknowledged.Count(a => a.At > killed) >= writesAfterKill))
        {
            var next = new FailoverWrite(Interlocked.Increment(ref _next), Guid.NewGuid());
            try
            {
                if (await write(next))
                {
                    acknowledged.Enqueue((next, _clock.Elapsed));
                    continue;
                }
                _errors.AddOrUpdate($"{kind}: refused", 1, (_, n) => n + 1);
            }
            catch (Exception e)
            {
                _errors.AddOrUpdate($"{kind}: {e.GetType().Name}", 1, (_, n) => n + 1);
            }
            await Task.Delay(PauseAfterError);
        }
    });

    /// <summary>From now on, acknowledgements count as "after the kill".</summary>
    public void MarkKilled() => Interlocked.Exchange(ref _killedAtTicks, _clock.Elapsed.Ticks);

    private TimeSpan? KilledAt => Interlocked.Read(ref _killedAtTicks) is var ticks and >= 0 ? TimeSpan.FromTicks(ticks) : null;

    public int Acknowledged(string kind) => _acknowledged.TryGetValue(kind, out var a) ? a.Count : 0;

    public IReadOnlyList<Guid> AcknowledgedIds(string kind) => [.. Writes(kind).Select(w => w.Id)];

    public IReadOnlyList<string> AcknowledgedCodes(string kind) => [.. Writes(kind).Select(w => w.Code)];

    /// <summary>How long after the kill the first write of <paramref name="kind"/> was acknowledged again.</summary>
    public TimeSpan FirstAfterKill(string kind) =>
        _acknowledged.TryGetValue(kind, out var a) && KilledAt is { } killed && a.Where(x => x.At > killed).Select(x => x.At).DefaultIfEmpty().Min() is var first && first > killed
            ? first - killed
            : TimeSpan.MinValue;

    public string ErrorSummary() =>
        _errors.IsEmpty ? "none" : string.Join(", ", _errors.OrderBy(e => e.Key).Select(e => $"{e.Key} ×{e.Value}"));

    private IEnumerable<FailoverWrite> Writes(string kind) => _acknowledged.TryGetValue(kind, out var a) ? a.Select(x => x.Write) : [];
}
