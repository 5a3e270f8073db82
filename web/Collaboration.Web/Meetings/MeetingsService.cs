using Collaboration.Grains.Accounts;
using Collaboration.Grains.Meetings;
using Collaboration.Grains.Platform;
using Collaboration.Grains.Tables;
using Collaboration.Grains.Mail;
using Collaboration.Web.Accounts;
using Collaboration.Web.Mail;

namespace Collaboration.Web.Meetings;

/// <summary>
/// The steps that touch more than one grain (grains never write to each other): a table and its
/// directory entry, a member and their sign-in link, a meeting and its follow-ups from the
/// previous closed meeting. Used by the API and the demo data.
/// </summary>
public sealed class MeetingsService(IGrainFactory grains, InvitationLinks links, MailLinks mailLinks)
{
    public const string LinkPurpose = "table-member";

    /// <summary>A link a member asked for by email: its subject is the address; it signs in to every table whose current link it is.</summary>
    public const string RequestedLinkPurpose = "table-member-requested";

    public async Task<Guid> CreateTableAsync(string name, int quorum, string createdBy)
    {
        var id = Guid.NewGuid();
        await grains.GetGrain<ITableGrain>(id).CreateAsync(name, quorum, createdBy);
        await grains.GetGrain<ITableDirectoryGrain>("default").AddAsync(id, name);
        return id;
    }

    /// <summary>Adds the member, gives them a sign-in link (token returned once) and puts them on the open meetings' rosters.</summary>
    public async Task<(TableOutcome Outcome, Guid MemberId, string? Token)> AddMemberAsync(Guid tableId, NewTableMember member)
    {
        var memberId = Guid.NewGuid();
        var table = grains.GetGrain<ITableGrain>(tableId);
        var outcome = await table.AddMemberAsync(memberId, member);
        if (outcome != TableOutcome.Done) return (outcome, Guid.Empty, null);
        var (_, token) = await IssueLinkAsync(tableId, memberId);
        var view = (await table.GetAsync())!;
        var roster = Roster(view);
        foreach (var meeting in view.Meetings)
            await grains.GetGrain<IMeetingGrain>(meeting.Id).SyncRosterAsync(roster); // closed ones refuse: read-only
        return (TableOutcome.Done, memberId, token);
    }

    /// <summary>
    /// A fresh single-use link; the previous one stops working and access is restored if it was
    /// revoked. With <paramref name="email"/> the member also gets it by email (invitation or re-issue).
    /// </summary>
    public async Task<(TableOutcome Outcome, string? Token)> IssueLinkAsync(Guid tableId, Guid memberId, bool email = true)
    {
        var table = await grains.GetGrain<ITableGrain>(tableId).GetAsync();
        if (table?.Member(memberId) is null) return (TableOutcome.NotFound, null);
        var token = await links.IssueAsync(LinkPurpose, $"{tableId:N}/{memberId:N}");
        var change = await grains.GetGrain<ITableGrain>(tableId).SetSignInLinkAsync(memberId, SecretTokens.Hash(token),
            email ? mailLinks.SealSignInToken(token) : null);
        if (change.PreviousLinkHash is { } previous) await links.RevokeAsync(previous);
        return (change.Outcome, token);
    }

    public async Task<TableOutcome> RevokeAsync(Guid tableId, Guid memberId)
    {
        var change = await grains.GetGrain<ITableGrain>(tableId).RevokeAccessAsync(memberId);
        if (change.PreviousLinkHash is { } previous) await links.RevokeAsync(previous);
        return change.Outcome;
    }

    /// <summary>
    /// A member asks for a new sign-in link by email. The same steps for any address (one link issued,
    /// every table asked), and the tables write and mail after answering: nothing here tells or waits on
    /// whether the address is a member's.
    /// </summary>
    public async Task RequestLinkAsync(string email)
    {
        var token = await links.IssueAsync(RequestedLinkPurpose, email);
        var (hash, sealedToken) = (SecretTokens.Hash(token), mailLinks.SealSignInToken(token));
        foreach (var table in await grains.GetGrain<ITableDirectoryGrain>("default").ListAsync())
            await grains.GetGrain<ITableGrain>(table.Id).RequestSignInLinkAsync(email, hash, sealedToken);
    }

    /// <summary>Uses a sign-in link up; the membership to put in the cookie, or why not.</summary>
    public async Task<(InvitationStatus Status, TableMembership? Membership, string? Name)> RedeemAsync(string token)
    {
        var redemption = await links.RedeemAsync(token);
        if (redemption.Status != InvitationStatus.Redeemed) return (redemption.Status, null, null);
        if (redemption.Purpose == RequestedLinkPurpose) return await RedeemRequestedAsync(SecretTokens.Hash(token));
        var parts = redemption.Subject?.Split('/') ?? [];
        if (redemption.Purpose != LinkPurpose || parts.Length != 2 ||
            !Guid.TryParseExact(parts[0], "N", out var tableId) || !Guid.TryParseExact(parts[1], "N", out var memberId))
            return (InvitationStatus.Unknown, null, null);
        var member = (await grains.GetGrain<ITableGrain>(tableId).GetAsync())?.Member(memberId);
        if (member is null || member.AccessRevoked) return (InvitationStatus.Revoked, null, null);
        return (InvitationStatus.Redeemed, new TableMembership(tableId, memberId, member.AccessStamp), member.Name);
    }

