using System.Collections.Concurrent;
using System.Text;
using Collaboration.Grains.Mail;
using Collaboration.Grains.Platform;
using Collaboration.Grains.Workshops;
using Collaboration.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Collaboration.Grains.Tests.Workshops;

/// <summary>
/// A workshop session's sent emails leave its row for a ledger of their own (<c>SentMailLedger</c>): the organiser's view
/// still lists every message in order, after a reactivation too, and an erased registrant's address leaves every stored row.
/// The SMTP server is replaced by <see cref="AcceptingServer"/>, which accepts every message: what is tested is where the
/// session keeps its record of them (the real delivery is tested in the web tests).
/// </summary>
public sealed class WorkshopSentMailTests : IAsyncLifetime
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    private readonly AcceptingServer _server = new();
    private readonly GrainsSilo _silo;

    public WorkshopSentMailTests() => _silo = new GrainsSilo((silo, _) => silo.Services.AddSingleton<IMailDelivery>(_server));

    public Task InitializeAsync() => _silo.InitializeAsync();

    public Task DisposeAsync() => _silo.DisposeAsync();

    [Fact]
    public async Task SentEmails_LeaveTheSessionsRow_TheViewListsThemAll_AndAnErasureReachesTheirChunk()
    {
        // Arrange: 200 registrations (a confirmation each), every one sent.
        var grain = await NewSessionAsync();
        foreach (var slice in Enumerable.Range(0, 200).Chunk(50))
            Assert.All(await Task.WhenAll(slice.Select(i => grain.RegisterAsync(new RegistrationRequest(
                $"MAIL{i:D4}", $"hash-{i}", $"Entreprise {i}", $"Contact {i}", EmailOf(i), null, 1, "Manufacturier", true)))),
                o => Assert.Equal(RegistrationResult.Ok, o.Result));
        await Poll.UntilAsync(grain.GetMailAsync, m => m.Count == 200 && m.All(x => x.Status == MailStatus.Sent), Within, "every confirmation sent");
        await _silo.DeliveredAsync(Within);

        // Act: the session read back from storage; then the first registrant erased (their message is in a sealed chunk).
        var stored = await StoredStateAsync(grain);
        await ReactivateAsync();
        var afterReactivation = await grain.GetMailAsync().WaitAsync(Within);
        Assert.Equal(1, await grain.AnonymiseAsync("MAIL0000").WaitAsync(Within));
        var email = Encoding.UTF8.GetBytes(EmailOf(0));
        await Poll.UntilAsync(() => _silo.RowsContainingAsync("workshop", grain.GetPrimaryKey(), email), rows => rows == 0, Within, "no stored row holding the erased address");
        await ReactivateAsync();
        var afterErasure = await grain.GetMailAsync().WaitAsync(Within);

        // Assert: the row keeps no sent message but the head's few; the view lists all 200, in order, once each.
        Assert.DoesNotContain(stored.Mail.Messages, m => m.Status == MailStatus.Sent);
        Assert.True(stored.Mail.Sent.Recent.Count <= Ledger<OutboxMail>.RecentLimit + 50, $"{stored.Mail.Sent.Recent.Count} sent messages in the row");
        Assert.True(stored.Mail.Sent.SealedChunks >= 1);
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), afterReactivation.Select(m => m.Id));
        Assert.All(afterReactivation, m => Assert.Equal(MailStatus.Sent, m.Status));
        Assert.Equal(200, _server.Accepted.Count);
        // Assert: the erased registrant's message keeps its subject and status, not its address; the others keep theirs.
        var erased = afterErasure.Single(m => m.Reference == "MAIL0000");
        Assert.Equal(("", "", MailStatus.Sent), (erased.To, erased.ToName, erased.Status));
        Assert.Equal(EmailOf(1), afterErasure.Single(m => m.Reference == "MAIL0001").To);
        Assert.Equal(200, afterErasure.Count);
    }

    private async Task<IWorkshopSessionGrain> NewSessionAsync()
    {
        var now = _silo.Clock.GetUtcNow();
        var grain = _silo.Grains.GetGrain<IWorkshopSessionGrain>(Guid.NewGuid());
        var details = new WorkshopDetails("Accueillir des travailleurs immigrants", "Welcoming immigrant workers", "Atelier", "Workshop",
            now.AddDays(30), now.AddDays(30).AddHours(3), "Salle 2, Joliette", null, now.AddDays(-1), now.AddDays(29));
        Assert.Equal(WorkshopCreation.Created, await grain.CreateAsync(details, 1_000).WaitAsync(Within));
        return grain;
    }

    private static string EmailOf(int i) => $"courrier.{i}@exemple.qc.ca";

    private async Task ReactivateAsync()
    {
        await Task.Delay(500); // a sealing under way finishes before its grain goes
        await _silo.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
    }

    private async Task<WorkshopSessionState> StoredStateAsync(IWorkshopSessionGrain grain)
    {
        await Task.Delay(500);
        var storage = _silo.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Grains);
        var stored = new GrainState<WorkshopSessionState>();
        await storage.ReadStateAsync("workshop", ((GrainReference)grain).GrainId, stored);
        return stored.State!;
    }

    /// <summary>An SMTP server that accepts every message at once (250), and remembers which.</summary>
    private sealed class AcceptingServer : IMailDelivery
    {
        public ConcurrentBag<string> Accepted { get; } = [];

        public string SubjectOf(OutboxMail mail) => $"{mail.Kind} {mail.Reference}";

        public Task<MailDeliveryResult> DeliverAsync(OutboxMail mail, CancellationToken cancellationToken)
        {
            Accepted.Add(mail.MessageId);
            return Task.FromResult(new MailDeliveryResult(MailDeliveryOutcome.Delivered, SubjectOf(mail), null));
        }
    }
}
