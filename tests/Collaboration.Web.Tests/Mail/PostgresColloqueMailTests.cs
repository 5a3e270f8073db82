using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Testing;
using Collaboration.Web.Tests.Live;
using static Collaboration.Web.Tests.Colloque.ColloqueKit;
using static Collaboration.Web.Tests.Colloque.SignupKit;

namespace Collaboration.Web.Tests.Mail;

/// <summary>Colloque emails from two web nodes on one PostgreSQL database: each message goes out once, to the right person.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresColloqueMailTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task SixtySignups_OnAQuotaOf50_AndTenCancellations_OnTwoNodes_SendExactly60Confirmations_10Promotions_And10Receipts()
    {
        // Arrange: two nodes sending to one SMTP server; 50 places.
        await using var smtp = LoopbackSmtpServer.Start();
        var database = await postgres.Cluster.CreateDatabaseAsync("colloque_mail");
        await using var nodeA = new ConcertationFactory(database, false, MailSettings.For(smtp.Port));
        await using var nodeB = new ConcertationFactory(database, false, MailSettings.For(smtp.Port));
        var organiser = await nodeA.CreateOrganiserClientAsync().WaitAsync(Timeout);
        var colloque = await CreateColloqueAsync(organiser, "Colloque régional de Lanaudière");
        await OpenRegistrationAsync(organiser, colloque, total: 50);
        var clients = new[] { nodeA.CreateClient(), nodeB.CreateClient() };

        // Act: 60 signups at once, alternately on each node…
        var signups = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(() =>
            SignedUpAsync(clients[i % 2], colloque, Signup($"Personne n° {i}", $"personne{i}@exemple.qc.ca"))))).WaitAsync(Timeout);
        var confirmed = signups.Where(s => s.GetProperty("status").GetString() == "confirmed").ToList();
        var waitlisted = signups.Where(s => s.GetProperty("status").GetString() == "waitlisted").Select(Code).ToHashSet();
        Assert.Equal((50, 10), (confirmed.Count, waitlisted.Count));
        // …each told of their place (a cancellation before the waitlisted are told would make them confirmed at once, with no promotion)…
        await smtp.WaitForAsync(60, Timeout);
        // …then ten confirmed attendees cancel, each on the other node.
        var cancelling = confirmed.Take(10).ToList();
        var cancels = await Task.WhenAll(cancelling.Select((s, i) =>
            clients[(i + 1) % 2].SendAsync(Manage(HttpMethod.Delete, Code(s), Token(s))))).WaitAsync(Timeout);
        Assert.All(cancels, c => Assert.Equal(HttpStatusCode.OK, c.StatusCode));

        // Assert: 80 messages in the colloque's view, all sent, each received once, each to the right person.
        await Poll.UntilAsync(() => organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/outbox"),
            o => o.GetArrayLength() == 80 && o.EnumerateArray().All(m => m.GetProperty("status").GetString() == "sent"), Timeout, "80 messages sent");
        var received = smtp.Received;
        Assert.Equal(80, received.Count);
        Assert.Equal(80, received.Select(m => m.MessageId).Distinct().Count());
        string To(MimeKit.MimeMessage m) => m.To.Mailboxes.Single().Address;
        string CodeOf(string email) => Code(signups[int.Parse(email["personne".Length..email.IndexOf('@')])]);
        Assert.Equal(50, received.Count(m => m.Subject!.StartsWith("Inscription confirmée", StringComparison.Ordinal)));
        Assert.Equal(10, received.Count(m => m.Subject!.StartsWith("Liste d’attente", StringComparison.Ordinal)));
        var promoted = received.Where(m => m.Subject!.StartsWith("Une place est à vous", StringComparison.Ordinal)).Select(To).ToList();
        Assert.Equal(waitlisted.Order(), promoted.Select(CodeOf).Order());
        var receipts = received.Where(m => m.Subject!.StartsWith("Inscription annulée", StringComparison.Ordinal)).Select(To).ToList();
        Assert.Equal(cancelling.Select(Code).Order(), receipts.Select(CodeOf).Order());
    }
}
