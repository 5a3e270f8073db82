using System.Security.Claims;
using Collaboration.Grains.Calendar;
using Collaboration.Grains.Meetings;
using Collaboration.Grains.Tables;
using Collaboration.Web.Accounts;
using Collaboration.Web.Mail;
using Collaboration.Web.Meetings;

namespace Collaboration.Web.Calendar;

/// <summary>
/// A person's Tables for their calendar feed: every Table where a member with their address still has access, asked of the
/// Tables at each read (a revocation or an erasure shows at the next one), and the feed's entries from them.
/// </summary>
public static class PersonTables
{
    /// <summary>The person (feed key) the signed-in member is, from the membership they signed in with last; null when none is valid.</summary>
    public static async Task<Guid?> SignedInPersonAsync(ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!user.IsInRole(Roles.Member)) return null;
        var self = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var memberships = TableMembership.From(user).OrderByDescending(m => self == $"member:{m.MemberId:N}");
        foreach (var membership in memberships)
        {
            var member = (await grains.GetGrain<ITableGrain>(membership.TableId).GetAsync())?.Member(membership.MemberId);
            if (member is { AccessRevoked: false } && member.AccessStamp == membership.Stamp && member.Email.Trim().Length > 0)
                return PersonFeedKey.For(member.Email);
        }
        return null;
    }

    public static async Task<IReadOnlyList<TableView>> OfAsync(IGrainFactory grains, Guid person)
    {
        var entries = await grains.GetGrain<ITableDirectoryGrain>("default").ListAsync();
        var tables = await Task.WhenAll(entries.Select(e => grains.GetGrain<ITableGrain>(e.Id).GetAsync()));
        return [.. tables.OfType<TableView>().Where(t => t.Members.Any(m => !m.AccessRevoked && PersonFeedKey.IsOf(person, m.Email)))];
    }

    /// <summary>The Tables' meetings (same UID and SEQUENCE as their notices) and each series as one recurring event.</summary>
    public static async Task<IReadOnlyList<CalendarEntry>> EntriesAsync(IGrainFactory grains, IReadOnlyList<TableView> tables, MailLinks links)
    {
        var meetings = await Task.WhenAll(tables.SelectMany(t => t.Meetings).Select(m => grains.GetGrain<IMeetingGrain>(m.Id).GetAsync()));
        var series = await Task.WhenAll(tables.Select(async t => (Table: t, Series: await grains.GetGrain<IMeetingSeriesGrain>(t.Id).GetAsync())));
        return
        [
            .. meetings.OfType<MeetingView>().OrderBy(m => m.StartsAt).Select(m => MeetingCalendar.Entry(m, links.MeetingUrl(m.Id))),
            .. series.Where(s => s.Series is not null)
                .Select(s => MeetingCalendar.SeriesEntry(s.Series!, s.Table.Name, new Uri(links.Base, $"meetings.html?table={s.Table.Id}"))),
        ];
    }
}
