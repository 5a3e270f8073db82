using System.Globalization;
using Collaboration.Grains.Colloque;
using Collaboration.Web.Accounts;
using Collaboration.Web.Platform;
using Collaboration.Web.Platform.Input;
using Collaboration.Web.Platform.Permissions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Web.Colloque;

/// <summary>
/// The organiser's side of registration and the programme: settings, sessions, counts, session lists
/// (the signups grain); room screens and the announcement (the screens grain).
/// </summary>
public static class ProgrammeApi
{
    public static IEndpointRouteBuilder MapProgrammeApi(this IEndpointRouteBuilder app)
    {
        var organiser = app.MapGroup("/api/colloques/{id:guid}").WithTags("Colloque programme").Requires(ColloqueAction.Manage);
        organiser.MapPut("/registration-settings", SetSettingsAsync);
        organiser.MapPost("/sessions", AddSessionAsync);
        organiser.MapPut("/sessions/{sessionId:guid}", UpdateSessionAsync);
        organiser.MapDelete("/sessions/{sessionId:guid}", RemoveSessionAsync);
        organiser.MapGet("/programme/stats", StatsAsync);
        organiser.MapGet("/sessions/{sessionId:guid}/attendees.csv", SessionCsvAsync);
        organiser.MapPut("/announcement", AnnounceAsync);

        // Organisers, and the desks paired with THIS colloque.
        var operate = app.MapGroup("/api/colloques/{id:guid}/rooms/{room}").WithTags("Colloque programme").Requires(ColloqueAction.Operate);
        operate.MapPut("/now", SetRoomNowAsync);
        operate.MapPost("/advance", AdvanceRoomAsync);
        return app;
    }

    /// <summary><c>WaitlistCapacity</c>: how many may wait (null: as many as the places).</summary>
    public sealed record SettingsBody(DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, int? TotalCapacity,
        Dictionary<string, int>? CategoryCapacity, string? VenueAddress, int? WaitlistCapacity = null);

    public sealed record SessionBody(string? TitleFr, string? TitleEn, string? DescriptionFr, string? DescriptionEn, string? Kind, string? Room,
        DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, int? Capacity, IReadOnlyList<SignupInput.SpeakerBody>? Speakers);

    public sealed record SessionCreated(Guid SessionId);

    /// <summary><c>Follow</c> true gives the room back to the timetable; else <c>SessionId</c> (null: nothing now, a break).</summary>
    public sealed record RoomNowBody(Guid? SessionId, bool? Follow);

    public sealed record AnnouncementBody(string? Text);

    public sealed record SessionStats(Guid SessionId, string TitleFr, string TitleEn, SessionKind Kind, string Room, DateTimeOffset StartsAt,
        int? Capacity, int Taken, int Waitlisted, int? Left, IReadOnlyDictionary<AttendeeCategory, int> ByCategory);

    public sealed record ProgrammeStats(ColloqueJson.Places Places, IReadOnlyList<SessionStats> Sessions);

    private static async Task<Results<Ok<ColloqueJson.Registration>, ProblemHttpResult>> SetSettingsAsync(Guid id, SettingsBody body, IGrainFactory grains, TimeProvider clock)
    {
        var errors = SignupInput.CheckSettings(body, clock, out var quotas);
        if (errors.Count > 0) return Problems.Validation(errors);
        if (await grains.GetGrain<IColloqueGrain>(id).GetDetailsAsync() is null) return KnownColloques.Unknown();
        var settings = new RegistrationSettings(body.OpensAt!.Value, body.ClosesAt!.Value, body.TotalCapacity, quotas, body.VenueAddress?.Trim() ?? "", body.WaitlistCapacity);
        await grains.GetGrain<IColloqueSignupsGrain>(id).SetSettingsAsync(settings);
        return TypedResults.Ok(ColloqueJson.RegistrationOf(settings));
    }

