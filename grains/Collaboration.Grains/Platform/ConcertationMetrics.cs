using System.Diagnostics.Metrics;

namespace Collaboration.Grains.Platform;

/// <summary>
/// The product's own counters (meter <see cref="MeterName"/>), beside ASP.NET Core's, Orleans' and Npgsql's: each
/// counts on the node where the change committed, so summing over nodes gives the cluster's figure. Exported by
/// OpenTelemetry (Prometheus <c>/metrics</c>, OTLP) as <c>concertation_…_total</c>.
/// </summary>
public static class ConcertationMetrics
{
    public const string MeterName = "Concertation";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Registrations committed: tag <c>kind</c> (workshop, colloque) and <c>status</c> (confirmed, waitlisted).</summary>
    public static readonly Counter<long> Registrations =
        Meter.CreateCounter<long>("concertation.registrations", "{registration}", "Registrations committed");

    /// <summary>Badges scanned at a desk and committed: tag <c>result</c> (checked-in, already-checked-in, cancelled…).</summary>
    public static readonly Counter<long> CheckIns =
        Meter.CreateCounter<long>("concertation.checkins", "{scan}", "Badge scans answered at the colloque's desks");

    /// <summary>Messages put in an outbox to be sent (pending = queued − sent − failed, summed over nodes).</summary>
    public static readonly Counter<long> EmailsQueued =
        Meter.CreateCounter<long>("concertation.emails.queued", "{email}", "Emails queued for sending");

    /// <summary>Attempts to send: tag <c>outcome</c> (sent, failed, retry — a temporary failure, still pending).</summary>
    public static readonly Counter<long> Emails =
        Meter.CreateCounter<long>("concertation.emails", "{email}", "Email sending attempts by outcome");

    /// <summary>Live events this node handed to its hub's subscribers (per event, every node counts what it delivers).</summary>
    public static readonly Counter<long> LiveDeliveries =
        Meter.CreateCounter<long>("concertation.live.deliveries", "{event}", "Live events delivered to this node's hub");

    /// <summary>Gaps in a grain's live events filled from its tail: tag <c>by</c> (relay: between nodes; client: a browser asking again).</summary>
    public static readonly Counter<long> LiveGapsRefilled =
        Meter.CreateCounter<long>("concertation.live.gaps_refilled", "{gap}", "Gaps in live events refilled from a grain's tail");
}
