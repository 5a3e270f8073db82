namespace Collaboration.Grains.Retention;

/// <summary>
/// One event whose personal data of one kind is (or would be, in a dry run) anonymised: which, when it ended, how many
/// records. No personal data.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RetentionItem(
    [property: Id(0)] RetentionKind Kind,
    [property: Id(1)] string Subject,
    [property: Id(2)] string Title,
    [property: Id(3)] DateTimeOffset EndedAt,
    [property: Id(4)] int Records);
