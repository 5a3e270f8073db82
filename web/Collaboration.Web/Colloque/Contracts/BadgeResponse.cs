using Collaboration.Grains.Colloque;

namespace Collaboration.Web.Colloque;

/// <summary>A badge, with its colloque's title and date (printed on each), and the attendee's breakouts on the single badge.</summary>
public sealed record BadgeResponse(string Code, string Name, string Organisation, AttendeeCategory Category, string QrUrl, string Title, DateOnly Date,
    IReadOnlyList<BadgeBreakout>? Breakouts = null);