    /// <summary>The first table whose member holds this requested link as their current one.</summary>
    private async Task<(InvitationStatus Status, TableMembership? Membership, string? Name)> RedeemRequestedAsync(string hash)
    {
        foreach (var entry in await grains.GetGrain<ITableDirectoryGrain>("default").ListAsync())
        {
            var table = grains.GetGrain<ITableGrain>(entry.Id);
            if (await table.MemberByLinkAsync(hash) is not { } memberId || (await table.GetAsync())?.Member(memberId) is not { } member) continue;
            return (InvitationStatus.Redeemed, new TableMembership(entry.Id, memberId, member.AccessStamp), member.Name);
        }
        return (InvitationStatus.Revoked, null, null);
    }

    public async Task<(MeetingOutcome Outcome, Guid MeetingId)> CreateMeetingAsync(
        TableView table, string title, DateTimeOffset startsAt, string location, string createdBy)
    {
        var id = Guid.NewGuid();
        var followUps = await FollowUpsAsync(table, startsAt);
        var created = await grains.GetGrain<IMeetingGrain>(id).CreateAsync(new MeetingSetup(
            table.Id, table.Name, title, startsAt, location, table.Quorum, Roster(table), followUps, createdBy, await MinutesToAdoptAsync(table, startsAt)));
        if (created.Outcome != MeetingOutcome.Applied) return (created.Outcome, Guid.Empty);
        // No notice yet: a new meeting has no agenda, and a convocation without one is what members
        // complained about. The organiser sends it from the room when the agenda is ready (POST …/notice).
        await grains.GetGrain<ITableGrain>(table.Id).AddMeetingAsync(id, title, startsAt);
        return (MeetingOutcome.Applied, id);
    }

    /// <summary>
    /// The series' meeting of <paramref name="expectedStartsAt"/> (the date the organiser saw): the series grain records it
    /// and creates it, with the template, the open action items of the last closed meeting and its minutes to adopt.
    /// </summary>
    public async Task<MeetingResult> CreateNextInSeriesAsync(TableView table, DateTimeOffset expectedStartsAt, string createdBy)
    {
        var setup = new MeetingSetup(table.Id, table.Name, "", expectedStartsAt, "", table.Quorum, Roster(table),
            await FollowUpsAsync(table, expectedStartsAt), createdBy, await MinutesToAdoptAsync(table, expectedStartsAt));
        return await grains.GetGrain<IMeetingSeriesGrain>(table.Id).CreateNextAsync(Guid.NewGuid(), expectedStartsAt, setup);
    }

    /// <summary>Starts the meeting, first catching up with follow-ups of a meeting closed since it was created.</summary>
    public async Task<MeetingResult> StartAsync(MeetingView meeting)
    {
        var grain = grains.GetGrain<IMeetingGrain>(meeting.Id);
        if (meeting.Status == MeetingStatus.Draft && await grains.GetGrain<ITableGrain>(meeting.TableId).GetAsync() is { } table)
        {
            var followUps = await FollowUpsAsync(table, meeting.StartsAt, meeting.Id);
            if (followUps.Count > 0) await grain.AddFollowUpsAsync(followUps);
        }
        return await grain.StartAsync();
    }

    /// <summary>The most recent earlier closed meeting, if its minutes are not adopted yet: the new meeting's agenda adopts them.</summary>
    private async Task<MinutesToAdopt?> MinutesToAdoptAsync(TableView table, DateTimeOffset before)
    {
        foreach (var reference in table.Meetings.Where(m => m.StartsAt < before).OrderByDescending(m => m.StartsAt))
        {
            var earlier = await grains.GetGrain<IMeetingGrain>(reference.Id).GetAsync();
            if (earlier?.Status != MeetingStatus.Closed) continue;
            return earlier.Minutes?.Status == MinutesStatus.Adopted ? null
                : new MinutesToAdopt(earlier.Id, $"Adoption du procès-verbal de la rencontre du {QuebecTime.LongDate(earlier.StartsAt, "fr")}");
        }
        return null;
    }

    /// <summary>
    /// Open action items of the most recent earlier closed meeting (its own and those it followed
    /// up and left open): each meeting carries the still-open ones forward, so a chain is followed.
    /// </summary>
    private async Task<IReadOnlyList<FollowUpItem>> FollowUpsAsync(TableView table, DateTimeOffset before, Guid? except = null)
    {
        foreach (var reference in table.Meetings.Where(m => m.StartsAt < before && m.Id != except).OrderByDescending(m => m.StartsAt))
        {
            var earlier = await grains.GetGrain<IMeetingGrain>(reference.Id).GetAsync();
            if (earlier?.Status != MeetingStatus.Closed) continue;
            return [.. earlier.ActionItems.Concat(earlier.FollowUps).Where(a => a.Status == ActionItemStatus.Open)
                .Select(a => new FollowUpItem(a.Id, a.OriginMeetingId ?? earlier.Id, a.OriginMeetingTitle ?? earlier.Title,
                    a.Text, a.OwnerMemberId, a.OwnerName, a.Due))];
        }
        return [];
    }

    /// <summary>The table's members with access, to whom notices and minutes go.</summary>
    public async Task<IReadOnlyList<MailRecipient>> RecipientsAsync(Guid tableId) =>
        await grains.GetGrain<ITableGrain>(tableId).GetAsync() is { } table ? Recipients(table) : [];

    private static IReadOnlyList<MailRecipient> Recipients(TableView table) =>
        [.. table.Members.Where(m => !m.AccessRevoked && m.Email.Length > 0).Select(m => new MailRecipient(m.Email, m.Name, m.Id.ToString("N")))];

    private static IReadOnlyList<RosterMember> Roster(TableView table) =>
        [.. table.Members.Select(m => new RosterMember(m.Id, m.Name, m.Organisation, m.Sector, m.Role))];
}
