using Collaboration.Grains.Colloque;

namespace Collaboration.Web.Colloque;

/// <summary>The public shapes of the colloque's programme and counts: what GET …/public and the "colloque-public" topic send. Counts only.</summary>
public static class ColloqueJson
{
    public sealed record Speaker(string Name, string Organisation);

    public sealed record Session(Guid SessionId, string TitleFr, string TitleEn, string DescriptionFr, string DescriptionEn, string Kind,
        string Room, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int? Capacity, IReadOnlyList<Speaker> Speakers, Seats? Seats);

    public sealed record Seats(Guid SessionId, int? Capacity, int Taken, int Waitlisted, int? Left);

    public sealed record CategoryPlaces(int? Capacity, int Confirmed, int Waitlisted, int? Left);

    public sealed record Places(int? TotalCapacity, int Confirmed, int Waitlisted, int? Left, IReadOnlyDictionary<string, CategoryPlaces> ByCategory,
        IReadOnlyList<Seats> Sessions);

    public sealed record Registration(DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, int? TotalCapacity, IReadOnlyDictionary<string, int> CategoryCapacity);

    public sealed record Room(string Name, Guid? SessionId, bool FollowsTimetable, DateTimeOffset? SetAt);

    public sealed record AnnouncementJson(string Text, DateTimeOffset At);

    public sealed record PublicColloque(Guid Id, string Title, DateOnly Date, string Venue, string VenueAddress, Registration Registration,
        IReadOnlyList<Session> Sessions, Places Places, IReadOnlyList<Room> Rooms, AnnouncementJson? Announcement, IReadOnlyList<string> Mrcs, long Version);

    public static PublicColloque Public(Guid id, ColloqueDetails colloque, ProgrammeView programme) => new(id, colloque.Title, colloque.Date, colloque.Venue,
        programme.Settings?.VenueAddress ?? "", RegistrationOf(programme.Settings), Sessions(programme.Sessions, programme.Counts), PlacesOf(programme.Counts),
        Rooms(programme), programme.Announcement is { } a ? new AnnouncementJson(a.Text, a.At) : null, [.. Enum.GetValues<Mrc>().Select(MrcNames.ToJson)], programme.Version);

    public static Registration RegistrationOf(RegistrationSettings? settings) => new(settings?.OpensAt, settings?.ClosesAt, settings?.TotalCapacity,
        settings?.CategoryCapacity.ToDictionary(p => CategoryNames.ToJson(p.Key), p => p.Value) ?? []);

    public static IReadOnlyList<Session> Sessions(IReadOnlyList<ProgrammeSession> sessions, PlaceCounts counts)
    {
        var seats = counts.Sessions.ToDictionary(s => s.SessionId);
        return sessions.Select(s => new Session(s.Id, s.TitleFr, s.TitleEn, s.DescriptionFr, s.DescriptionEn, SignupJson.Name(s.Kind), s.Room,
            s.StartsAt, s.EndsAt, s.Capacity, s.Speakers.Select(p => new Speaker(p.Name, p.Organisation)).ToList(),
            seats.TryGetValue(s.Id, out var x) ? SeatsOf(x) : null)).ToList();
    }

    public static Places PlacesOf(PlaceCounts counts) => new(counts.TotalCapacity, counts.Confirmed, counts.Waitlisted, counts.Left,
        counts.Categories.ToDictionary(c => CategoryNames.ToJson(c.Category), c => new CategoryPlaces(c.Capacity, c.Confirmed, c.Waitlisted, c.Left)),
        counts.Sessions.Select(SeatsOf).ToList());

    private static Seats SeatsOf(SessionSeats s) => new(s.SessionId, s.Capacity, s.Taken, s.Waitlisted, s.Left);

    /// <summary>Every room of the programme, and whether its "now" was set by hand (else the screen follows the timetable).</summary>
    public static IReadOnlyList<Room> Rooms(ProgrammeView programme)
    {
        var set = programme.Rooms.ToDictionary(r => r.Room, StringComparer.Ordinal);
        return programme.Sessions.Select(s => s.Room).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(room => set.TryGetValue(room, out var now)
                ? new Room(room, now.SessionId == Guid.Empty ? null : now.SessionId, false, now.SetAt)
                : new Room(room, null, true, null))
            .ToList();
    }
}
