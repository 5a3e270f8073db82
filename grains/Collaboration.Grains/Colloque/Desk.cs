namespace Collaboration.Grains.Colloque;

/// <summary>A check-in desk of a colloque (a tablet, phone or laptop paired with a code).</summary>
[GenerateSerializer, Immutable]
public sealed record Desk(string DeskId, string Name, DateTimeOffset CreatedAt)
{
    /// <summary>Where check-ins made by an organiser (not a paired desk) are counted.</summary>
    public const string OrganiserDeskId = "organiser";

    /// <summary>The name the organisers\' own check-ins are counted under.</summary>
    public const string OrganiserDeskName = "Organisation";
}
