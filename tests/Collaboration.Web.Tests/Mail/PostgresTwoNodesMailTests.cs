using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Testing;
using Collaboration.Web.Tests.Live;
using Collaboration.Web.Tests.Workshops;

namespace Collaboration.Web.Tests.Mail;

/// <summary>Two web nodes on one PostgreSQL database, both able to send: each message goes out once.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresTwoNodesMailTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task HundredRegistrations_AndTenPromotions_OnTwoNodes_SendExactly110Messages()
    {
        // Arrange: two nodes sending to one SMTP server; two sessions of 45 seats.
        await using var smtp = LoopbackSmtpServer.Start();
        var database = await postgres.Cluster.CreateDatabaseAsync("mail_nodes");
        await using var nodeA = new ConcertationFactory(database, false, MailSettings.For(smtp.Port));
        await using var nodeB = new ConcertationFactory(database, false, MailSettings.For(smtp.Port));
        var organiser = await nodeA.CreateOrganiserClientAsync().WaitAsync(Timeout);
        var sessions = new List<Guid>();
        for (var s = 0; s < 2; s++)
        {
            var starts = DateTimeOffset.UtcNow.AddDays(10 + s);
            var create = await organiser.PostAsJsonAsync("/api/workshops", new
            {
                titleFr = $"Atelier {s + 1}", titleEn = $"Workshop {s + 1}", startsAt = starts, endsAt = starts.AddHours(2),
                place = "Cégep régional de Lanaudière, Repentigny", capacity = 45,
            }).WaitAsync(Timeout);
            sessions.Add((await create.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }
        var clients = new[] { nodeA.CreateClient(), nodeB.CreateClient() };

        // Act: 100 registrations at once, alternately on each node (90 confirmed, 10 waitlisted)…
        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(async () =>
            await clients[i % 2].PostAsJsonAsync($"/api/workshops/{sessions[i % 2 == 0 ? 0 : 1]}/registrations",
                WorkshopsAppFixture.Registration($"Entreprise n° {i}", $"employeur{i}@exemple.qc.ca"))))).WaitAsync(Timeout);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        // …then each session gets five more seats: ten promotions.
        foreach (var session in sessions)
            Assert.Equal(HttpStatusCode.OK, (await organiser.PatchAsJsonAsync($"/api/workshops/{session}", new { capacity = 50 }).WaitAsync(Timeout)).StatusCode);

        // Assert: every outbox entry sent; the server got 110 messages, each Message-ID once.
        foreach (var session in sessions)
            await Poll.UntilAsync(() => organiser.GetFromJsonAsync<JsonElement>($"/api/workshops/{session}/outbox"),
                o => o.GetArrayLength() == 55 && o.EnumerateArray().All(m => m.GetProperty("status").GetString() == "sent"), Timeout, "the session's 55 messages sent");
        var received = smtp.Received;
        Assert.Equal(110, received.Count);
        Assert.Equal(110, received.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(10, received.Count(m => m.Subject!.StartsWith("Une place est à vous", StringComparison.Ordinal)));
        Assert.Equal(10, received.Count(m => m.Subject!.StartsWith("Liste d'attente", StringComparison.Ordinal)));
        Assert.Equal(90, received.Count(m => m.Subject!.StartsWith("Inscription confirmée", StringComparison.Ordinal)));
    }
}
