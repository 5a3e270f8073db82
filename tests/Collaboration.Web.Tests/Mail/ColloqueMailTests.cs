using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Testing;
using static Collaboration.Web.Tests.Colloque.ColloqueKit;
using static Collaboration.Web.Tests.Colloque.SignupKit;

namespace Collaboration.Web.Tests.Mail;

/// <summary>The colloque's emails, as a real SMTP server receives them, parsed back.</summary>
public sealed class ColloqueMailTests(MailAppFixture fixture) : IClassFixture<MailAppFixture>
{
    private static readonly TimeSpan Timeout = MailAppFixture.Timeout;

    [Fact]
    public async Task Confirmation_IsBilingual_WithQrCode_TheDaysCalendar_Breakouts_AndAWorkingManageLink()
    {
        // Arrange: a colloque with a plenary and an atelier.
        var colloque = await CreateColloqueAsync(fixture.Organiser, "Colloque régional en immigration");
        await OpenRegistrationAsync(fixture.Organiser, colloque, total: 100);
        await AddSessionAsync(fixture.Organiser, colloque, "Plénière d'ouverture", "plenary", "Grande salle", 9);
        var atelier = await AddSessionAsync(fixture.Organiser, colloque, "Recruter à l'international", "atelier", "Salle B", 10, capacity: 20);
        var email = $"confirme-{Guid.NewGuid():N}@exemple.ca";

        // Act
        var signup = await SignedUpAsync(fixture.App.CreateClient(), colloque, Signup("Mélanie Côté", email, choices: [atelier]));
        var mail = await fixture.MailAsync(email, "Inscription confirmée");

        // Assert: subject, French then English.
        Assert.Equal("Inscription confirmée : Colloque régional en immigration / Registration confirmed: Colloque régional en immigration", mail.Subject);
        Assert.True(mail.Text.IndexOf("Bonjour Mélanie Côté", StringComparison.Ordinal) < mail.Text.IndexOf("Hello Mélanie Côté", StringComparison.Ordinal));
        Assert.Contains("<section lang=\"fr\">", mail.Html);
        Assert.Contains("<section lang=\"en\">", mail.Html);
        Assert.DoesNotContain("src=\"http", mail.Html);
        Assert.Contains("est confirmée", mail.Text);
        Assert.Contains(Code(signup), mail.Text);
        Assert.Contains("Rimouski, 20, rue Saint-Charles-Borromée Sud, Joliette", mail.Text);
        Assert.Contains("Recruter à l'international (Salle B) : place confirmée", mail.Text);
        Assert.Contains("Recruter à l'international (EN) (Salle B) : seat confirmed", mail.Text);

        // The QR code: an inline PNG shown by cid.
        var png = mail.QrPng ?? throw new Xunit.Sdk.XunitException("no QR PNG");
        using (var bytes = new MemoryStream())
        {
            png.Content!.DecodeTo(bytes);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes.ToArray()[..4]);
        }
        Assert.Contains($"cid:{png.ContentId}", mail.Html);

        // The day's calendar, read back by Ical.Net: the colloque's UID, the programme's span, Toronto time.
        var calendar = mail.Calendar ?? throw new Xunit.Sdk.XunitException("no .ics");
        Assert.Contains(calendar.TimeZones, z => z.TzId == "America/Toronto");
        var day = calendar.Events.Single();
        Assert.Equal($"colloque-{colloque:D}@concertation", day.Uid);
        Assert.Equal("America/Toronto", day.DtStart!.TzId);
        Assert.Equal(Day.Date.AddHours(9).ToUniversalTime(), day.DtStart.AsUtc);
        Assert.Equal(Day.Date.AddHours(11).ToUniversalTime(), day.DtEnd!.AsUtc);

