using Collaboration.Grains.Live;
using Collaboration.Grains.Platform;
using Collaboration.Grains.Colloque.Events;

namespace Collaboration.Grains.Colloque;

/// <summary>
/// Reentrant with group commit (see <see cref="Platform.DurableGrain{TState}"/>): every method
/// decides and changes the state without awaiting, so the arrivals mirrored while a write is in
/// flight are committed together by the next one — four busy desks do not queue on one commit each.
/// </summary>
[Reentrant]
[GrainType(Feed)]
public sealed class ColloqueGrain(
    [PersistentState("colloque", StorageNames.Grains)] IPersistentState<ColloqueState> state, TimeProvider clock)
    : LiveGrain<ColloqueState>(state, clock), IColloqueGrain
{
    /// <summary>The grain type, which names the feed of its topics.</summary>
    public const string Feed = "colloque";

    public const int RecentCount = 30;
    public const int MaxDesks = 50;

    public async Task<bool> CreateAsync(ColloqueDetails details)
    {
        if (State.Exists) return false;
        State.Exists = true;
        State.Title = details.Title;
        State.Date = details.Date;
        State.Venue = details.Venue;
        State.CreatedAt = Now;
        RaiseEvent(new ColloqueCreated(details.Title, details.Date, details.Venue));
        await WriteStateAsync();
        return true;
    }

    public Task<ColloqueDetails?> GetDetailsAsync() =>
        Task.FromResult(State.Exists ? new ColloqueDetails(State.Title, State.Date, State.Venue) : null);

    public Task<ColloqueView?> GetAsync()
    {
        if (!State.Exists) return Task.FromResult<ColloqueView?>(null);
        var created = State.CreatedAt.ToUnixTimeSeconds();
        var arrivals = State.Applied
            .Select(a => (a.Key, Value: AppliedArrival.Unpack(a.Value)))
            .Where(a => a.Value.CheckedIn)
            .Select(a => new Arrival(a.Key, a.Value.Category, DeskIdAt(a.Value.DeskIndex),
                DateTimeOffset.FromUnixTimeSeconds(created + a.Value.SecondsAfterCreation)))
            .OrderBy(a => a.At)
            .ToList();
        var byCategory = Enum.GetValues<AttendeeCategory>().ToDictionary(c => c, c => arrivals.Count(a => a.Category == c));
        var byDesk = arrivals.GroupBy(a => a.DeskId ?? "").ToDictionary(g => g.Key, g => g.Count());
        var recent = State.Recent.AsEnumerable().Reverse().ToList();
        return Task.FromResult<ColloqueView?>(new ColloqueView(GrainGuidKey, State.Title, State.Date, State.Venue,
            [.. State.Desks], arrivals.Count, byCategory, byDesk, arrivals, recent, Version));
    }

    public async Task<Desk?> AddDeskAsync(string deskId, string name)
    {
        if (!State.Exists || State.Desks.Count >= MaxDesks) return null;
        var existing = State.Desks.Find(d => d.DeskId == deskId);
        if (existing is not null) return existing;
        var desk = new Desk(deskId, name, Now);
        State.Desks.Add(desk);
        RaiseEvent(new DeskAdded(deskId, name));
        await WriteStateAsync();
        return desk;
    }

    public async Task<ArrivalApplication> ApplyArrivalAsync(ArrivalChange change)
    {
        if (!State.Exists) return ArrivalApplication.UnknownColloque;
        if (!Apply(change)) return ArrivalApplication.AlreadyApplied;
        await WriteStateAsync();
        return ArrivalApplication.Applied;
    }

    public async Task<int> RebuildAsync()
    {
        if (!State.Exists) return 0;
        var entries = await GrainFactory.GetGrain<IColloqueDirectoryGrain>(GrainGuidKey).ListAsync();
        var changes = new List<ArrivalChange>();
        foreach (var chunk in entries.Chunk(200))
            foreach (var view in await Task.WhenAll(chunk.Select(e => GrainFactory.GetGrain<IRegistrationGrain>(e.Code).GetAsync())))
                if (view is { CheckInVersion: > 0 } && view.ColloqueId == GrainGuidKey)
                    changes.Add(new(view.Code, view.CheckInVersion, view.CheckIn is not null, view.Category, view.CheckIn?.DeskId, view.CheckIn?.DeskName,
                        view.CheckIn?.Operator, view.CheckIn?.At, view.Name, view.Organisation));
        var applied = changes.Count(Apply);
        if (applied > 0) await WriteStateAsync();
        return applied;
    }

    public async Task ForgetNameAsync(string code)
    {
        var index = State.Recent.FindIndex(r => r.Code == code);
        if (index < 0) return;
        State.Recent[index] = State.Recent[index] with { Name = "", Organisation = "" };
        await WriteStateAsync();
    }

    private string DeskIdAt(int index) => index >= 0 && index < State.Desks.Count && index != AppliedArrival.NoDesk ? State.Desks[index].DeskId : Desk.OrganiserDeskId;

    /// <summary>Applies a change unless this code is already at this check-in version or later.</summary>
    private bool Apply(ArrivalChange change)
    {
        AppliedArrival? known = State.Applied.TryGetValue(change.Code, out var packed) ? AppliedArrival.Unpack(packed) : null;
        if (known is { } k && k.CheckInVersion >= change.CheckInVersion) return false;
        var wasIn = known?.CheckedIn == true;
        var deskIndex = State.Desks.FindIndex(d => d.DeskId == change.DeskId);
        State.Applied[change.Code] = new AppliedArrival(change.CheckInVersion, change.CheckedIn, change.Category,
            deskIndex is >= 0 and < AppliedArrival.NoDesk ? deskIndex : AppliedArrival.NoDesk,
            change.CheckedInAt is { } checkedInAt ? checkedInAt.ToUnixTimeSeconds() - State.CreatedAt.ToUnixTimeSeconds() : 0).Pack();
        if (change.CheckedIn && !wasIn)
        {
            var at = change.CheckedInAt ?? Now;
            State.Recent.Add(new RecentArrival(change.Code, change.Name, change.Organisation, change.Category, change.DeskId, at));
            if (State.Recent.Count > RecentCount) State.Recent.RemoveRange(0, State.Recent.Count - RecentCount);
            RaiseEvent(new AttendeeArrived(change.Code, change.Category, change.DeskId, change.DeskName, at, change.CheckInVersion));
        }
        else if (!change.CheckedIn)
        {
            // Raised even when this grain never counted the arrival (a check-in undone before its change was delivered,
            // the two folded into this one): the screens were shown it ahead of this grain (RegistrationGrain) and must drop it.
            State.Recent.RemoveAll(r => r.Code == change.Code);
            RaiseEvent(new ArrivalUndone(change.Code, change.Category, wasIn ? DeskIdAt(known!.Value.DeskIndex) : null, change.CheckInVersion));
        }
        return true;
    }
}
