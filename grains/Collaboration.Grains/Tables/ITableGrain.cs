using Collaboration.Grains.Live;
using Collaboration.Grains.Mail;

namespace Collaboration.Grains.Tables;

/// <summary>
/// A Table régionale: its name, quorum, members (one sign-in link each) and the list of its
/// meetings. Keyed by a Guid chosen by the web layer.
/// </summary>
[Alias("table")]
public interface ITableGrain : IGrainWithGuidKey, ILiveFeedGrain, IMailOutboxGrain
{
    Task<TableOutcome> CreateAsync(string name, int quorum, string createdBy);

    /// <summary>Adds a member under an id chosen by the caller (so a re-run adds the same member).</summary>
    Task<TableOutcome> AddMemberAsync(Guid memberId, NewTableMember member);

    /// <summary>
    /// Remembers the hash of the member's current sign-in link and restores access (re-issue).
    /// With <paramref name="sealedToken"/> the link is also emailed to the member (invitation, then
    /// re-issues), in the same write; a message with an earlier link not yet sent is dropped.
    /// </summary>
    Task<MemberAccessChange> SetSignInLinkAsync(Guid memberId, string tokenHash, string? sealedToken = null);

    /// <summary>
    /// A member asked for a sign-in link themselves: when <paramref name="email"/> is a member's with access,
    /// the link becomes theirs and is mailed to them. Answers at once, the same way for any address; the write follows.
    /// </summary>
    Task RequestSignInLinkAsync(string email, string tokenHash, string sealedToken);

    /// <summary>The member whose current sign-in link has this hash, if any (an older link no longer signs in).</summary>
    Task<Guid?> MemberByLinkAsync(string tokenHash);

    /// <summary>Cuts the member off: their cookie stops working at the next request; returns the link hash to revoke.</summary>
    Task<MemberAccessChange> RevokeAccessAsync(Guid memberId);

    /// <summary>Links the member to a partner organisation (null: unlinks); linking again to the same one changes nothing.</summary>
    Task<TableOutcome> LinkOrganisationAsync(Guid memberId, Guid? organisationId);

    /// <summary>A partner merge: members linked to <paramref name="from"/> are linked to <paramref name="to"/>; how many were.</summary>
    Task<int> ReplaceOrganisationAsync(Guid from, Guid to);

    Task<TableOutcome> AddMeetingAsync(Guid meetingId, string title, DateTimeOffset startsAt);

    /// <summary>The table, or null when it was never created.</summary>
    Task<TableView?> GetAsync();

    /// <summary>
    /// One member's access, for each request's permission check (null: no such member, or no table). Read at every
    /// request, never cached, so a revocation counts at once. Interleaves: it changes nothing, and a change in flight
    /// has already changed the state it reads (a revocation refuses before its write commits, never after).
    /// </summary>
    [AlwaysInterleave, ReadOnly]
    Task<MemberAccess?> GetAccessAsync(Guid memberId);
}
