using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Collaboration.Grains.Mail;

/// <summary>
/// How fast a node hands emails to the transport (<see cref="MailSchedule.MaxPerMinute"/>): a burst of sign-ups, real or
/// not, becomes a steady stream the mail server and its reputation can take. A message over the rate waits its turn
/// (its <see cref="SendMail"/> is retried when a permit is due); nothing is dropped and no attempt is counted.
/// </summary>
public sealed class MailRate : IDisposable
{
    private readonly TokenBucketRateLimiter _bucket;

    public MailRate(IOptions<MailSchedule> schedule)
    {
        var perMinute = Math.Max(1, schedule.Value.MaxPerMinute);
        _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, perMinute / 10), // a burst of six seconds' worth
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary>Null: send now; else how long to wait before trying again.</summary>
    public TimeSpan? WaitBeforeSending()
    {
        using var lease = _bucket.AttemptAcquire();
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
    }

    public void Dispose() => _bucket.Dispose();
}
