namespace Collaboration.Grains.Platform;

/// <summary>
/// What a change must cause elsewhere — in another grain, or outside (an email) — recorded in the
/// sender's state in the same write as the change (<see cref="EffectOutbox.Add"/>), delivered after
/// that write commits, and removed once delivered. Implementations are <c>[GenerateSerializer]</c>
/// records; their receivers are idempotent (by the sender's version or the item's id), because a
/// crash between the receiver's write and the sender's acknowledgement delivers an effect twice.
/// </summary>
public interface IEffect
{
    /// <summary>
    /// Effects with the same key replace each other while they wait (the latest says everything the
    /// earlier said: "this registration's check-in is at version 3"); null: never replaced.
    /// </summary>
    string? Key => null;

    /// <summary>
    /// True for an effect that reports the sender's own state to another grain (a registration's outbox to the
    /// colloque's mail ledger), read when it is delivered: it waits while the sender's other effects are due, since
    /// their outcome (an email handed to the transport) changes what it reports, so one delivery says both.
    /// </summary>
    bool DeliveredLast => false;

    /// <summary>Delivers the effect; a thrown exception counts as <see cref="EffectResult.Retry"/>.</summary>
    Task<EffectResult> DeliverAsync(EffectContext context);
}
