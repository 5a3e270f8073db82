namespace Collaboration.Grains.Meetings.Events;

/// <summary>A comment or a correction was made on the circulated minutes, or the chair accepted or declined one.</summary>
[GenerateSerializer, Immutable]
public sealed record MinutesCommented(MinutesCommentView Comment);
