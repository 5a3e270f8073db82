using Collaboration.Grains.Colloque;
using Collaboration.Grains.Regions;

namespace Collaboration.Web.Colloque;

public sealed record AttendeeJson(string Code, string Name, string Organisation, AttendeeCategory Category, bool Cancelled,
    DateTimeOffset? CheckedInAt, string? DeskId, Mrc? Mrc = null, bool BadgePrinted = false);
