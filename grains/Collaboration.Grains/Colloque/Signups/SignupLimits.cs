namespace Collaboration.Grains.Colloque;

/// <summary>
/// What a colloque takes from its public form (configuration section <c>Colloque:Signups</c>). The per-address rate limit
/// protects the web nodes from one address; this protects the event from many: it is counted in the signups grain, so it
/// holds for the whole cluster.
/// </summary>
public sealed class SignupLimits
{
    public const string Section = "Colloque:Signups";

    /// <summary>Public sign-ups a colloque accepts per minute; past it the form says to try again shortly.</summary>
    public int PublicPerMinute { get; set; } = 600;
}
