namespace Collaboration.Grains.Platform;

/// <summary>What an effect is delivered with, on the sender's activation (its scheduler: the sender's state may be read and changed).</summary>
public sealed class EffectContext(IGrainFactory grains, IServiceProvider services, object state, GrainId sender, DateTimeOffset now, int attempt)
{
    public IGrainFactory Grains { get; } = grains;

    public IServiceProvider Services { get; } = services;

    /// <summary>The sender's live state (an email effect finds its message there and records the outcome).</summary>
    public object State { get; } = state;

    public GrainId Sender { get; } = sender;

    public DateTimeOffset Now { get; } = now;

    /// <summary>1 for the first try.</summary>
    public int Attempt { get; } = attempt;

    /// <summary>Set by an effect that answers <see cref="EffectResult.Retry"/> to choose its own delay (an SMTP server's, say).</summary>
    public TimeSpan? RetryAfter { get; set; }

    /// <summary>Set by an effect whose delivery changed the sender's own state (a failed email's attempts): written at once.</summary>
    public bool StateChanged { get; set; }

    /// <summary>
    /// Set by an effect whose delivery changed the sender's own state in a way that may wait for the sender's next write,
    /// at the latest the one its deactivation makes, in a grain that chooses it (a colloque registration): an email handed
    /// to the transport, marked sent. Lost with a crash, the change only makes the effect run again, which its receiver
    /// folds (the same Message-ID; a pickup file replaced). Elsewhere it is written at once, like <see cref="StateChanged"/>.
    /// </summary>
    public bool StateChangedLater { get; set; }
}
