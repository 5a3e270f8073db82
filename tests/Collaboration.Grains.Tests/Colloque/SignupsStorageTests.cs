using Microsoft.Extensions.DependencyInjection;
using System.Text;
using Collaboration.Grains.Colloque;
using Collaboration.Grains.Platform;
using Microsoft.Data.Sqlite;
using Orleans.Storage;
using static Collaboration.Grains.Tests.Colloque.ColloqueGrainKit;

namespace Collaboration.Grains.Tests.Colloque;

/// <summary>
/// What the signups grain writes as its list grows (a write carries what changed, not the list), that the list comes back
/// whole after a reactivation, that an erasure leaves no stored row, and the waiting list's cap.
/// </summary>
public sealed class SignupsStorageTests(GrainsSilo silo) : IClassFixture<GrainsSilo>
{
    [Fact]
    public async Task TheStateWritten_DoesNotGrowWithTheList_AndTheListComesBackWholeAfterAReactivation()
    {
        // Arrange: 100 places, a long waiting list allowed.
        var colloque = await OpenColloqueAsync(silo, total: 100, waitlist: 10_000);
        var signups = silo.Grains.GetGrain<IColloqueSignupsGrain>(colloque);

        // Act: 150 sign-ups, then 600 more, in parallel bursts.
        var codes = new List<string>();
        codes.AddRange(await RegisterManyAsync(colloque, 0, 150));
        var atFirst = await StateRowSizeAsync("colloque-signups", colloque);
        codes.AddRange(await RegisterManyAsync(colloque, 150, 600));
        var atLast = await StateRowSizeAsync("colloque-signups", colloque);
        var directoryRow = await StateRowSizeAsync("colloque-directory", colloque);

        // Assert: five times the list, not five times the grain's row (a write carries at most about a chunk's worth), nor the directory's.
        Assert.True(atLast < 2 * atFirst + 4_096, $"signups row: {atFirst} B at 150, {atLast} B at 750; rows {await RowsAsync(colloque)}; {await DiagnoseAsync(colloque)}");
        Assert.True(directoryRow < 40_000, $"directory row at 750: {directoryRow} B");
        var before = await SnapshotAsync(signups, codes);

        // Act: every grain deactivated, then read again from storage; a sealed attendee cancels and it survives another reactivation.
        await ReactivateAllAsync();
        var after = await SnapshotAsync(signups, codes);
        await silo.Grains.GetGrain<IRegistrationGrain>(codes[3]).SetCancelledAsync(colloque, true, "attendee").WaitAsync(Within);
        await silo.DeliveredAsync();
        await ReactivateAllAsync();

        // Assert
        Assert.Equal(before, after);
        Assert.Equal(PlaceStatus.Cancelled, (await signups.GetSignupAsync(codes[3]))!.Status);
        var counts = (await signups.GetProgrammeAsync()).Counts;
        Assert.Equal((100, 649), (counts.Confirmed, counts.Waitlisted)); // the first in line took the freed place
        var directory = await silo.Grains.GetGrain<IColloqueDirectoryGrain>(colloque).ListAsync();
        Assert.Equal(750, directory.Count);
    }

