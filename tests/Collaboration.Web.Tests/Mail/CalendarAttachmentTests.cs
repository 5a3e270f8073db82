using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Testing;
using static Collaboration.Web.Tests.Colloque.ColloqueKit;
using static Collaboration.Web.Tests.Colloque.SignupKit;

namespace Collaboration.Web.Tests.Mail;

/// <summary>The calendar files the emails attach and the pages offer, parsed back with Ical.Net (RFC 5545 / 5546).</summary>
public sealed class CalendarAttachmentTests(MailAppFixture fixture) : IClassFixture<MailAppFixture>
{
    private static readonly TimeSpan Timeout = MailAppFixture.Timeout;

    [Fact]
    public async Task EmployersOwnCancellation_CancelsTheirOwnEvent_WithOrganizer_AndARisenSequence_AndANewRegistrationIsANewEvent()
    {
        // Arrange: a confirmed registration.
        var session = await fixture.CreateSessionAsync(capacity: 5);
        var email = $"annule-{Guid.NewGuid():N}@exemple.ca";
        await fixture.RegisterAsync(session, email, language: "fr");
        var confirmation = await fixture.MailAsync(email, "Inscription confirmée");
        var confirmed = confirmation.Calendar!.Events.Single();

        // Act: the employer cancels with their link, then registers again.
        var cancel = await fixture.OpenManageLinkAsync(confirmation.Link("/workshops/manage.html"), HttpMethod.Delete);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var cancellation = await fixture.MailAsync(email, "Inscription annulée");
        await fixture.RegisterAsync(session, email, language: "fr");
        var again = await Poll.UntilAsync(() => Task.FromResult(fixture.MailTo(email).Where(m => m.Subject.StartsWith("Inscription confirmée", StringComparison.Ordinal)).ToList()),
            m => m.Count == 2, Timeout, "the second confirmation");

        // Assert: the cancellation is METHOD:CANCEL of the registrant's own event, with its ORGANIZER and a higher SEQUENCE.
        var cancelled = cancellation.Calendar!;
        Assert.Equal("CANCEL", cancelled.Method);
        var cancelledEvent = cancelled.Events.Single();
        Assert.Equal(confirmed.Uid, cancelledEvent.Uid);
        Assert.NotEqual($"{session:D}@concertation", cancelledEvent.Uid);
        Assert.True(cancelledEvent.Sequence > confirmed.Sequence, $"SEQUENCE {cancelledEvent.Sequence} after {confirmed.Sequence}");
        var sender = (MimeKit.MailboxAddress)cancellation.Message.From.Single();
        Assert.Equal($"mailto:{sender.Address}", cancelledEvent.Organizer?.Value?.ToString());
        Assert.NotNull(confirmed.Organizer);
        // The new registration is a new event, not the cancelled one again at the same SEQUENCE.
        Assert.NotEqual(confirmed.Uid, again.Last().Calendar!.Events.Single().Uid);
    }

    [Fact]
    public async Task ColloqueSequence_FollowsTheProgramme_NotTheSignups()
    {
        // Arrange: a colloque with a programme.
        var colloque = await CreateColloqueAsync(fixture.Organiser, "Colloque L'Assomption");
        await OpenRegistrationAsync(fixture.Organiser, colloque, total: 100);
        await AddSessionAsync(fixture.Organiser, colloque, "Plénière", "plenary", "Grande salle", 9);
        var before = await PublicEventAsync(colloque);

        // Act: signups (the event does not change), then a session added (it does: the day ends later).
        var first = $"seq-1-{Guid.NewGuid():N}@exemple.ca";
        foreach (var email in new[] { first, $"seq-2-{Guid.NewGuid():N}@exemple.ca", $"seq-3-{Guid.NewGuid():N}@exemple.ca" })
            await SignedUpAsync(fixture.App.CreateClient(), colloque, Signup("Personne", email));
        var afterSignups = await PublicEventAsync(colloque);
        var attached = (await fixture.MailAsync(first, "Inscription confirmée")).Calendar!.Events.Single();
        await AddSessionAsync(fixture.Organiser, colloque, "Clôture", "plenary", "Grande salle", 15);
        var afterChange = await PublicEventAsync(colloque);

        // Assert
        Assert.Equal(before.Sequence, afterSignups.Sequence);
        Assert.Equal(before.Sequence, attached.Sequence);
        Assert.True(afterChange.Sequence > before.Sequence);
        Assert.NotNull(afterChange.Organizer);
    }

    private async Task<Ical.Net.CalendarComponents.CalendarEvent> PublicEventAsync(Guid colloque)
    {
        var text = await fixture.App.CreateClient().GetStringAsync($"/api/colloques/{colloque}/calendar.ics").WaitAsync(Timeout);
        return Ical.Net.Calendar.Load(text)!.Events.Single();
    }
}
