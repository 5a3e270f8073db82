namespace Collaboration.Grains.Meetings;

/// <summary>The speaking queue in order of request, who speaks now, and the optional time limit per speaker.</summary>
[GenerateSerializer, Immutable]
public sealed record FloorView(IReadOnlyList<RaisedHand> Queue, Speaker? Speaker, int? LimitSeconds)
{
    public static readonly FloorView Empty = new([], null, null);
}