    [Fact]
    public async Task AnErasedAttendee_LeavesNoStoredRowHoldingTheirEmailsHash()
    {
        // Arrange: enough attendees that the erased one sits in a sealed chunk.
        var colloque = await OpenColloqueAsync(silo, total: null);
        var codes = await RegisterManyAsync(colloque, 0, 300);
        var erased = codes[10];
        var hash = Encoding.UTF8.GetBytes(MatchKeyOf(10));
        Assert.True(await silo.RowsContainingAsync("colloque-signups", colloque, hash) > 0);

        // Act
        await silo.Grains.GetGrain<IRegistrationGrain>(erased).EraseAsync(colloque, "organiser").WaitAsync(Within);
        await silo.DeliveredAsync();

        // Assert: the chunk holding it is rewritten right after the erasure's write.
        var deadline = DateTime.UtcNow + Within;
        while (await silo.RowsContainingAsync("colloque-signups", colloque, hash) > 0 && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Equal(0, await silo.RowsContainingAsync("colloque-signups", colloque, hash));
    }

    [Fact]
    public async Task TheWaitingList_StopsAtItsCap_ThePlacesByDefault_AndReopensWhenSomeoneMovesUp()
    {
        // Arrange: two places, so two may wait.
        var colloque = await OpenColloqueAsync(silo, total: 2);
        var signups = silo.Grains.GetGrain<IColloqueSignupsGrain>(colloque);
        var first = await SelfRegisterAsync(silo, colloque, "Personne A");
        await SelfRegisterAsync(silo, colloque, "Personne B");
        var waiting = await SelfRegisterAsync(silo, colloque, "Personne C");
        await SelfRegisterAsync(silo, colloque, "Personne D");

        // Act
        var refused = await SelfRegisterAsync(silo, colloque, "Personne E");
        await silo.Grains.GetGrain<IRegistrationGrain>(first.Signup!.Code).SetCancelledAsync(colloque, true, "attendee").WaitAsync(Within);
        await silo.DeliveredAsync();
        var afterMove = await SelfRegisterAsync(silo, colloque, "Personne G");
        var imported = await signups.ImportAsync([new ImportedAttendee(new AttendeeDetails("Invité F", "MRC", AttendeeCategory.Mrc, "f@exemple.qc.ca"), "e:f")]);
        var refusedAgain = await SelfRegisterAsync(silo, colloque, "Personne H");

        // Assert: the fifth is refused and nothing of them is kept; C moved up, so G waits; the organiser's list is not capped.
        Assert.Equal(SignupResult.WaitlistFull, refused.Result);
        Assert.Null(refused.Signup);
        Assert.Equal(PlaceStatus.Confirmed, (await signups.GetSignupAsync(waiting.Signup!.Code))!.Status);
        Assert.Equal((SignupResult.Ok, PlaceStatus.Waitlisted), (afterMove.Result, afterMove.Signup!.Status));
        Assert.True(imported.Single().Created);
        Assert.Equal(SignupResult.WaitlistFull, refusedAgain.Result);
        var counts = (await signups.GetProgrammeAsync()).Counts;
        Assert.Equal((3, 2), (counts.Confirmed, counts.Waitlisted));
    }

    [Fact]
    public async Task AListStoredWhole_BeforeTheLedger_LoadsWhole_AndMovesIntoTheLedgerAtTheNextWrite()
    {
        // Arrange: three attendees, then their stored row rewritten in the shape written before the ledger (the whole list in Signups).
        var colloque = await OpenColloqueAsync(silo, total: 2);
        var signups = silo.Grains.GetGrain<IColloqueSignupsGrain>(colloque);
        var codes = new List<string>();
        foreach (var name in new[] { "Personne A", "Personne B", "Personne C" }) codes.Add((await SelfRegisterAsync(silo, colloque, name)).Signup!.Code);
        var before = await SnapshotAsync(signups, codes);
        await ReactivateAllAsync();
        var storage = silo.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Grains);
        var grainId = ((GrainReference)signups).GrainId;
        var stored = new GrainState<ColloqueSignupsState>();
        await storage.ReadStateAsync("colloque-signups", grainId, stored);
        stored.State!.Signups = [.. stored.State.Attendees.Recent.Values.OrderBy(e => e.Sequence)];
        stored.State!.Attendees = new();
        await storage.WriteStateAsync("colloque-signups", grainId, stored);

        // Act: the grain comes back from the old row; the first in place cancels (a write).
        var loaded = await SnapshotAsync(signups, codes);
        await silo.Grains.GetGrain<IRegistrationGrain>(codes[0]).SetCancelledAsync(colloque, true, "attendee").WaitAsync(Within);
        await silo.DeliveredAsync();
        await ReactivateAllAsync();

        // Assert: the list came back whole; after the write the old list is gone from the row and the ledger holds everyone.
        Assert.Equal(before, loaded);
        Assert.Equal((PlaceStatus.Cancelled, PlaceStatus.Confirmed), ((await signups.GetSignupAsync(codes[0]))!.Status, (await signups.GetSignupAsync(codes[2]))!.Status));
        await storage.ReadStateAsync("colloque-signups", grainId, stored);
        Assert.Empty(stored.State.Signups);
        Assert.Equal(3, stored.State.Attendees.Recent.Count + stored.State.Attendees.SealedChunks * 256);
    }

