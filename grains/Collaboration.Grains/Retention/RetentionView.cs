namespace Collaboration.Grains.Retention;

/// <summary>The organiser's page: the periods, the log (newest first), the last run.</summary>
[GenerateSerializer, Immutable]
public sealed record RetentionView(
    [property: Id(0)] RetentionSettings Settings,
    [property: Id(1)] IReadOnlyList<RetentionLogView> Log,
    [property: Id(2)] DateTimeOffset? LastRunAt);

[GenerateSerializer, Immutable]
public sealed record RetentionLogView(
    [property: Id(0)] long Id, [property: Id(1)] DateTimeOffset At, [property: Id(2)] RetentionKind Kind, [property: Id(3)] string Subject,
    [property: Id(4)] string Title, [property: Id(5)] int Records, [property: Id(6)] RetentionTrigger Trigger, [property: Id(7)] DateTimeOffset? CompletedAt);
