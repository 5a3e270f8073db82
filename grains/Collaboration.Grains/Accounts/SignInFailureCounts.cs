namespace Collaboration.Grains.Accounts;

/// <summary>A counter's total, and the part of it from one peer (the address, on an account's counter).</summary>
[GenerateSerializer, Immutable, Alias("sign-in-failure-counts")]
public sealed record SignInFailureCounts([property: Id(0)] SignInFailures Total, [property: Id(1)] SignInFailures Peer);
