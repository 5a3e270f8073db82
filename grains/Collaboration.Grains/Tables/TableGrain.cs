using Microsoft.Extensions.DependencyInjection;
using Collaboration.Grains.Live;
using Collaboration.Grains.Mail;
using Collaboration.Grains.Platform;
using Collaboration.Grains.Tables.Events;

namespace Collaboration.Grains.Tables;

[GrainType("table")]
public sealed class TableGrain(
    [PersistentState("table", StorageNames.Grains)] IPersistentState<TableState> state, TimeProvider clock)
    : LiveGrain<TableState>(state, clock), ITableGrain
{
    public async Task<TableOutcome> CreateAsync(string name, int quorum, string createdBy)
    {
        if (State.Exists) return TableOutcome.AlreadyExists;
        if (string.IsNullOrWhiteSpace(name) || quorum < 1) return TableOutcome.Invalid;
        State.Exists = true;
        State.Name = name;
        State.Quorum = quorum;
        State.CreatedBy = createdBy;
        State.CreatedAt = Now;
        RaiseEvent(new TableCreated(name, quorum));
        await WriteStateAsync();
        return TableOutcome.Done;
    }

    public async Task<TableOutcome> AddMemberAsync(Guid memberId, NewTableMember member)
    {
        if (!State.Exists) return TableOutcome.NotFound;
        if (State.Members.Any(m => m.Id == memberId)) return TableOutcome.AlreadyExists;
        if (State.Members.Any(m => string.Equals(m.Email, member.Email, StringComparison.OrdinalIgnoreCase)))
            return TableOutcome.AlreadyExists;
        State.Members.Add(new TableMemberState
        {
            Id = memberId, Name = member.Name, Organisation = member.Organisation, Sector = member.Sector,
            Email = member.Email, Role = member.Role, OrganisationId = member.OrganisationId,
        });
        RaiseEvent(new TableMemberAdded(memberId, member.Name, member.Organisation, member.Sector, member.Role));
        await WriteStateAsync();
        return TableOutcome.Done;
    }

    public async Task<MemberAccessChange> SetSignInLinkAsync(Guid memberId, string tokenHash, string? sealedToken = null)
    {
        var member = State.Members.FirstOrDefault(m => m.Id == memberId);
        if (!State.Exists || member is null) return new(TableOutcome.NotFound);
        var previous = member.LinkHash;
        member.LinkHash = tokenHash;
        member.AccessRevoked = false;
        if (sealedToken is not null && member.Email.Length > 0) RecordLink(member, sealedToken);
        await WriteStateAsync();
        return new(TableOutcome.Done, previous, member.AccessStamp);
    }

    public Task RequestSignInLinkAsync(string email, string tokenHash, string sealedToken)
    {
        var member = State.Members.FirstOrDefault(m => !m.AccessRevoked && m.Email.Length > 0 &&
            string.Equals(m.Email, email, StringComparison.OrdinalIgnoreCase));
        if (!State.Exists || member is null) return Task.CompletedTask;
        member.LinkHash = tokenHash;
        RecordLink(member, sealedToken);
        WriteStateInBackground(); // the answer never waits on the write only a known address causes
        return Task.CompletedTask;
    }

    public Task<Guid?> MemberByLinkAsync(string tokenHash) =>
        Task.FromResult(State.Members.FirstOrDefault(m => !m.AccessRevoked && m.LinkHash == tokenHash)?.Id);

    public async Task<MemberAccessChange> RevokeAccessAsync(Guid memberId)
    {
        var member = State.Members.FirstOrDefault(m => m.Id == memberId);
        if (!State.Exists || member is null) return new(TableOutcome.NotFound);
        var previous = member.LinkHash;
        member.LinkHash = null;
        member.AccessRevoked = true;
        member.AccessStamp++;
        State.Mail.DropPendingFor(memberId.ToString("N"));
        RaiseEvent(new TableMemberAccessRevoked(memberId));
        await WriteStateAsync();
        return new(TableOutcome.Done, previous, member.AccessStamp);
    }

    public async Task<TableOutcome> LinkOrganisationAsync(Guid memberId, Guid? organisationId)
    {
        var member = State.Members.FirstOrDefault(m => m.Id == memberId);
        if (!State.Exists || member is null) return TableOutcome.NotFound;
        if (member.OrganisationId == organisationId) return TableOutcome.AlreadyExists;
        member.OrganisationId = organisationId;
        RaiseEvent(new TableMemberOrganisationLinked(memberId, organisationId));
        await WriteStateAsync();
        return TableOutcome.Done;
    }

    public async Task<int> ReplaceOrganisationAsync(Guid from, Guid to)
    {
        var linked = State.Members.Where(m => m.OrganisationId == from).ToList();
        if (linked.Count == 0) return 0;
        foreach (var member in linked)
        {
            member.OrganisationId = to;
            RaiseEvent(new TableMemberOrganisationLinked(member.Id, to));
        }
        await WriteStateAsync();
        return linked.Count;
    }

    public async Task<TableOutcome> AddMeetingAsync(Guid meetingId, string title, DateTimeOffset startsAt)
    {
        if (!State.Exists) return TableOutcome.NotFound;
        if (State.Meetings.Any(m => m.Id == meetingId)) return TableOutcome.AlreadyExists;
        State.Meetings.Add(new TableMeetingRef(meetingId, title, startsAt));
        RaiseEvent(new TableMeetingScheduled(meetingId, title, startsAt));
        await WriteStateAsync();
        return TableOutcome.Done;
    }

    private void RecordLink(TableMemberState member, string sealedToken)
    {
        var reference = member.Id.ToString("N");
        State.Mail.DropPendingFor(reference); // its link no longer works
        State.Mail.Record(member.Invited ? MailKind.MemberLinkReissued : MailKind.MemberInvited, member.Email, member.Name, null, reference,
            new() { ["tableId"] = GrainGuidKey.ToString("N"), ["tableName"] = State.Name, ["sealedToken"] = sealedToken }, Now);
        member.Invited = true;
    }

    public Task<TableView?> GetAsync() => Task.FromResult(State.Exists
        ? new TableView(GrainGuidKey, Version, State.Name, State.Quorum, State.CreatedBy, State.CreatedAt,
            [.. State.Members.Select(m => new TableMemberView(m.Id, m.Name, m.Organisation, m.Sector, m.Email, m.Role, m.AccessRevoked, m.AccessStamp, m.OrganisationId))],
            [.. State.Meetings.OrderBy(m => m.StartsAt)])
        : null);

    public Task<MemberAccess?> GetAccessAsync(Guid memberId) =>
        Task.FromResult(State.Exists && State.Members.FirstOrDefault(m => m.Id == memberId) is { } member
            ? new MemberAccess(member.Role, member.AccessRevoked, member.AccessStamp)
            : null);
}
