using System.Text;
using Collaboration.Grains.Platform;
using Collaboration.Grains.Workshops;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Collaboration.Grains.Tests.Workshops;

/// <summary>
/// What a workshop session writes as its registrations grow (a write carries the registrations that changed, not the
/// list), that the list comes back whole and in order after a reactivation, that an erasure leaves no stored row holding
/// the contact, and that a session stored whole before the ledger still loads.
/// </summary>
public sealed class WorkshopSessionStorageTests(GrainsSilo silo) : IClassFixture<GrainsSilo>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AWrite_CarriesTheRegistrationsThatChanged_AndTheListComesBackWholeAfterAReactivation()
    {
        // Arrange: 200 seats, so the later registrations wait.
        var (_, grain) = await NewSessionAsync(capacity: 200);

        // Act: 600 registrations in parallel bursts of 100.
        await RegisterManyAsync(grain, 0, 600);
        var stored = await StoredStateAsync(grain);
        var before = await SnapshotAsync(grain);

        // Act: deactivated and read back; a confirmed registration in a sealed chunk cancels; read back again.
        await ReactivateAllAsync();
        var after = await SnapshotAsync(grain);
        var cancelled = await grain.CancelRegistrationAsync(CodeOf(3), HashOf(3)).WaitAsync(Within);
        await ReactivateAllAsync();
        var registrants = await grain.GetRegistrantsAsync().WaitAsync(Within);

        // Assert: the session's own row holds a burst's worth of registrations at most, the rest in two sealed chunks.
        Assert.Empty(stored.Registrations);
        Assert.True(stored.Recent.Recent.Count <= Ledger<WorkshopRegistration>.RecentLimit + 100, $"{stored.Recent.Recent.Count} in the head");
        Assert.True(stored.Recent.SealedChunks >= 2, $"{stored.Recent.SealedChunks} sealed chunks");
        // Assert: the same 600 in the same order; the first in line took the freed seat, nobody after them did.
        Assert.Equal(before, after);
        Assert.Equal(RegistrationResult.Ok, cancelled.Result);
        Assert.Equal(600, registrants.Count);
        Assert.Equal(registrants.OrderBy(r => r.Sequence).Select(r => r.Code), registrants.Select(r => r.Code));
        Assert.Equal(RegistrationStatus.Cancelled, registrants.Single(r => r.Code == CodeOf(3)).Status);
        var seated = registrants.Where(r => r.Status != RegistrationStatus.Cancelled).ToList();
        Assert.All(seated.Take(200), r => Assert.Equal(RegistrationStatus.Confirmed, r.Status));
        Assert.All(seated.Skip(200), r => Assert.Equal(RegistrationStatus.Waitlisted, r.Status));
        Assert.Equal(1, seated[200].Position);
    }

    [Fact]
    public async Task AnErasedRegistration_LeavesNoStoredRowHoldingTheContactsEmail()
    {
        // Arrange: enough registrations that the erased one sits in a sealed chunk.
        var (session, grain) = await NewSessionAsync(capacity: 1_000);
        await RegisterManyAsync(grain, 0, 300);
        var email = Encoding.UTF8.GetBytes(EmailOf(10));
        Assert.True(await silo.RowsContainingAsync("workshop", session, email) > 0);

        // Act
        Assert.Equal(1, await grain.AnonymiseAsync(CodeOf(10)).WaitAsync(Within));

        // Assert: the chunk holding it is rewritten right after the erasure's write (the outbox's copy was emptied in it).
        var deadline = DateTime.UtcNow + Within;
        while (await silo.RowsContainingAsync("workshop", session, email) > 0 && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Equal(0, await silo.RowsContainingAsync("workshop", session, email));
        await ReactivateAllAsync();
        var erased = (await grain.GetRegistrantsAsync().WaitAsync(Within)).Single(r => r.Code == CodeOf(10));
        Assert.Equal(("", true), (erased.Email, erased.Anonymised));
    }

    [Fact]
    public async Task ASessionStoredWhole_BeforeTheLedger_LoadsWhole_AndMovesIntoTheLedgerAtTheNextWrite()
    {
        // Arrange: three registrations for two seats, one after the other, then the stored row rewritten in the shape
        // written before the ledger.
        var (_, grain) = await NewSessionAsync(capacity: 2);
        for (var i = 0; i < 3; i++) await RegisterManyAsync(grain, i, 1);
        var before = await SnapshotAsync(grain);
        await ReactivateAllAsync();
        var storage = silo.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Grains);
        var grainId = ((GrainReference)grain).GrainId;
        var stored = new GrainState<WorkshopSessionState>();
        await storage.ReadStateAsync("workshop", grainId, stored);
        stored.State!.Registrations = [.. stored.State.Recent.Recent.Values.OrderBy(r => r.Sequence)];
        stored.State.Recent = new();
        await storage.WriteStateAsync("workshop", grainId, stored);

        // Act: the grain comes back from the old row; the first confirmed cancels (a write), so the one waiting moves up.
        var loaded = await SnapshotAsync(grain);
        await grain.CancelRegistrationAsync(CodeOf(0), HashOf(0)).WaitAsync(Within);
        await ReactivateAllAsync();

        // Assert: the list came back whole; after the write the old list is gone from the row and the ledger holds everyone.
        Assert.Equal(before, loaded);
        var registrants = await grain.GetRegistrantsAsync().WaitAsync(Within);
        Assert.Equal([RegistrationStatus.Cancelled, RegistrationStatus.Confirmed, RegistrationStatus.Confirmed], registrants.Select(r => r.Status));
        await storage.ReadStateAsync("workshop", grainId, stored);
        Assert.Empty(stored.State.Registrations);
        Assert.Equal(3, stored.State.Recent.Recent.Count);
    }

    private async Task<(Guid Session, IWorkshopSessionGrain Grain)> NewSessionAsync(int capacity)
    {
        var now = silo.Clock.GetUtcNow();
        var session = Guid.NewGuid();
        var grain = silo.Grains.GetGrain<IWorkshopSessionGrain>(session);
        var details = new WorkshopDetails("Accueillir des travailleurs immigrants", "Welcoming immigrant workers", "Atelier", "Workshop",
            now.AddDays(30), now.AddDays(30).AddHours(3), "Salle 2, Joliette", null, now.AddDays(-1), now.AddDays(29));
        Assert.Equal(WorkshopCreation.Created, await grain.CreateAsync(details, capacity).WaitAsync(Within));
        return (session, grain);
    }

    /// <summary>Registrations of one seat each, 100 at a time in parallel (so they share writes, as a burst does).</summary>
    private static async Task RegisterManyAsync(IWorkshopSessionGrain grain, int first, int count)
    {
        foreach (var slice in Enumerable.Range(first, count).Chunk(100))
        {
            var outcomes = await Task.WhenAll(slice.Select(i => grain.RegisterAsync(new RegistrationRequest(
                CodeOf(i), HashOf(i), $"Entreprise {i}", $"Contact {i}", EmailOf(i), null, 1, "Manufacturier", true))));
            Assert.All(outcomes, o => Assert.Equal(RegistrationResult.Ok, o.Result));
        }
    }

    private static string CodeOf(int i) => $"STORE{i:D4}";

    private static string HashOf(int i) => $"hash-{i}";

    private static string EmailOf(int i) => $"stockage.{i}@exemple.qc.ca";

    private static async Task<string> SnapshotAsync(IWorkshopSessionGrain grain)
    {
        var registrants = await grain.GetRegistrantsAsync().WaitAsync(Within);
        var view = await grain.GetAsync().WaitAsync(Within);
        return string.Join("\n", registrants.Select(r => $"{r.Code} {r.Sequence} {r.Status} {r.Position} {r.Email}")) + $"\n{view!.Counts}";
    }

    private async Task ReactivateAllAsync()
    {
        await Task.Delay(500); // a sealing under way finishes before its grain goes
        await silo.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
    }

    /// <summary>The session's own row as stored (the ledger's chunk rows are named <c>workshop.{n}</c>), once a sealing under way is done.</summary>
    private async Task<WorkshopSessionState> StoredStateAsync(IWorkshopSessionGrain grain)
    {
        await Task.Delay(500);
        var storage = silo.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Grains);
        var stored = new GrainState<WorkshopSessionState>();
        await storage.ReadStateAsync("workshop", ((GrainReference)grain).GrainId, stored);
        return stored.State!;
    }
}