        // The private manage link from the email opens the registration.
        var link = mail.Link($"/colloque/{colloque}/manage");
        var opened = await fixture.App.CreateClient().SendAsync(Manage(HttpMethod.Get,
            System.Web.HttpUtility.ParseQueryString(link.Query)["code"]!, link.Fragment.TrimStart('#').Split('=', 2)[1])).WaitAsync(Timeout);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(email, (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("email").GetString());

        // The organiser's view: one sent message, its subject and recipient, no body.
        var outbox = await Poll.UntilAsync(() => OutboxAsync(colloque), o => o.GetArrayLength() == 1 && Status(o[0]) == "sent", Timeout, "sent in the view");
        Assert.Equal((Code(signup), email, "colloqueRegistered"), (outbox[0].GetProperty("code").GetString(), outbox[0].GetProperty("to").GetString(),
            outbox[0].GetProperty("kind").GetString()));
        Assert.Equal(mail.Subject, outbox[0].GetProperty("subject").GetString());
        Assert.Equal(mail.Message.MessageId, outbox[0].GetProperty("messageId").GetString());
    }

    [Fact]
    public async Task Waitlisted_ThenPromotedByACancellation_GetExactlyOnePromotion_AndTheCanceller_AReceipt()
    {
        // Arrange: one place; Alice has it, Benoît (in English) and Chloé wait.
        var colloque = await CreateColloqueAsync(fixture.Organiser, "Colloque des employeurs");
        await OpenRegistrationAsync(fixture.Organiser, colloque, total: 1);
        var anonymous = fixture.App.CreateClient();
        var (alice, benoit, chloe) = ($"alice-{Guid.NewGuid():N}@exemple.ca", $"benoit-{Guid.NewGuid():N}@exemple.ca", $"chloe-{Guid.NewGuid():N}@exemple.ca");
        var aliceSignup = await SignedUpAsync(anonymous, colloque, Signup("Alice Gagnon", alice));
        await SignedUpAsync(anonymous, colloque, new
        {
            name = "Benoît Roy", organisation = "Béton Lanaudière", email = benoit, category = "employer", mrc = "joliette", consent = true,
            choices = Array.Empty<Guid>(), language = "en",
        });
        await SignedUpAsync(anonymous, colloque, Signup("Chloé Martel", chloe));
        var waiting = await fixture.MailAsync(benoit, "Waiting list");
        var chloeWaiting = await fixture.MailAsync(chloe, "Liste d’attente");

        // Assert: the waitlisted say so, truthfully, with their rank; no QR, no calendar yet.
        Assert.Equal("Waiting list: Colloque des employeurs", waiting.Subject);
        Assert.DoesNotContain("Bonjour", waiting.Text); // his language only
        Assert.Contains("Place on the waitlist: 1", waiting.Text);
        Assert.Contains("Rang sur la liste d'attente : 2", chloeWaiting.Text);
        Assert.Null(waiting.QrPng);
        Assert.Null(waiting.Calendar);

        // Act: Alice cancels with the link of her email.
        var aliceMail = await fixture.MailAsync(alice, "Inscription confirmée");
        var cancel = await anonymous.SendAsync(Manage(HttpMethod.Delete, Code(aliceSignup), aliceMail.Link($"/colloque/{colloque}/manage").Fragment.Split('=', 2)[1]));
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);

