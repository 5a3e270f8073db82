using Collaboration.Grains.Colloque;

namespace Collaboration.Web.Colloque;

public sealed record RecentJson(string Code, string Name, string Organisation, AttendeeCategory Category, string? DeskId, DateTimeOffset At);
