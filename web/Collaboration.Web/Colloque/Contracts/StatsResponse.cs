using Collaboration.Grains.Colloque;

namespace Collaboration.Web.Colloque;

public sealed record StatsResponse(Guid Id, string Title, DateOnly Date, string Venue, int Registered, int Arrived,
    IReadOnlyDictionary<AttendeeCategory, int> ByCategory, IReadOnlyList<DeskCount> ByDesk, IReadOnlyList<RecentJson> Recent, long Version);
