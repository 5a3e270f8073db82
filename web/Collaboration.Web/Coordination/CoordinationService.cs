using Collaboration.Grains.Platform;
using System.Security.Claims;
using Collaboration.Grains.Coordination;
using Collaboration.Grains.Meetings;
using Collaboration.Grains.Partners;
using Collaboration.Grains.Tables;
using Collaboration.Web.Accounts;
using Collaboration.Web.Meetings;
using Collaboration.Web.Partners;

namespace Collaboration.Web.Coordination;

/// <summary>
/// Reads the coordination board (the table boards the caller may see, joined with the people and
/// their organisations) and changes an item's status on its meeting grain, the truth.
/// </summary>
public sealed class CoordinationService(
    IGrainFactory grains, MeetingsPermissions meetings, CoordinationPermissions permissions, PartnersService partners, TimeProvider clock)
{
    /// <summary>The caller's tables (organisers: all; members: theirs), or null when they may see no board at all.</summary>
    public async Task<CoordinationScope?> ScopeAsync(ClaimsPrincipal user)
    {
        if (!await permissions.AllowsAsync(user, CoordinationAction.SeeBoard, Guid.Empty)) return null;
        var tables = new List<(TableView, TableAccess)>();
        foreach (var entry in await meetings.VisibleTablesAsync(user))
        {
            var table = await grains.GetGrain<ITableGrain>(entry.Id).GetAsync();
            if (table is null) continue;
            var access = await meetings.ForTableAsync(user, table.Id, table);
            if (MeetingsPermissions.Allows(access, MeetingAction.Read)) tables.Add((table, access));
        }
        if (tables.Count == 0 && !user.IsInRole(Roles.Organiser)) return null;
        var names = new OrganisationNameIndex(await partners.Directory.ListAsync());
        var byId = names.Organisations.ToDictionary(o => o.Id);
        var people = new Dictionary<Guid, BoardPerson>();
        foreach (var (table, _) in tables)
        foreach (var m in table.Members)
        {
            var organisation = m.OrganisationId is { } id && byId.TryGetValue(id, out var o) ? o : null;
            people[m.Id] = new BoardPerson(m.Id, m.Name, table.Id, table.Name, organisation?.Id, organisation?.Profile.Name,
                organisation is null ? null : PartnerCodes.Code(organisation.Profile.Mrc));
        }
        return new CoordinationScope(user.IsInRole(Roles.Organiser), tables, people, names);
    }

    public async Task<BoardResponse> BoardAsync(CoordinationScope scope, BoardFilter filter)
    {
        var today = QuebecTime.Today(clock);
        var tables = new List<BoardTable>();
        var rows = new List<BoardRow>();
        var decisions = new List<BoardDecisionRow>();
        foreach (var (table, access) in scope.Tables)
        {
            var board = await grains.GetGrain<ITableBoardGrain>(table.Id).GetAsync();
            tables.Add(new BoardTable(table.Id, table.Name, board.Version));
            if (filter.Table is null || filter.Table == table.Id)
                decisions.AddRange((board.Decisions ?? []).Select(d => BoardDecisionRow.From(d, table.Id, table.Name)));
            rows.AddRange(board.Items.Select(i => BoardRow.From(i, table.Id, table.Name, scope.People.GetValueOrDefault(i.OwnerMemberId), today,
                CoordinationPermissions.MayChangeStatus(access, i.OwnerMemberId))));
        }
        var organisations = scope.People.Values.Where(p => p.OrganisationId is not null)
            .DistinctBy(p => p.OrganisationId).Select(p => new BoardOrganisation(p.OrganisationId!.Value, p.OrganisationName!, p.Mrc!))
            .OrderBy(o => o.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        return new BoardResponse(today, tables, [.. scope.People.Values], organisations,
            [.. rows.Where(filter.Keeps).OrderBy(r => r.Due ?? DateOnly.MaxValue).ThenBy(r => r.RaisedAt)],
            [.. decisions.OrderByDescending(d => d.RecordedAt).Take(BoardDecisionRow.Shown)]);
    }

    /// <summary>
    /// Changes an item's status in the latest meeting that carries it. The board says which that is;
    /// meetings of the table that start later are read first, in case one took the item up since.
    /// </summary>
    public async Task<(MeetingResult? Result, BoardItem? Item)> SetStatusAsync(
        TableView table, Guid itemId, ActionItemStatus status, long expectedVersion, Func<BoardItem, bool> allowed)
    {
        var item = (await grains.GetGrain<ITableBoardGrain>(table.Id).GetAsync()).Items.FirstOrDefault(i => i.ItemId == itemId);
        if (item is null) return (null, null);
        var home = table.Meetings.FirstOrDefault(m => m.Id == item.MeetingId);
        foreach (var later in table.Meetings.Where(m => home is not null && m.StartsAt > home.StartsAt).OrderByDescending(m => m.StartsAt))
        {
            var meeting = await grains.GetGrain<IMeetingGrain>(later.Id).GetAsync();
            if (meeting?.ActionItems.Concat(meeting.FollowUps).FirstOrDefault(a => a.Id == itemId) is { } carried)
            {
                item = item with { MeetingId = meeting.Id, MeetingTitle = meeting.Title, Version = carried.Version, Status = carried.Status };
                break;
            }
        }
        if (!allowed(item)) return (null, item);
        return (await grains.GetGrain<IMeetingGrain>(item.MeetingId).SetActionItemStatusAsync(itemId, status, expectedVersion), item);
    }
}
