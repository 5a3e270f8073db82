namespace Collaboration.Grains.Platform;

/// <summary>The steps of the after-commit path at which a test may kill the node.</summary>
public enum CrashPoint
{
    /// <summary>The change and its effect committed; delivery has not started.</summary>
    Committed,

    /// <summary>Delivery started; the receiver has not answered.</summary>
    Delivering,

    /// <summary>The receiver wrote and answered; the sender has not recorded the acknowledgement.</summary>
    Delivered,
}