    private static string MatchKeyOf(int i) => $"e:storage.{i}@exemple.qc.ca";

    /// <summary>Sign-ups by the public form, 100 at a time in parallel; returns their codes in order.</summary>
    private async Task<List<string>> RegisterManyAsync(Guid colloque, int first, int count)
    {
        var codes = new List<string>();
        foreach (var slice in Enumerable.Range(first, count).Chunk(100))
        {
            silo.Clock.Advance(TimeSpan.FromMinutes(1)); // under the public form's ceiling per minute
            var outcomes = await Task.WhenAll(slice.Select(i => silo.Grains.GetGrain<IRegistrationGrain>(BadgeCodes.New()).RegisterSelfAsync(colloque,
                new SelfRegistration(new AttendeeDetails($"Personne {i}", "CJE", AttendeeCategory.Employer, $"storage.{i}@exemple.qc.ca"), null, "hash",
                    "fr", DateTimeOffset.UtcNow, "sealed", MatchKeyOf(i), []))));
            Assert.All(outcomes, o => Assert.Equal(SignupResult.Ok, o.Result));
            codes.AddRange(outcomes.Select(o => o.Signup!.Code));
        }
        await silo.DeliveredAsync(TimeSpan.FromMinutes(3)); // hundreds of registrations' effects on a busy machine
        return codes;
    }

    private static async Task<string> SnapshotAsync(IColloqueSignupsGrain signups, IEnumerable<string> codes)
    {
        var views = await Task.WhenAll(codes.Select(signups.GetSignupAsync));
        var counts = (await signups.GetProgrammeAsync()).Counts;
        return string.Join("\n", views.Select(v => $"{v!.Code} {v.Status} {v.Position}")) + $"\n{counts.Confirmed}/{counts.Waitlisted}";
    }

    private async Task ReactivateAllAsync()
    {
        await silo.DeliveredAsync();
        await Task.Delay(500); // a sealing under way finishes before its grain goes
        await silo.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
    }

    /// <summary>The stored size of a grain's own state row (the ledger's chunk rows are named <c>{state}.{n}</c>).</summary>
    private async Task<long> StateRowSizeAsync(string stateName, Guid colloque)
    {
        await Task.Delay(300); // the write a sealing ends with
        await using var connection = new SqliteConnection($"Data Source={silo.DatabasePath}");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT length(payload) FROM orleans_grain_state WHERE state_name = $state AND grain_id LIKE $grain";
        command.Parameters.AddWithValue("$state", stateName);
        command.Parameters.AddWithValue("$grain", $"%{colloque:N}%");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<string> DiagnoseAsync(Guid colloque)
    {
        await using var connection = new SqliteConnection($"Data Source={silo.DatabasePath}");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM orleans_grain_state WHERE state_name = 'colloque-signups' AND grain_id LIKE $grain";
        command.Parameters.AddWithValue("$grain", $"%{colloque:N}%");
        var payload = (byte[])(await command.ExecuteScalarAsync())!;
        var serializer = silo.Cluster.Silos[0].ServiceProvider.GetRequiredService<Orleans.Storage.IGrainStorageSerializer>();
        var state = serializer.Deserialize<ColloqueSignupsState>(new BinaryData(payload))!;
        return $"recent {state.Attendees.Recent.Count} sealed {state.Attendees.SealedChunks} effects {state.Effects.Pending.Count} live {state.Live.Recent.Count} legacy {state.Signups.Count}";
    }

    private async Task<string> RowsAsync(Guid colloque)
    {
        await using var connection = new SqliteConnection($"Data Source={silo.DatabasePath}");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT state_name, length(payload), version FROM orleans_grain_state WHERE grain_id LIKE $grain";
        command.Parameters.AddWithValue("$grain", $"%{colloque:N}%");
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add($"{reader.GetString(0)}={reader.GetInt64(1)}B v{reader.GetInt64(2)}");
        return string.Join(", ", rows);
    }
}
