using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace Collaboration.Silo.Tests.Storage;

/// <summary>
/// What every Orleans grain storage we run on must do (the SQLite one of our own and the stock ADO.NET one over our
/// PostgreSQL schema), through <see cref="IGrainStorage"/> exactly as a grain's <c>[PersistentState]</c> uses it.
/// Each test gets a fresh database.
/// </summary>
public abstract class OrleansStorageConformanceTests : IAsyncLifetime
{
    protected const string StorageName = "conformance";
    protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    protected const string StateName = "state";
    private static readonly GrainId Meeting = GrainId.Create("meeting", "table-1.meeting-7");

    private readonly List<StorageSiloServices> _storages = [];

    /// <summary>The Orleans service id: the same for every storage instance of one test (they share its data).</summary>
    protected string ServiceId { get; } = "concertation-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Makes the test's database (and applies the schema where that is a separate step).</summary>
    protected abstract Task CreateDatabaseAsync();

    /// <summary>Drops the test's database.</summary>
    protected abstract Task DropDatabaseAsync();

    /// <summary>A silo's services registering the storage named <see cref="StorageName"/> over the test's database.</summary>
    protected abstract Task<StorageSiloServices> StartStorageAsync();

    /// <summary>Applies the provider's schema once more, as a starting node does.</summary>
    protected abstract Task ApplySchemaAsync();

    /// <summary>How many schema migrations the database records.</summary>
    protected abstract Task<int> CountAppliedMigrationsAsync();

    public Task InitializeAsync() => CreateDatabaseAsync().WaitAsync(Timeout);

    public async Task DisposeAsync()
    {
        foreach (var storage in _storages)
            await storage.DisposeAsync();
        await DropDatabaseAsync().WaitAsync(Timeout);
    }

    [Fact]
    public async Task Read_ReportsNoRecord_ForAGrainNeverWritten()
    {
        var storage = await NewStorageAsync();

        var read = await ReadAsync(storage, StateName, Meeting);

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.NotNull(read.State);
    }

    [Fact]
    public async Task Write_ThenRead_ReturnsTheStateAndAnETag()
    {
        var storage = await NewStorageAsync();
        var written = New(ConformanceState.Of("agenda", 1));

        await WriteAsync(storage, StateName, Meeting, written);
        var read = await ReadAsync(storage, StateName, Meeting);

        Assert.True(written.RecordExists);
        Assert.False(string.IsNullOrEmpty(written.ETag));
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.True(ConformanceState.Of("agenda", 1).SameAs(read.State), $"read back {read.State}");
    }

    [Fact]
    public async Task Write_Succeeds_WithTheETagOfThePreviousWrite()
    {
        var storage = await NewStorageAsync();
        var state = New(ConformanceState.Of("agenda", 1));
        await WriteAsync(storage, StateName, Meeting, state);
        var firstETag = state.ETag;

        state.State = ConformanceState.Of("agenda", 2);
        await WriteAsync(storage, StateName, Meeting, state);
        var read = await ReadAsync(storage, StateName, Meeting);

        Assert.NotEqual(firstETag, state.ETag);
        Assert.Equal(state.ETag, read.ETag);
        Assert.True(ConformanceState.Of("agenda", 2).SameAs(read.State), $"read back {read.State}");
    }

    [Fact]
    public async Task Write_IsRefused_WithStaleETag()
    {
        var storage = await NewStorageAsync();
        var first = New(ConformanceState.Of("v1", 1));
        await WriteAsync(storage, StateName, Meeting, first);
        var stale = New(ConformanceState.Of("stale", 99), first.ETag);
        var current = New(ConformanceState.Of("v2", 2), first.ETag);
        await WriteAsync(storage, StateName, Meeting, current);

        var refused = await Assert.ThrowsAsync<InconsistentStateException>(() => WriteAsync(storage, StateName, Meeting, stale));
        var read = await ReadAsync(storage, StateName, Meeting);

        Assert.NotNull(refused.Message);
        Assert.Equal(current.ETag, read.ETag);
        Assert.True(ConformanceState.Of("v2", 2).SameAs(read.State), $"read back {read.State}");
    }

    [Fact]
    public async Task FirstWrite_IsRefused_WhenTheGrainAlreadyHasARecord()
    {
        var storage = await NewStorageAsync();
        var winner = New(ConformanceState.Of("first", 1));
        await WriteAsync(storage, StateName, Meeting, winner);
        var late = New(ConformanceState.Of("second", 2));

        await Assert.ThrowsAsync<InconsistentStateException>(() => WriteAsync(storage, StateName, Meeting, late));
        var read = await ReadAsync(storage, StateName, Meeting);

        Assert.Equal(winner.ETag, read.ETag);
        Assert.True(ConformanceState.Of("first", 1).SameAs(read.State), $"read back {read.State}");
    }

