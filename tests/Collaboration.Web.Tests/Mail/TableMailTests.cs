using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Testing;

namespace Collaboration.Web.Tests.Mail;

/// <summary>A Table's messages: the member's invitation and re-issued link, the meeting notice, the minutes.</summary>
public sealed class TableMailTests(MailAppFixture fixture) : IClassFixture<MailAppFixture>
{
    private static readonly TimeSpan Timeout = MailAppFixture.Timeout;

    [Fact]
    public async Task Invitation_AndReissuedLink_AreEmailed_AndEachLinkSignsIn()
    {
        // Arrange
        var table = await CreateTableAsync("Table régionale de Joliette");
        var email = $"membre-{Guid.NewGuid():N}@exemple.qc.ca";

        // Act
        var memberId = await AddMemberAsync(table, "Nadia Tremblay", email);
        var invitation = await fixture.MailAsync(email, "Votre accès");

        // Assert: the personal link in the email signs the member in.
        Assert.Equal("Votre accès à la Table régionale de Joliette / Your access to the Table régionale de Joliette", invitation.Subject);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(invitation.Link("/join.html"))).StatusCode);

        // Act: a new link, by email too; the previous one no longer works.
        var reissue = await fixture.Organiser.PostAsync($"/api/tables/{table}/members/{memberId}/link", null).WaitAsync(Timeout);
        Assert.Equal(HttpStatusCode.OK, reissue.StatusCode);
        var reissued = await fixture.MailAsync(email, "Nouveau lien de connexion");
        Assert.NotEqual(invitation.Link("/join.html").Fragment, reissued.Link("/join.html").Fragment); // Uri equality ignores the fragment
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(reissued.Link("/join.html"))).StatusCode);

        // The table's outbox view lists both, sent.
        var outbox = await Poll.UntilAsync(() => fixture.OutboxAsync($"/api/tables/{table}/outbox"),
            o => o.GetArrayLength() == 2 && o.EnumerateArray().All(m => m.GetProperty("status").GetString() == "sent"), Timeout, "both sent");
        Assert.Equal(["memberInvited", "memberLinkReissued"], outbox.EnumerateArray().Select(m => m.GetProperty("kind").GetString()!).ToArray());
    }

    [Fact]
    public async Task MeetingNotice_IsSentByTheOrganiser_WithAgendaAndCalendar_AnUpdateBumpsTheSequence_AndTheMinutesFollowTheClose()
    {
        // Arrange: a table with two members.
        var table = await CreateTableAsync("Table régionale de Terrebonne");
        var first = $"sylvie-{Guid.NewGuid():N}@exemple.qc.ca";
        var second = $"omar-{Guid.NewGuid():N}@exemple.qc.ca";
        await AddMemberAsync(table, "Sylvie Gagnon", first);
        await AddMemberAsync(table, "Omar Benali", second);

        // Act 1: the meeting is scheduled, with no agenda yet → no notice (nothing recorded, so nothing can go).
        var startsAt = new DateTimeOffset(2027, 1, 19, 14, 0, 0, TimeSpan.FromHours(-5));
        var meeting = await CreateMeetingAsync(table, startsAt);
        Assert.Equal(0, (await fixture.OutboxAsync($"/api/meetings/{meeting}/outbox")).GetArrayLength());
        var draft = await MeetingAsync(meeting);
        Assert.Equal(JsonValueKind.Null, draft.GetProperty("noticeSentAt").ValueKind);

        // Act 2: the agenda is filled, the organiser sends the notice → one per member, with the agenda and the .ics.
        var item = (await (await fixture.Organiser.PostAsJsonAsync($"/api/meetings/{meeting}/agenda",
            new { title = "Bilan du Mois de l'immigration", presenter = "Sylvie Gagnon", plannedMinutes = 30, notes = "" }).WaitAsync(Timeout))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("current").GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await fixture.Organiser.PostAsync($"/api/meetings/{meeting}/notice", null).WaitAsync(Timeout)).StatusCode);
        var notice = await fixture.MailAsync(first, "Convocation");
        Assert.Contains("Bilan du Mois de l'immigration — Sylvie Gagnon (30 min)", notice.Text);
        var calendar = notice.Calendar!;
        Assert.Equal($"{meeting:D}@concertation", calendar.Events.Single().Uid);
        Assert.Equal(0, calendar.Events.Single().Sequence);
        Assert.Equal(14, calendar.Events.Single().DtStart!.Hour); // 14 h, Québec time
        Assert.Contains("parce que vous êtes membre d'une table", notice.Text); // a member never registered for anything
        Assert.DoesNotContain("pour cette inscription", notice.Text);
        await fixture.MailAsync(second, "Convocation");
        var sent = await MeetingAsync(meeting);
        Assert.Equal(2, sent.GetProperty("noticeRecipients").GetInt32());
        Assert.Equal(JsonValueKind.String, sent.GetProperty("noticeSentAt").ValueKind);

        // Act 3: the agenda changes, the notice is sent again → an update of the same event.
        Assert.True((await fixture.Organiser.PostAsJsonAsync($"/api/meetings/{meeting}/agenda",
            new { title = "Portrait des MRC", presenter = "", plannedMinutes = 20, notes = "" }).WaitAsync(Timeout)).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Organiser.PostAsync($"/api/meetings/{meeting}/notice", null).WaitAsync(Timeout)).StatusCode);
        var update = await Poll.UntilAsync(() => Task.FromResult(fixture.MailTo(first).Where(m => m.Subject.StartsWith("Convocation")).ToList()),
            l => l.Count == 2, Timeout, "the updated notice");
        Assert.Contains("Portrait des MRC (20 min)", update[1].Text);
        Assert.StartsWith("Convocation mise à jour : ", update[1].Subject); // says it is an update, not the same notice again
        Assert.Contains("a été mis à jour", update[1].Text);
        Assert.DoesNotContain("mise à jour", notice.Subject);
        Assert.Equal(1, update[1].Calendar!.Events.Single().Sequence);
        Assert.Equal(calendar.Events.Single().Uid, update[1].Calendar!.Events.Single().Uid);
        Assert.Equal(1, (await MeetingAsync(meeting)).GetProperty("noticeSequence").GetInt32());

        // Act 4: the meeting runs and closes → the minutes' summary.
        Assert.Equal(HttpStatusCode.OK, (await fixture.Organiser.PostAsync($"/api/meetings/{meeting}/start", null).WaitAsync(Timeout)).StatusCode);
        Assert.True((await fixture.Organiser.PostAsJsonAsync($"/api/meetings/{meeting}/decisions",
            new { agendaItemId = item, text = "Le bilan est adopté." }).WaitAsync(Timeout)).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Organiser.PostAsync($"/api/meetings/{meeting}/close", null).WaitAsync(Timeout)).StatusCode);
        var minutes = await fixture.MailAsync(second, "Procès-verbal");

        // Assert
        Assert.Contains("Bilan du Mois de l'immigration : Le bilan est adopté.", minutes.Text);
        Assert.Contains($"{MailSettings.PublicBaseUrl}/minutes.html?id={meeting}", minutes.Text);
        await fixture.MailAsync(first, "Procès-verbal");
        var outbox = await Poll.UntilAsync(() => fixture.OutboxAsync($"/api/meetings/{meeting}/outbox"),
            o => o.GetArrayLength() == 6 && o.EnumerateArray().All(m => m.GetProperty("status").GetString() == "sent"), Timeout, "six sent");
        Assert.Equal(4, outbox.EnumerateArray().Count(m => m.GetProperty("kind").GetString() == "meetingNotice"));
        Assert.Equal(2, outbox.EnumerateArray().Count(m => m.GetProperty("kind").GetString() == "meetingMinutes"));
    }

    [Fact]
    public async Task MeetingNotice_IsRefused_WhenNoMemberCanReceiveIt()
    {
        // Arrange: a table with nobody on it yet.
        var table = await CreateTableAsync("Table régionale de Matawinie");
        var meeting = await CreateMeetingAsync(table, new DateTimeOffset(2027, 2, 9, 9, 30, 0, TimeSpan.FromHours(-5)));

        // Act
        var response = await fixture.Organiser.PostAsync($"/api/meetings/{meeting}/notice", null).WaitAsync(Timeout);

        // Assert: said so, and nothing counted as sent.
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("no-recipients", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, (await MeetingAsync(meeting)).GetProperty("noticeSentAt").ValueKind);
    }

    [Fact]
    public async Task CancellingAMeeting_TellsThoseWhoHadItsNotice_WithTheSameEventCancelled()
    {
        // Arrange: the notice went to one member, another's server refused it (550); a third member joined afterwards.
        var table = await CreateTableAsync("Table régionale de L'Assomption");
        var notified = $"chantal-{Guid.NewGuid():N}@exemple.qc.ca";
        var refused = $"paul-{Guid.NewGuid():N}@exemple.qc.ca";
        var later = $"hugo-{Guid.NewGuid():N}@exemple.qc.ca";
        await AddMemberAsync(table, "Chantal Perreault", notified);
        var meeting = await CreateMeetingAsync(table, new DateTimeOffset(2027, 3, 16, 13, 30, 0, TimeSpan.FromHours(-4)));
        fixture.Smtp.RefuseRecipient = address => address == refused;
        await AddMemberAsync(table, "Paul Desjardins", refused);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Organiser.PostAsync($"/api/meetings/{meeting}/notice", null).WaitAsync(Timeout)).StatusCode);
        var notice = await fixture.MailAsync(notified, "Convocation");
        await Poll.UntilAsync(() => fixture.OutboxAsync($"/api/meetings/{meeting}/outbox"),
            o => o.EnumerateArray().Any(m => m.GetProperty("to").GetString() == refused && m.GetProperty("status").GetString() == "failed"), Timeout, "the refused notice");
        await AddMemberAsync(table, "Hugo Lachance", later);

        // Act
        var cancel = await fixture.Organiser.PostAsync($"/api/meetings/{meeting}/cancel", null).WaitAsync(Timeout);

        // Assert: the same calendar event, cancelled, one SEQUENCE later; only to who had the notice.
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var cancelled = await fixture.MailAsync(notified, "Rencontre annulée");
        var calendar = cancelled.Calendar!;
        Assert.Equal("CANCEL", calendar.Method);
        Assert.Equal(notice.Calendar!.Events.Single().Uid, calendar.Events.Single().Uid);
        Assert.Equal(notice.Calendar!.Events.Single().Sequence + 1, calendar.Events.Single().Sequence);
        Assert.Equal("CANCELLED", calendar.Events.Single().Status);
        var outbox = await Poll.UntilAsync(() => fixture.OutboxAsync($"/api/meetings/{meeting}/outbox"),
            o => o.EnumerateArray().All(m => m.GetProperty("status").GetString() != "pending"), Timeout, "all sent or refused");
        // The refused notice can no longer be resent: it would invite to a meeting that will not be held.
        Assert.False(outbox.EnumerateArray().Single(m => m.GetProperty("to").GetString() == refused).GetProperty("canResend").GetBoolean());
        Assert.Equal([notified], outbox.EnumerateArray().Where(m => m.GetProperty("kind").GetString() == "meetingCancelled")
            .Select(m => m.GetProperty("to").GetString()!).ToArray());
        Assert.DoesNotContain(outbox.EnumerateArray(), m => m.GetProperty("to").GetString() == later && m.GetProperty("kind").GetString() != "memberInvited");
        // Read-only afterwards, and its calendar file says so too.
        Assert.Equal("cancelled", (await MeetingAsync(meeting)).GetProperty("status").GetString());
        var edit = await fixture.Organiser.PostAsJsonAsync($"/api/meetings/{meeting}/agenda", new { title = "Point", presenter = "", plannedMinutes = 5, notes = "" }).WaitAsync(Timeout);
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Contains("METHOD:CANCEL", await fixture.Organiser.GetStringAsync($"/api/meetings/{meeting}/meeting.ics").WaitAsync(Timeout));
    }

    [Fact]
    public async Task CancellingAMeeting_WhoseNoticeWasNeverSent_EmailsNobody()
    {
        // Arrange
        var table = await CreateTableAsync("Table régionale de D'Autray");
        await AddMemberAsync(table, "Isabelle Gauthier", $"isabelle-{Guid.NewGuid():N}@exemple.qc.ca");
        var meeting = await CreateMeetingAsync(table, new DateTimeOffset(2027, 4, 13, 9, 0, 0, TimeSpan.FromHours(-4)));

        // Act
        var cancel = await fixture.Organiser.PostAsync($"/api/meetings/{meeting}/cancel", null).WaitAsync(Timeout);

        // Assert: nothing recorded, so nothing can go out.
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal(0, (await fixture.OutboxAsync($"/api/meetings/{meeting}/outbox")).GetArrayLength());
    }

    private async Task<Guid> CreateMeetingAsync(Guid table, DateTimeOffset startsAt)
    {
        var created = await fixture.Organiser.PostAsJsonAsync("/api/meetings", new
        {
            tableId = table, title = "Rencontre de janvier", startsAt = startsAt.ToString("O"), location = "Salle du conseil, Terrebonne",
        }).WaitAsync(Timeout);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<JsonElement> MeetingAsync(Guid meeting) =>
        (await fixture.Organiser.GetFromJsonAsync<JsonElement>($"/api/meetings/{meeting}").WaitAsync(Timeout)).GetProperty("meeting");

    private async Task<Guid> CreateTableAsync(string name) =>
        (await (await fixture.Organiser.PostAsJsonAsync("/api/tables", new { name, quorum = 1 }).WaitAsync(Timeout))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

    private async Task<Guid> AddMemberAsync(Guid table, string name, string email)
    {
        var response = await fixture.Organiser.PostAsJsonAsync($"/api/tables/{table}/members",
            new { name, organisation = "Carrefour jeunesse-emploi", sector = "communautaire", email, role = "member" }).WaitAsync(Timeout);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("memberId").GetGuid();
    }

    private async Task<HttpResponseMessage> SignInAsync(Uri link) =>
        await fixture.App.CreateClient().PostAsJsonAsync("/api/tables/sign-in", new { token = link.Fragment[3..] }).WaitAsync(Timeout);
}
