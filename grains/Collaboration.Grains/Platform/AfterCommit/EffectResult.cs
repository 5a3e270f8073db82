namespace Collaboration.Grains.Platform;

public enum EffectResult
{
    /// <summary>The receiver has it: the effect is removed (the removal is written with the sender's next write).</summary>
    Delivered,

    /// <summary>Delivered, and the delivery changed the sender's own state (an email's status): written at once.</summary>
    DeliveredAndRecorded,

    /// <summary>Not now: tried again after a growing delay, and after a crash by the next activation.</summary>
    Retry,
}