        // Assert: Alice's receipt, Benoît's "a place is yours" with QR and calendar, and nothing more to anyone.
        var receipt = await fixture.MailAsync(alice, "Inscription annulée");
        Assert.Null(receipt.Calendar);
        var promoted = await fixture.MailAsync(benoit, "A place is yours");
        Assert.NotNull(promoted.QrPng);
        Assert.Equal($"colloque-{colloque:D}@concertation", promoted.Calendar!.Events.Single().Uid);
        Assert.Contains("/manage?code=", promoted.Link($"/colloque/{colloque}/manage").ToString());
        await Poll.UntilAsync(() => OutboxAsync(colloque), o => o.GetArrayLength() == 5 && o.EnumerateArray().All(m => Status(m) == "sent"), Timeout, "five sent");
        Assert.Equal(2, fixture.MailTo(alice).Count);
        Assert.Single(fixture.MailTo(benoit), m => m.Subject.Contains("place is yours"));
        Assert.Equal(2, fixture.MailTo(benoit).Count);
        Assert.Single(fixture.MailTo(chloe));
    }

    [Fact]
    public async Task SameEmailAgain_MailsItsManageLink_InTheLanguageOfWhoeverTypedIt_OncePerFewMinutes()
    {
        // Arrange: registered in French.
        var colloque = await CreateColloqueAsync(fixture.Organiser, "Colloque Matawinie");
        await OpenRegistrationAsync(fixture.Organiser, colloque, total: 10);
        var email = $"double-{Guid.NewGuid():N}@exemple.ca";
        var first = await SignedUpAsync(fixture.App.CreateClient(), colloque, Signup("Karim Haddad", email));
        await fixture.MailAsync(email, "Inscription confirmée");

        // Act: the address typed again, on the English page; then once more a moment later.
        var (status, again) = await SignUpAsync(fixture.App.CreateClient(), colloque, new
        {
            name = "Karim Haddad", organisation = "Fromagerie du Village", email, category = "employer", mrc = "joliette", consent = true,
            choices = Array.Empty<Guid>(), language = "en",
        });
        var link = await fixture.MailAsync(email, "Your registration link");
        await SignUpAsync(fixture.App.CreateClient(), colloque, Signup("Karim Haddad", email));

        // Assert: the answer tells nothing; the address gets its link, in English, once; no second registration.
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(again.GetProperty("alreadyRegistered").GetBoolean());
        Assert.Equal("Your registration link: Colloque Matawinie", link.Subject);
        Assert.DoesNotContain("Bonjour", link.Text);
        Assert.Null(link.Calendar);
        var opened = await OpenSignupLinkAsync(link.Link($"/colloque/{colloque}/manage"));
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(Code(first), (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        await Poll.UntilAsync(() => OutboxAsync(colloque), o => o.GetArrayLength() == 2 && o.EnumerateArray().All(m => Status(m) == "sent"), Timeout, "two sent");
        Assert.Equal(2, fixture.MailTo(email).Count);
    }

    [Fact]
    public async Task FindMyRegistration_MailsTheLink_ToAnAttendeeTheOrganiserListed_AndNothingToAnUnknownAddress()
    {
        // Arrange: an attendee the organiser typed in (never given a link).
        var colloque = await CreateColloqueAsync(fixture.Organiser, "Colloque Montcalm");
        var email = $"liste-{Guid.NewGuid():N}@exemple.ca";
        var unknown = $"inconnu-{Guid.NewGuid():N}@exemple.ca";
        var listed = await fixture.Organiser.PostAsJsonAsync($"/api/colloques/{colloque}/registrations",
            new { name = "Sophie Tremblay", organisation = "MRC de Montcalm", category = "mrc", email }).WaitAsync(Timeout);
        Assert.True(listed.IsSuccessStatusCode, await listed.Content.ReadAsStringAsync());
        var code = (await listed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
        var anonymous = fixture.App.CreateClient();

        // Act
        var asked = await anonymous.PostAsJsonAsync($"/api/colloques/{colloque}/manage-link", new { email = email.ToUpperInvariant(), language = "fr" }).WaitAsync(Timeout);
        var strangers = await anonymous.PostAsJsonAsync($"/api/colloques/{colloque}/manage-link", new { email = unknown, language = "fr" }).WaitAsync(Timeout);

        // Assert: a French email whose link opens that registration; nothing for the unknown address.
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (asked.StatusCode, strangers.StatusCode));
        var mail = await fixture.MailAsync(email, "Votre lien d'inscription");
        Assert.DoesNotContain("Hello", mail.Text);
        var opened = await OpenSignupLinkAsync(mail.Link($"/colloque/{colloque}/manage"));
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(code, (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Empty(fixture.MailTo(unknown));
    }

    /// <summary>What the manage page does with the link: the code from the query, the token from the fragment, in a header.</summary>
    private async Task<HttpResponseMessage> OpenSignupLinkAsync(Uri link)
    {
        var code = System.Web.HttpUtility.ParseQueryString(link.Query)["code"]!;
        var token = link.Fragment.TrimStart('#').Split('=', 2)[1];
        return await fixture.App.CreateClient().SendAsync(Manage(HttpMethod.Get, code, token)).WaitAsync(Timeout);
    }

    private async Task<JsonElement> OutboxAsync(Guid colloque) =>
        await fixture.Organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/outbox").WaitAsync(Timeout);

    private static string Status(JsonElement mail) => mail.GetProperty("status").GetString()!;
}
