using Collaboration.Grains.Colloque;

namespace Collaboration.Web.Colloque;

/// <summary>
/// The public shapes of the colloque's programme, counts and room screens: what GET …/public and the
/// "colloque-public" and "colloque-screens" topics send. Counts only.
/// </summary>
public static class ColloqueJson
{
    public sealed record Speaker(string Name, string Organisation);

    public sealed record Session(Guid SessionId, string TitleFr, string TitleEn, string DescriptionFr, string DescriptionEn, SessionKind Kind,
        string Room, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int? Capacity, IReadOnlyList<Speaker> Speakers, Seats? Seats);

    public sealed record Seats(Guid SessionId, int? Capacity, int Taken, int Waitlisted, int? Left);

    public sealed record CategoryPlaces(int? Capacity, int Confirmed, int Waitlisted, int? Left);

    public sealed record Places(int? TotalCapacity, int Confirmed, int Waitlisted, int? Left, IReadOnlyDictionary<AttendeeCategory, CategoryPlaces> ByCategory,
        IReadOnlyList<Seats> Sessions);

    /// <summary><c>WaitlistCapacity</c> as the organiser set it (null: the default); <c>WaitlistCap</c> what applies.</summary>
    public sealed record Registration(DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, int? TotalCapacity, IReadOnlyDictionary<AttendeeCategory, int> CategoryCapacity,
        int? WaitlistCapacity, int? WaitlistCap);

    public sealed record Room(string Name, Guid? SessionId, bool FollowsTimetable, DateTimeOffset? SetAt);

    public sealed record AnnouncementJson(string Text, DateTimeOffset At);

    public sealed record PublicColloque(Guid Id, string Title, DateOnly Date, string Venue, string VenueAddress, Registration Registration,
        IReadOnlyList<Session> Sessions, Places Places, IReadOnlyList<Room> Rooms, AnnouncementJson? Announcement, IReadOnlyList<Mrc> Mrcs, long Version);

    /// <summary>What every room screen shows besides the programme: the "colloque-screens" topic's snapshot.</summary>
    public sealed record Screens(IReadOnlyList<Room> Rooms, AnnouncementJson? Announcement, long Version);

    /// <summary>The programme and its counts from the signups grain, the rooms' "now" and the announcement from the screens grain.</summary>
    public static PublicColloque Public(Guid id, ColloqueDetails colloque, ProgrammeView programme, ScreensView screens) => new(id, colloque.Title,
        colloque.Date, colloque.Venue, programme.Settings?.VenueAddress ?? "", RegistrationOf(programme.Settings), Sessions(programme.Sessions, programme.Counts),
        PlacesOf(programme.Counts), Rooms(programme.Sessions.Select(s => s.Room), screens.RoomNow), AnnouncementOf(screens.Announcement),
        Enum.GetValues<Mrc>(), programme.Version);

    /// <summary>GET …/public and the public topic's snapshot: null when the colloque does not exist.</summary>
    public static async Task<PublicColloque?> ReadPublicAsync(IGrainFactory grains, Guid id)
    {
        var details = grains.GetGrain<IColloqueGrain>(id).GetDetailsAsync();
        var programme = grains.GetGrain<IColloqueSignupsGrain>(id).GetProgrammeAsync();
        var screens = grains.GetGrain<IColloqueScreensGrain>(id).GetAsync();
        return await details is { } colloque ? Public(id, colloque, await programme, await screens) : null;
    }

    public static Screens ScreensOf(ScreensView screens) => new(Rooms(screens.Rooms, screens.RoomNow), AnnouncementOf(screens.Announcement), screens.Version);

    public static AnnouncementJson? AnnouncementOf(Announcement? announcement) => announcement is { } a ? new AnnouncementJson(a.Text, a.At) : null;

    public static Registration RegistrationOf(RegistrationSettings? settings) => new(settings?.OpensAt, settings?.ClosesAt, settings?.TotalCapacity,
        settings?.CategoryCapacity.ToDictionary(p => p.Key, p => p.Value) ?? [], settings?.WaitlistCapacity, settings?.WaitlistCap);

    public static IReadOnlyList<Session> Sessions(IReadOnlyList<ProgrammeSession> sessions, PlaceCounts counts)
    {
        var seats = counts.Sessions.ToDictionary(s => s.SessionId);
        return sessions.Select(s => new Session(s.Id, s.TitleFr, s.TitleEn, s.DescriptionFr, s.DescriptionEn, s.Kind, s.Room,
            s.StartsAt, s.EndsAt, s.Capacity, s.Speakers.Select(p => new Speaker(p.Name, p.Organisation)).ToList(),
            seats.TryGetValue(s.Id, out var x) ? SeatsOf(x) : null)).ToList();
    }

    public static Places PlacesOf(PlaceCounts counts) => new(counts.TotalCapacity, counts.Confirmed, counts.Waitlisted, counts.Left,
        counts.Categories.ToDictionary(c => c.Category, c => new CategoryPlaces(c.Capacity, c.Confirmed, c.Waitlisted, c.Left)),
        counts.Sessions.Select(SeatsOf).ToList());

    private static Seats SeatsOf(SessionSeats s) => new(s.SessionId, s.Capacity, s.Taken, s.Waitlisted, s.Left);

    /// <summary>Every room of the programme, and whether its "now" was set by hand (else the screen follows the timetable).</summary>
    public static IReadOnlyList<Room> Rooms(IEnumerable<string> rooms, IReadOnlyList<RoomNow> roomNow)
    {
        var set = roomNow.ToDictionary(r => r.Room, StringComparer.Ordinal);
        return rooms.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(room => set.TryGetValue(room, out var now)
                ? new Room(room, now.SessionId == Guid.Empty ? null : now.SessionId, false, now.SetAt)
                : new Room(room, null, true, null))
            .ToList();
    }
}
