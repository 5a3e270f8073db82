using MimeKit;

namespace Collaboration.Web.Calendar;

/// <summary>
/// Who sends the calendar entries: the platform's sender (<c>Mail:From</c>). RFC 5546 requires ORGANIZER in a PUBLISH and a
/// CANCEL; without it some mail clients ignore a cancellation.
/// </summary>
public sealed record CalendarOrganizer(string Name, string Email)
{
    public static CalendarOrganizer From(Mail.MailOptions options)
    {
        var sender = MailboxAddress.Parse(options.From);
        return new(string.IsNullOrWhiteSpace(sender.Name) ? "Concertation" : sender.Name, sender.Address);
    }
}
