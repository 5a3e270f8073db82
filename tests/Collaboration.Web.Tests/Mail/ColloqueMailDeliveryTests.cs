using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Collaboration.Web.Tests.Colloque.ColloqueKit;
using static Collaboration.Web.Tests.Colloque.SignupKit;

namespace Collaboration.Web.Tests.Mail;

/// <summary>Colloque emails against an SMTP server that is down or refuses: erasure drops what is pending; a refusal is shown and resent.</summary>
public sealed class ColloqueMailDeliveryTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ErasedAttendee_TheirPendingEmailsAreDropped_AndNeverSent()
    {
        // Arrange: no SMTP server yet, so the confirmations stay pending.
        var port = FreePort.Next();
        await using var app = new ConcertationFactory(null, false, MailSettings.For(port));
        var organiser = await app.CreateOrganiserClientAsync().WaitAsync(Timeout);
        var colloque = await CreateColloqueAsync(organiser);
        await OpenRegistrationAsync(organiser, colloque, total: 10);
        var (erased, kept) = ($"efface-{Guid.NewGuid():N}@exemple.ca", $"garde-{Guid.NewGuid():N}@exemple.ca");
        var signup = await SignedUpAsync(app.CreateClient(), colloque, Signup("Sophie Lavoie", erased));
        await SignedUpAsync(app.CreateClient(), colloque, Signup("Luc Fortin", kept));
        await Poll.UntilAsync(() => OutboxAsync(organiser, colloque),
            o => o.GetArrayLength() == 2 && o.EnumerateArray().All(m => m.GetProperty("status").GetString() == "pending" && m.GetProperty("attempts").GetInt32() >= 1),
            Timeout, "both tried and pending");

        // Act: Sophie is erased, then the server comes up.
        var erase = await organiser.DeleteAsync($"/api/colloques/{colloque}/registrations/{Code(signup)}").WaitAsync(Timeout);
        Assert.Equal(HttpStatusCode.NoContent, erase.StatusCode);
        await using var smtp = LoopbackSmtpServer.Start(port);

        // Assert: only Luc's message goes; Sophie's is gone from the view, and her export holds no email.
        var outbox = await Poll.UntilAsync(() => OutboxAsync(organiser, colloque),
            o => o.GetArrayLength() == 1 && o[0].GetProperty("status").GetString() == "sent", Timeout, "Luc's sent, Sophie's dropped");
        Assert.Equal(kept, outbox[0].GetProperty("to").GetString());
        Assert.Equal([kept], smtp.Received.Select(m => m.To.Mailboxes.Single().Address));
        var export = await organiser.GetStringAsync($"/api/colloques/{colloque}/registrations/{Code(signup)}").WaitAsync(Timeout);
        Assert.DoesNotContain(erased, export);
        Assert.DoesNotContain("Inscription confirmée", export);
    }

    [Fact]
    public async Task PermanentRefusal_IsFailedInTheColloquesView_WithTheServersAnswer_AndResendDeliversIt()
    {
        // Arrange: the server refuses one mailbox (550).
        await using var smtp = LoopbackSmtpServer.Start();
        var refused = $"inconnu-{Guid.NewGuid():N}@exemple.ca";
        smtp.RefuseRecipient = address => address == refused;
        await using var app = new ConcertationFactory(null, false, MailSettings.For(smtp.Port));
        var organiser = await app.CreateOrganiserClientAsync().WaitAsync(Timeout);
        var colloque = await CreateColloqueAsync(organiser);
        await OpenRegistrationAsync(organiser, colloque, total: 10);
        var signup = await SignedUpAsync(app.CreateClient(), colloque, Signup("Karim Haddad", refused));

        // Act
        var failed = await Poll.UntilAsync(() => OutboxAsync(organiser, colloque),
            o => o.GetArrayLength() == 1 && o[0].GetProperty("status").GetString() == "failed", Timeout, "the message failed");

        // Assert: failed once with the server's answer, resendable.
        var entry = failed[0];
        Assert.Equal((Code(signup), refused, 1, true), (entry.GetProperty("code").GetString(), entry.GetProperty("to").GetString(),
            entry.GetProperty("attempts").GetInt32(), entry.GetProperty("canResend").GetBoolean()));
        Assert.StartsWith("550", entry.GetProperty("lastError").GetString());

        // Act: the mailbox is fixed, the organiser resends.
        smtp.RefuseRecipient = _ => false;
        var path = $"/api/colloques/{colloque}/outbox/{Code(signup)}/{entry.GetProperty("id").GetInt64()}/resend";
        Assert.Equal(HttpStatusCode.NoContent, (await organiser.PostAsync(path, null).WaitAsync(Timeout)).StatusCode);
        var received = await smtp.WaitForAsync(1, Timeout);

        // Assert: delivered with its Message-ID; sent now, so not resendable; another colloque's id finds nothing.
        Assert.Equal(entry.GetProperty("messageId").GetString(), received.Single().MessageId);
        await Poll.UntilAsync(() => OutboxAsync(organiser, colloque), o => o[0].GetProperty("status").GetString() == "sent", Timeout, "sent");
        Assert.Equal(HttpStatusCode.Conflict, (await organiser.PostAsync(path, null).WaitAsync(Timeout)).StatusCode);
        var other = await CreateColloqueAsync(organiser);
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.PostAsync(path.Replace(colloque.ToString(), other.ToString()), null).WaitAsync(Timeout)).StatusCode);
    }

    [Fact]
    public async Task SentConfirmation_IsShownSentAtOnce_AndWrittenWithTheRegistrationsNextWrite_NotOneOfItsOwn()
    {
        // Arrange
        await using var smtp = LoopbackSmtpServer.Start();
        await using var app = new ConcertationFactory(null, false, MailSettings.For(smtp.Port));
        var organiser = await app.CreateOrganiserClientAsync().WaitAsync(Timeout);
        var colloque = await CreateColloqueAsync(organiser);
        await OpenRegistrationAsync(organiser, colloque, total: 10);
        var storage = app.Services.GetRequiredKeyedService<Orleans.Storage.IGrainStorage>(Grains.Platform.StorageNames.Grains);

        // Act: one self-registration, its confirmation handed to the server.
        var signup = await SignedUpAsync(app.CreateClient(), colloque, Signup("Amina Diallo", $"amina-{Guid.NewGuid():N}@exemple.ca"));
        await smtp.WaitForAsync(1, Timeout);

        // Assert: the colloque's mail view says sent at once, while the registration's row still holds the one write that
        // recorded the place and the email (the sent mark waits for its next write: no write of its own).
        await Poll.UntilAsync(() => OutboxAsync(organiser, colloque), o => o.GetArrayLength() == 1 && o[0].GetProperty("status").GetString() == "sent",
            Timeout, "sent in the colloque's mail view");
        var stored = await StoredAsync(storage, Code(signup));
        Assert.Equal(Grains.Mail.MailStatus.Pending, Assert.Single(stored.Mail.Messages).Status);

        // Act: the registration's activation is collected (its deactivation writes what waited).
        await app.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        // Assert: the row now says sent and owes nothing; the view still says sent; one message reached the server.
        stored = await Poll.UntilAsync(() => StoredAsync(storage, Code(signup)), s => s.Mail.Messages.Single().Status == Grains.Mail.MailStatus.Sent,
            Timeout, "the sent mark written at deactivation");
        Assert.True(stored.Effects.IsEmpty);
        Assert.Equal("sent", (await OutboxAsync(organiser, colloque))[0].GetProperty("status").GetString());
        Assert.Single(smtp.Received);
    }

    private static async Task<Grains.Colloque.RegistrationState> StoredAsync(Orleans.Storage.IGrainStorage storage, string code)
    {
        var state = new GrainState<Grains.Colloque.RegistrationState>();
        await storage.ReadStateAsync("colloque-registration", GrainId.Create("colloque-registration", code), state).WaitAsync(Timeout);
        return state.State ?? new();
    }

    private static async Task<JsonElement> OutboxAsync(HttpClient organiser, Guid colloque) =>
        await organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/outbox").WaitAsync(Timeout);
}
