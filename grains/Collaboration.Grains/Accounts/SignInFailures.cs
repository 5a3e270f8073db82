namespace Collaboration.Grains.Accounts;

/// <summary>How many sign-ins failed in a row (none older than <see cref="SignInBackOff.Memory"/> apart), and when the last did.</summary>
[GenerateSerializer, Immutable, Alias("sign-in-failure-run")]
public sealed record SignInFailures([property: Id(0)] int Count, [property: Id(1)] DateTimeOffset Last)
{
    public static readonly SignInFailures None = new(0, DateTimeOffset.MinValue);

    public bool FreshAt(DateTimeOffset now) => Count > 0 && now - Last < SignInBackOff.Memory;

    public SignInFailures OneMoreAt(DateTimeOffset now) => new(FreshAt(now) ? Count + 1 : 1, now);
}