    [Fact]
    public async Task Clear_ThenRead_ReportsNoRecord_AndTheGrainCanWriteAgain()
    {
        var storage = await NewStorageAsync();
        var state = New(ConformanceState.Of("to clear", 3));
        await WriteAsync(storage, StateName, Meeting, state);

        await ClearAsync(storage, StateName, Meeting, state);
        var afterClear = await ReadAsync(storage, StateName, Meeting);
        state.State = ConformanceState.Of("after clear", 4);
        await WriteAsync(storage, StateName, Meeting, state);
        var afterWrite = await ReadAsync(storage, StateName, Meeting);

        Assert.False(afterClear.RecordExists);
        Assert.NotNull(afterClear.State);
        Assert.True(afterWrite.RecordExists);
        Assert.Equal(state.ETag, afterWrite.ETag);
        Assert.True(ConformanceState.Of("after clear", 4).SameAs(afterWrite.State), $"read back {afterWrite.State}");
    }

    [Fact]
    public async Task Clear_IsRefused_WithStaleETag()
    {
        var storage = await NewStorageAsync();
        var first = New(ConformanceState.Of("v1", 1));
        await WriteAsync(storage, StateName, Meeting, first);
        var stale = New(ConformanceState.Of("v1", 1), first.ETag);
        stale.RecordExists = true;
        await WriteAsync(storage, StateName, Meeting, New(ConformanceState.Of("v2", 2), first.ETag));

        await Assert.ThrowsAsync<InconsistentStateException>(() => ClearAsync(storage, StateName, Meeting, stale));
        var read = await ReadAsync(storage, StateName, Meeting);

        Assert.True(read.RecordExists);
        Assert.True(ConformanceState.Of("v2", 2).SameAs(read.State), $"read back {read.State}");
    }

    [Fact]
    public async Task State_IsKept_AcrossAFreshStorageInstance()
    {
        var before = await NewStorageAsync();
        var written = New(ConformanceState.Of("durable", 5));
        await WriteAsync(before, StateName, Meeting, written);

        var after = await NewStorageAsync();
        var read = await ReadAsync(after, StateName, Meeting);
        read.State!.Count++;
        await WriteAsync(after, StateName, Meeting, read);

        Assert.Equal("durable", read.State.Title);
        Assert.True(read.RecordExists);
        Assert.NotEqual(written.ETag, read.ETag);
        Assert.Equal(read.ETag, (await ReadAsync(before, StateName, Meeting)).ETag);
    }

    [Fact]
    public async Task DifferentKeysAndStateNames_DoNotSeeEachOthersState()
    {
        var storage = await NewStorageAsync();
        (string State, GrainId Grain)[] cells =
        [
            (StateName, Meeting),
            ("minutes", Meeting),
            (StateName, GrainId.Create("meeting", "table-1.meeting-8")),
            (StateName, GrainId.Create("workshop", "table-1.workshop-7")),
            (StateName, GrainId.Create(GrainType.Create("workshop"), GrainIdKeyExtensions.CreateGuidKey(Guid.Parse("6f1c7f9e-1b2d-4c3a-9e8f-0a1b2c3d4e5f")))),
            (StateName, GrainId.Create(GrainType.Create("workshop"), GrainIdKeyExtensions.CreateGuidKey(Guid.Parse("6f1c7f9e-1b2d-4c3a-9e8f-0a1b2c3d4e5f"), "joliette"))),
            (StateName, GrainId.Create(GrainType.Create("colloque"), GrainIdKeyExtensions.CreateIntegerKey(2026))),
            (StateName, GrainId.Create(GrainType.Create("colloque"), GrainIdKeyExtensions.CreateIntegerKey(2026, "desk-a"))),
            (StateName, GrainId.Create(GrainType.Create("colloque"), GrainIdKeyExtensions.CreateIntegerKey(2026, "desk-b"))),
        ];

        for (var i = 0; i < cells.Length; i++)
            await WriteAsync(storage, cells[i].State, cells[i].Grain, New(ConformanceState.Of($"cell {i}", i)));
        var first = await ReadAsync(storage, cells[0].State, cells[0].Grain);
        await ClearAsync(storage, cells[0].State, cells[0].Grain, first);

        Assert.False((await ReadAsync(storage, cells[0].State, cells[0].Grain)).RecordExists);
        for (var i = 1; i < cells.Length; i++)
        {
            var read = await ReadAsync(storage, cells[i].State, cells[i].Grain);
            Assert.True(ConformanceState.Of($"cell {i}", i).SameAs(read.State), $"{cells[i].State} of {cells[i].Grain} read back {read.State}");
        }
    }

    [Fact]
    public async Task ConcurrentWrites_WithTheSameETag_ExactlyOneWins()
    {
        const int writers = 16;
        var storage = await NewStorageAsync();
        var initial = New(ConformanceState.Of("initial", 0));
        await WriteAsync(storage, StateName, Meeting, initial);
        var attempts = Enumerable.Range(1, writers).Select(i => New(ConformanceState.Of($"writer {i}", i), initial.ETag)).ToList();

        var outcomes = await Task.WhenAll(attempts.Select(attempt => Task.Run(() => TryWriteAsync(storage, StateName, Meeting, attempt))));
        var read = await ReadAsync(storage, StateName, Meeting);

        Assert.Equal(1, outcomes.Count(won => won));
        var winner = attempts[Array.IndexOf(outcomes, true)];
        Assert.Equal(winner.ETag, read.ETag);
        Assert.True(winner.State!.SameAs(read.State), $"read back {read.State}, winner wrote {winner.State}");
    }

