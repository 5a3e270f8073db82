using Collaboration.Grains.Colloque;

namespace Collaboration.Web.Colloque;

public sealed record CheckInResponse(CheckInResult Result, string Code, DateTimeOffset? CheckedInAt, string? DeskId, string? DeskName,
    string? Operator, string? Name, string? Organisation, AttendeeCategory? Category);