    private static async Task<Results<Created<SessionCreated>, ProblemHttpResult>> AddSessionAsync(Guid id, SessionBody body, IGrainFactory grains, TimeProvider clock)
    {
        if (Session(Guid.NewGuid(), body, clock, out var errors) is not { } session) return Problems.Validation(errors);
        if (await grains.GetGrain<IColloqueGrain>(id).GetDetailsAsync() is null) return KnownColloques.Unknown();
        var signups = grains.GetGrain<IColloqueSignupsGrain>(id);
        if ((await signups.GetProgrammeAsync()).Sessions.Count >= ColloqueSignupsGrain.MaxSessions)
            return Problems.Create(StatusCodes.Status409Conflict, "too-many-sessions",
                $"{ColloqueSignupsGrain.MaxSessions} sessions au plus.", $"{ColloqueSignupsGrain.MaxSessions} sessions at most.");
        await signups.SaveSessionAsync(session);
        return TypedResults.Created($"/api/colloques/{id}/sessions/{session.Id}", new SessionCreated(session.Id));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UpdateSessionAsync(Guid id, Guid sessionId, SessionBody body, IGrainFactory grains, TimeProvider clock)
    {
        if (Session(sessionId, body, clock, out var errors) is not { } session) return Problems.Validation(errors);
        var signups = grains.GetGrain<IColloqueSignupsGrain>(id);
        if (!(await signups.GetProgrammeAsync()).Sessions.Any(s => s.Id == sessionId)) return UnknownSession();
        await signups.SaveSessionAsync(session);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveSessionAsync(Guid id, Guid sessionId, IGrainFactory grains) =>
        await grains.GetGrain<IColloqueSignupsGrain>(id).RemoveSessionAsync(sessionId) == ProgrammeResult.Ok ? TypedResults.NoContent() : UnknownSession();

    private static async Task<Results<Ok<ProgrammeStats>, ProblemHttpResult>> StatsAsync(Guid id, IGrainFactory grains)
    {
        if (await grains.GetGrain<IColloqueGrain>(id).GetDetailsAsync() is null) return KnownColloques.Unknown();
        var signups = grains.GetGrain<IColloqueSignupsGrain>(id);
        var programme = await signups.GetProgrammeAsync();
        var byCategory = await signups.GetSessionCategoryCountsAsync();
        var seats = programme.Counts.Sessions.ToDictionary(s => s.SessionId);
        var sessions = programme.Sessions.Select(s =>
        {
            var seat = seats.GetValueOrDefault(s.Id);
            return new SessionStats(s.Id, s.TitleFr, s.TitleEn, s.Kind, s.Room, s.StartsAt, s.Capacity, seat?.Taken ?? 0, seat?.Waitlisted ?? 0,
                seat?.Left, byCategory.GetValueOrDefault(s.Id)?.ToDictionary(p => p.Key, p => p.Value) ?? []);
        }).ToList();
        return TypedResults.Ok(new ProgrammeStats(ColloqueJson.PlacesOf(programme.Counts), sessions));
    }

    /// <summary>A session's seat holders then its waitlist, in order (the one CSV writer: BOM, formula injection defused; semicolons as the attendance list).</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> SessionCsvAsync(Guid id, Guid sessionId, IGrainFactory grains)
    {
        var signups = grains.GetGrain<IColloqueSignupsGrain>(id);
        var session = (await signups.GetProgrammeAsync()).Sessions.FirstOrDefault(s => s.Id == sessionId);
        if (session is null) return UnknownSession();
        var list = await signups.GetSessionListAsync(sessionId);
        var names = (await grains.GetGrain<IColloqueDirectoryGrain>(id).ListAsync()).ToDictionary(e => e.Code);
        return CsvExport.File($"atelier-{session.StartsAt:yyyy-MM-dd-HHmm}-{sessionId.ToString("N")[..8]}.csv",
            ["code", "nom/name", "organisation", "catégorie/category", "statut/status", "position"],
            list.Select(line => new[]
            {
                line.Code, names.GetValueOrDefault(line.Code)?.Name, names.GetValueOrDefault(line.Code)?.Organisation,
                StrictEnumConverterFactory.WireName(line.Category.ToString()), StrictEnumConverterFactory.WireName(line.Status.ToString()), line.Position?.ToString(CultureInfo.InvariantCulture),
            }), delimiter: ";");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> AnnounceAsync(Guid id, AnnouncementBody body, IGrainFactory grains)
    {
        var errors = new Dictionary<string, BilingualText>();
        TextFields.Optional(errors, "text", body.Text, SignupInput.MaxAnnouncement, "Annonce", "Announcement");
        if (errors.Count > 0) return Problems.Validation(errors);
        if (await grains.GetGrain<IColloqueGrain>(id).GetDetailsAsync() is null) return KnownColloques.Unknown();
        await grains.GetGrain<IColloqueScreensGrain>(id).SetAnnouncementAsync(body.Text?.Trim());
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SetRoomNowAsync(Guid id, string room, RoomNowBody body, IGrainFactory grains)
    {
        Guid? target = body.Follow == true ? null : body.SessionId ?? Guid.Empty;
        return await grains.GetGrain<IColloqueScreensGrain>(id).SetRoomNowAsync(room, target) switch
        {
            ProgrammeResult.Ok => TypedResults.NoContent(),
            ProgrammeResult.UnknownRoom => UnknownRoom(),
            _ => UnknownSession(),
        };
    }

    public sealed record Advanced(Guid? SessionId);

    private static async Task<Results<Ok<Advanced>, ProblemHttpResult>> AdvanceRoomAsync(Guid id, string room, IGrainFactory grains)
    {
        var advance = await grains.GetGrain<IColloqueScreensGrain>(id).AdvanceRoomAsync(room);
        return advance.Result == ProgrammeResult.Ok ? TypedResults.Ok(new Advanced(advance.NextSessionId)) : UnknownRoom();
    }

    private static ProgrammeSession? Session(Guid sessionId, SessionBody body, TimeProvider clock, out Dictionary<string, BilingualText> errors)
    {
        errors = SignupInput.CheckSession(body, clock, out var kind);
        if (errors.Count > 0) return null;
        return new ProgrammeSession(sessionId, body.TitleFr!.Trim(), body.TitleEn!.Trim(), body.DescriptionFr?.Trim() ?? "", body.DescriptionEn?.Trim() ?? "",
            kind, body.Room!.Trim(), body.StartsAt!.Value, body.EndsAt!.Value, body.Capacity,
            (body.Speakers ?? []).Select(s => new Speaker(s.Name!.Trim(), s.Organisation?.Trim() ?? "")).ToList());
    }

    private static ProblemHttpResult UnknownSession() =>
        Problems.Create(StatusCodes.Status404NotFound, "unknown-session", "Cette session n'est pas au programme.", "This session is not in the programme.");

    private static ProblemHttpResult UnknownRoom() =>
        Problems.Create(StatusCodes.Status404NotFound, "unknown-room", "Aucune session du programme dans cette salle.", "No session of the programme in this room.");
}
