using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Testing;

namespace Collaboration.Web.Tests.Mail;

/// <summary>Each workshop message kind, as a real SMTP server receives it, parsed back.</summary>
public sealed class WorkshopMailTests(MailAppFixture fixture) : IClassFixture<MailAppFixture>
{
    private static readonly TimeSpan Timeout = MailAppFixture.Timeout;

    [Fact]
    public async Task Confirmation_IsBilingual_WithQrCode_Calendar_AndAWorkingManageLink()
    {
        // Arrange
        var session = await fixture.CreateSessionAsync(capacity: 5);
        var email = $"confirme-{Guid.NewGuid():N}@exemple.ca";

        // Act
        var registration = await fixture.RegisterAsync(session, email, seats: 2);
        var mail = await fixture.MailAsync(email, "Inscription confirmée");

        // Assert: subject and parts in French then English.
        Assert.Equal("Inscription confirmée : Recruter à l'international / Registration confirmed: Recruiting abroad", mail.Subject);
        Assert.True(mail.Text.IndexOf("Bonjour Mélanie Côté", StringComparison.Ordinal) < mail.Text.IndexOf("Hello Mélanie Côté", StringComparison.Ordinal));
        Assert.Contains("<section lang=\"fr\">", mail.Html);
        Assert.Contains("<section lang=\"en\">", mail.Html);
        Assert.DoesNotContain("src=\"http", mail.Html); // no remote image
        Assert.Contains(registration.GetProperty("code").GetString()!, mail.Text);
        Assert.Contains("Salle Rolland-Brunelle, Joliette", mail.Text);

        // The QR code is an inline PNG the HTML shows by cid.
        var png = mail.QrPng ?? throw new Xunit.Sdk.XunitException("no QR PNG");
        using (var bytes = new MemoryStream())
        {
            png.Content!.DecodeTo(bytes);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes.ToArray()[..4]);
        }
        Assert.Contains($"cid:{png.ContentId}", mail.Html);

        // The calendar file, read back by Ical.Net: the registration's own stable UID, Toronto time with its VTIMEZONE.
        var calendar = mail.Calendar ?? throw new Xunit.Sdk.XunitException("no .ics");
        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Contains(calendar.TimeZones, z => z.TzId == "America/Toronto");
        var ev = calendar.Events.Single();
        Assert.Equal(Collaboration.Web.Workshops.WorkshopCalendar.RegistrationUid(session, registration.GetProperty("code").GetString()!.Replace("-", "")), ev.Uid);
        Assert.Equal("America/Toronto", ev.DtStart!.TzId);
        Assert.Equal(0, ev.Sequence);

        // The private manage link works.
        var opened = await fixture.OpenManageLinkAsync(mail.Link("/workshops/manage.html"));
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(2, (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("seats").GetInt32());
    }

    [Fact]
    public async Task Waitlist_SeatsChanged_Promotion_Cancellation_AndSessionCancelled_AreEachSent()
    {
        // Arrange: two seats; Alice takes both, Benoît waits (in English, his choice).
        var session = await fixture.CreateSessionAsync(capacity: 2);
        var alice = $"alice-{Guid.NewGuid():N}@exemple.ca";
        var benoit = $"benoit-{Guid.NewGuid():N}@exemple.ca";
        await fixture.RegisterAsync(session, alice, seats: 2);
        await fixture.RegisterAsync(session, benoit, seats: 1, language: "en");
        var waitlisted = await fixture.MailAsync(benoit, "Waitlist");
        Assert.Equal("Waitlist: Recruiting abroad", waitlisted.Subject);
        Assert.DoesNotContain("Bonjour", waitlisted.Text); // his language only
        Assert.Null(waitlisted.Calendar);
        Assert.Contains("Place on the waitlist: 1", waitlisted.Text);
        var aliceLink = (await fixture.MailAsync(alice, "Inscription confirmée")).Link("/workshops/manage.html");

        // Act 1: Alice keeps one seat → her seats-changed message, and Benoît's "a seat is yours".
        var changed = await fixture.OpenManageLinkAsync(aliceLink, HttpMethod.Patch, new { seats = 1 });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var seats = await fixture.MailAsync(alice, "Places modifiées");
        Assert.Contains("Places : 1", seats.Text);
        var promoted = await fixture.MailAsync(benoit, "A seat is yours");
        Assert.NotNull(promoted.QrPng);
        Assert.Equal("PUBLISH", promoted.Calendar!.Method);
        var benoitOpened = await fixture.OpenManageLinkAsync(promoted.Link("/workshops/manage.html"));
        Assert.Equal("confirmed", (await benoitOpened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        // Act 2: Alice cancels → her receipt, the calendar entry withdrawn.
        Assert.Equal(HttpStatusCode.OK, (await fixture.OpenManageLinkAsync(aliceLink, HttpMethod.Delete)).StatusCode);
        var receipt = await fixture.MailAsync(alice, "Inscription annulée");
        Assert.Equal("CANCEL", receipt.Calendar!.Method);
        Assert.Null(receipt.QrPng);

        // Act 3: the organiser cancels the session → Benoît is told, SEQUENCE bumped, METHOD:CANCEL.
        var cancel = await fixture.Organiser.PatchAsJsonAsync($"/api/workshops/{session}", new { status = "Cancelled" }).WaitAsync(Timeout);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var cancelled = await fixture.MailAsync(benoit, "Workshop cancelled");
        Assert.Equal("CANCEL", cancelled.Calendar!.Method);
        Assert.Equal(1, cancelled.Calendar.Events.Single().Sequence);
        Assert.Equal("CANCELLED", cancelled.Calendar.Events.Single().Status);

        // Assert: the organiser's view lists them all as sent, without their bodies; each once.
        var outbox = await Poll.UntilAsync(() => fixture.OutboxAsync($"/api/workshops/{session}/outbox"),
            o => o.EnumerateArray().All(m => m.GetProperty("status").GetString() == "sent"), Timeout, "every message sent");
        Assert.Equal(["workshopConfirmed", "workshopWaitlisted", "workshopPromoted", "workshopSeatsChanged", "workshopCancelled", "workshopSessionCancelled"],
            outbox.EnumerateArray().Select(m => m.GetProperty("kind").GetString()!).ToArray());
        Assert.Equal(6, fixture.MailTo(alice).Count + fixture.MailTo(benoit).Count);
        Assert.All(outbox.EnumerateArray(), m => Assert.False(m.TryGetProperty("data", out _)));
    }
}