    [Fact]
    public async Task ConcurrentFirstWrites_ExactlyOneWins()
    {
        const int writers = 16;
        var storage = await NewStorageAsync();
        var attempts = Enumerable.Range(1, writers).Select(i => New(ConformanceState.Of($"writer {i}", i))).ToList();

        var outcomes = await Task.WhenAll(attempts.Select(attempt => Task.Run(() => TryWriteAsync(storage, StateName, Meeting, attempt))));
        var read = await ReadAsync(storage, StateName, Meeting);

        Assert.Equal(1, outcomes.Count(won => won));
        var winner = attempts[Array.IndexOf(outcomes, true)];
        Assert.Equal(winner.ETag, read.ETag);
        Assert.True(winner.State!.SameAs(read.State), $"read back {read.State}, winner wrote {winner.State}");
    }

    [Fact]
    public async Task Schema_AppliedAgainAndConcurrently_IsANoOp()
    {
        var storage = await NewStorageAsync();
        var written = New(ConformanceState.Of("kept", 7));
        await WriteAsync(storage, StateName, Meeting, written);
        var migrationsBefore = await CountAppliedMigrationsAsync().WaitAsync(Timeout);

        await ApplySchemaAsync().WaitAsync(Timeout);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(ApplySchemaAsync))).WaitAsync(Timeout);
        var read = await ReadAsync(storage, StateName, Meeting);

        Assert.True(migrationsBefore > 0);
        Assert.Equal(migrationsBefore, await CountAppliedMigrationsAsync().WaitAsync(Timeout));
        Assert.Equal(written.ETag, read.ETag);
        Assert.True(ConformanceState.Of("kept", 7).SameAs(read.State), $"read back {read.State}");
    }

    /// <summary>
    /// The full grain identity keys the state: grains of different types with the same key, and string keys that differ
    /// only in case or leading zeros (which look like hexadecimal integer keys), each keep their own state.
    /// </summary>
    protected async Task AssertEveryGrainIdentityKeepsItsOwnStateAsync()
    {
        var storage = await NewStorageAsync();
        GrainId[] grains =
        [
            GrainId.Create("colloque", "2026-lanaudiere"),
            GrainId.Create("colloque-directory", "2026-lanaudiere"),
            GrainId.Create("registration", "cafe"),
            GrainId.Create("registration", "CAFE"),
            GrainId.Create("registration", "0cafe"),
            GrainId.Create("registration", "20235"),
            GrainId.Create("registration", "020235"),
            GrainId.Create("registration", "a+b"),
            GrainId.Create("registration", "0a+b"),
            GrainId.Create("registration", "6f1c7f9e1b2d4c3a9e8f0a1b2c3d4e5f"),
            GrainId.Create("registration", "6F1C7F9E1B2D4C3A9E8F0A1B2C3D4E5F"),
        ];

        var refused = new List<string>();
        for (var i = 0; i < grains.Length; i++)
        {
            if (!await TryWriteAsync(storage, StateName, grains[i], New(ConformanceState.Of($"grain {i}", i))))
                refused.Add(grains[i].ToString());
        }
        var mixedUp = new List<string>();
        for (var i = 0; i < grains.Length; i++)
        {
            var read = await ReadAsync(storage, StateName, grains[i]);
            if (!ConformanceState.Of($"grain {i}", i).SameAs(read.State))
                mixedUp.Add($"{grains[i]} read back {read.State}");
        }

        Assert.Empty(refused);
        Assert.Empty(mixedUp);
    }

    protected async Task<IGrainStorage> NewStorageAsync()
    {
        var services = await StartStorageAsync().WaitAsync(Timeout);
        _storages.Add(services);
        return services.Storage;
    }

    protected static GrainState<ConformanceState> New(ConformanceState state, string? etag = null) => new(state, etag);

    protected static async Task<GrainState<ConformanceState>> ReadAsync(IGrainStorage storage, string stateName, GrainId grainId)
    {
        var state = new GrainState<ConformanceState>();
        await storage.ReadStateAsync(stateName, grainId, state).WaitAsync(Timeout);
        return state;
    }

    protected static Task WriteAsync(IGrainStorage storage, string stateName, GrainId grainId, GrainState<ConformanceState> state) =>
        storage.WriteStateAsync(stateName, grainId, state).WaitAsync(Timeout);

    protected static Task ClearAsync(IGrainStorage storage, string stateName, GrainId grainId, GrainState<ConformanceState> state) =>
        storage.ClearStateAsync(stateName, grainId, state).WaitAsync(Timeout);

    protected static async Task<bool> TryWriteAsync(IGrainStorage storage, string stateName, GrainId grainId, GrainState<ConformanceState> state)
    {
        try
        {
            await WriteAsync(storage, stateName, grainId, state);
            return true;
        }
        catch (InconsistentStateException)
        {
            return false;
        }
    }
}
