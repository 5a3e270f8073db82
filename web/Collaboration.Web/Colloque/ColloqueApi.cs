using Collaboration.Grains.Colloque;
using Collaboration.Web.Platform;
using Collaboration.Web.Platform.Input;
using Collaboration.Web.Platform.Permissions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Web.Colloque;

/// <summary>The colloque: its creation, list, view, live figures and their rebuild; the attendees, desks and check-ins are mapped from their own files, on the same route groups.</summary>
public static class ColloqueApi
{
    public static IEndpointRouteBuilder MapColloqueApi(this IEndpointRouteBuilder app)
    {
        var organiser = app.MapGroup("/api/colloques").WithTags("Colloque").Requires(ColloqueAction.Manage);
        organiser.MapPost("/", CreateAsync);
        organiser.MapGet("/", ListAsync);
        organiser.MapPost("/{id:guid}/stats/rebuild", RebuildAsync);

        // Organisers, and the desks paired with THIS colloque: the permission filter checks it for every endpoint of the group.
        var operate = app.MapGroup("/api/colloques/{id:guid}").WithTags("Colloque").Requires(ColloqueAction.Operate);
        operate.MapGet("/", GetAsync);
        operate.MapGet("/stats", StatsAsync);

        var desks = app.MapGroup("/api/desks").WithTags("Colloque");
        AttendeesApi.MapAttendees(organiser, operate);
        DesksApi.MapDesks(organiser, desks);
        CheckInsApi.MapCheckIns(operate);
        app.MapColloqueBadgesApi();
        app.MapSignupsApi();
        app.MapProgrammeApi();
        return app;
    }

    private static async Task<Results<Created<ColloqueCreated>, ProblemHttpResult>> CreateAsync(CreateColloqueRequest request, IGrainFactory grains, TimeProvider clock)
    {
        var errors = new Dictionary<string, BilingualText>();
        var title = request.Title?.Trim() ?? "";
        var venue = request.Venue?.Trim() ?? "";
        if (title.Length is 0 or > 200) errors["title"] = new("Entrez un titre (200 caractères au plus).", "Enter a title (200 characters at most).");
        var date = DateInput.Parse(errors, "date", request.Date, clock.GetUtcNow()) ?? default;
        if (string.IsNullOrWhiteSpace(request.Date)) errors["date"] = new("Entrez une date (AAAA-MM-JJ).", "Enter a date (YYYY-MM-DD).");
        if (venue.Length > 200) errors["venue"] = new("Le lieu a 200 caractères au plus.", "The venue has 200 characters at most.");
        if (errors.Count > 0) return Problems.Validation(errors);

        var id = Guid.NewGuid();
        await grains.GetGrain<IColloqueGrain>(id).CreateAsync(new ColloqueDetails(title, date, venue));
        await grains.GetGrain<IColloqueIndexGrain>("all").AddAsync(new ColloqueSummary(id, title, date, venue));
        return TypedResults.Created($"/api/colloques/{id}", new ColloqueCreated(id, title, date, venue));
    }

    private static async Task<Ok<IReadOnlyList<ColloqueSummary>>> ListAsync(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IColloqueIndexGrain>("all").ListAsync());

    private static async Task<Results<Ok<ColloqueView>, ProblemHttpResult>> GetAsync(Guid id, IGrainFactory grains)
    {
        return await grains.GetGrain<IColloqueGrain>(id).GetAsync() is { } view ? TypedResults.Ok(view) : ColloqueProblems.NotFound();
    }

    private static async Task<Results<Ok<StatsResponse>, ProblemHttpResult>> StatsAsync(Guid id, IGrainFactory grains)
    {
        if (await grains.GetGrain<IColloqueGrain>(id).GetAsync() is not { } view) return ColloqueProblems.NotFound();
        var registered = (await grains.GetGrain<IColloqueDirectoryGrain>(id).ListAsync()).Count(e => !e.Cancelled);
        return TypedResults.Ok(Stats(view, registered));
    }

    /// <summary>
    /// The figures, each list adding up to <c>Arrived</c>: every category (zero included), and every desk
    /// plus the organisers' own check-ins under "Organisation" (always listed, last).
    /// </summary>
    public static StatsResponse Stats(ColloqueView view, int registered) => new(view.Id, view.Title, view.Date, view.Venue, registered, view.Arrived,
        Enum.GetValues<AttendeeCategory>().ToDictionary(c => c, c => view.ArrivedByCategory.GetValueOrDefault(c)),
        [.. view.Desks.Select(d => new DeskCount(d.DeskId, d.Name, view.ArrivedByDesk.GetValueOrDefault(d.DeskId))),
            new DeskCount(Desk.OrganiserDeskId, Desk.OrganiserDeskName,
                view.ArrivedByDesk.Where(p => view.Desks.All(d => d.DeskId != p.Key)).Sum(p => p.Value))],
        view.RecentArrivals.Select(r => new RecentJson(r.Code, r.Name, r.Organisation, (r.Category), r.DeskId, r.At)).ToList(),
        view.Version);

    /// <summary>An operator's tool: the figures are kept by the registrations' after-commit path, not by this.</summary>
    private static async Task<Ok<RebuildResponse>> RebuildAsync(Guid id, IGrainFactory grains) =>
        TypedResults.Ok(new RebuildResponse(await grains.GetGrain<IColloqueGrain>(id).RebuildAsync()));
}
