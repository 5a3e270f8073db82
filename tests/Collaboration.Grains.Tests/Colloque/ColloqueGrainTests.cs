using Collaboration.Grains.Colloque;

namespace Collaboration.Grains.Tests.Colloque;

public sealed class ColloqueGrainTests : IClassFixture<GrainsSilo>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly GrainsSilo _silo;

    public ColloqueGrainTests(GrainsSilo silo) => _silo = silo;

    private async Task<(Guid Colloque, IRegistrationGrain Registration)> RegisteredAsync(string code, string name = "Hélène Tremblay")
    {
        var colloque = Guid.NewGuid();
        await _silo.Grains.GetGrain<IColloqueGrain>(colloque).CreateAsync(new("Colloque régional", new DateOnly(2026, 11, 26), "Rimouski")).WaitAsync(Timeout);
        var registration = _silo.Grains.GetGrain<IRegistrationGrain>(code);
        await registration.RecordAttendeeAsync(colloque, new(name, "Ville de Rimouski", AttendeeCategory.ElectedOfficial, "h@exemple.qc.ca"), "e:" + code).WaitAsync(Timeout);
        return (colloque, registration);
    }

    private static CheckInRequest Scan(Guid colloque, string desk, string nonce) => new(colloque, nonce, desk, $"Accueil {desk}", $"Opérateur {desk}");

    [Fact]
    public async Task CheckIn_AdmitsOnce_WhenManyDesksScanTheSameBadgeAtOnce()
    {
        var (colloque, registration) = await RegisteredAsync("RACE-0001");

        var answers = await Task.WhenAll(Enumerable.Range(0, 40)
            .Select(i => registration.CheckInAsync(Scan(colloque, $"d{i % 4}", $"n{i}")))).WaitAsync(Timeout);

        var first = Assert.Single(answers, a => a.Result == CheckInResult.CheckedIn);
        Assert.All(answers.Where(a => a != first), a =>
        {
            Assert.Equal(CheckInResult.AlreadyCheckedIn, a.Result);
            Assert.Equal((first.DeskId, first.CheckedInAt), (a.DeskId, a.CheckedInAt));
        });
    }

    [Fact]
    public async Task CheckIn_ReturnsTheFirstAnswer_WhenTheSameNonceComesAgain()
    {
        var (colloque, registration) = await RegisteredAsync("NONCE-001");

        var first = await registration.CheckInAsync(Scan(colloque, "d1", "same")).WaitAsync(Timeout);
        _silo.Clock.Advance(TimeSpan.FromMinutes(1));
        var again = await registration.CheckInAsync(Scan(colloque, "d1", "same")).WaitAsync(Timeout);
        var other = await registration.CheckInAsync(Scan(colloque, "d2", "different")).WaitAsync(Timeout);

        Assert.Equal(CheckInResult.CheckedIn, first.Result);
        Assert.Equal(first, again);
        Assert.Equal(CheckInResult.AlreadyCheckedIn, other.Result);
        Assert.Equal(1, (await registration.GetAsync().WaitAsync(Timeout))!.CheckInVersion);
    }

    [Fact]
    public async Task CheckIn_IsUnknown_ForAnotherColloque_AndCancelled_WhenCancelled()
    {
        var (colloque, registration) = await RegisteredAsync("CANCEL-01");

        var elsewhere = await registration.CheckInAsync(Scan(Guid.NewGuid(), "d1", "a")).WaitAsync(Timeout);
        await registration.SetCancelledAsync(colloque, true, "organiser").WaitAsync(Timeout);
        var cancelled = await registration.CheckInAsync(Scan(colloque, "d1", "b")).WaitAsync(Timeout);
        var never = await _silo.Grains.GetGrain<IRegistrationGrain>("NOPE-0000").CheckInAsync(Scan(colloque, "d1", "c")).WaitAsync(Timeout);

        Assert.Equal(CheckInResult.Unknown, elsewhere.Result);
        Assert.Equal(CheckInResult.Cancelled, cancelled.Result);
        Assert.Equal(CheckInResult.Unknown, never.Result);
    }

    [Fact]
    public async Task Undo_ByTheSameDesk_WorksWithinTwoMinutes_ThenOnlyTheOrganiserMay()
    {
        var (colloque, registration) = await RegisteredAsync("UNDO-0001");
        await registration.CheckInAsync(Scan(colloque, "d1", "1")).WaitAsync(Timeout);

        var otherDesk = await registration.UndoCheckInAsync(new(colloque, "d2", "Opérateur d2")).WaitAsync(Timeout);
        _silo.Clock.Advance(TimeSpan.FromSeconds(90));
        var sameDesk = await registration.UndoCheckInAsync(new(colloque, "d1", "Opérateur d1")).WaitAsync(Timeout);
        await registration.CheckInAsync(Scan(colloque, "d1", "2")).WaitAsync(Timeout);
        _silo.Clock.Advance(TimeSpan.FromMinutes(3));
        var tooLate = await registration.UndoCheckInAsync(new(colloque, "d1", "Opérateur d1")).WaitAsync(Timeout);
        var organiser = await registration.UndoCheckInAsync(new(colloque, null, "organisateur")).WaitAsync(Timeout);

        Assert.Equal(UndoResult.OtherDesk, otherDesk.Result);
        Assert.Equal(UndoResult.Undone, sameDesk.Result);
        Assert.Equal(UndoResult.TooLate, tooLate.Result);
        Assert.Equal(new UndoAnswer(UndoResult.Undone, 4), organiser);
        var view = await registration.GetAsync().WaitAsync(Timeout);
        Assert.Null(view!.CheckIn);
        Assert.Equal(["registered", "checked-in", "check-in-undone", "checked-in", "check-in-undone"], view.History.Select(h => h.What));
    }

    [Fact]
    public async Task Aggregates_CountEachCheckInOnce_WhenTheSameChangeIsAppliedAgainOrLate()
    {
        var colloqueId = Guid.NewGuid();
        var colloque = _silo.Grains.GetGrain<IColloqueGrain>(colloqueId);
        await colloque.CreateAsync(new("Colloque", new DateOnly(2026, 11, 26), "Rimouski")).WaitAsync(Timeout);
        await colloque.AddDeskAsync("d0", "Accueil 0").WaitAsync(Timeout);
        await colloque.AddDeskAsync("d1", "Accueil 1").WaitAsync(Timeout);
        var arrived = new ArrivalChange("AGG-1", 1, true, AttendeeCategory.Mrc, "d1", "Accueil 1", "Luc", _silo.Clock.GetUtcNow(), "Luc Côté", "MRC");
        var undone = arrived with { CheckInVersion = 2, CheckedIn = false };

        var first = await colloque.ApplyArrivalAsync(arrived).WaitAsync(Timeout);
        var replay = await colloque.ApplyArrivalAsync(arrived).WaitAsync(Timeout);
        await colloque.ApplyArrivalAsync(arrived with { Code = "AGG-2" }).WaitAsync(Timeout);
        await colloque.ApplyArrivalAsync(undone).WaitAsync(Timeout);
        var late = await colloque.ApplyArrivalAsync(arrived).WaitAsync(Timeout);

        Assert.Equal((ArrivalApplication.Applied, ArrivalApplication.AlreadyApplied, ArrivalApplication.AlreadyApplied), (first, replay, late));
        var view = await colloque.GetAsync().WaitAsync(Timeout);
        Assert.Equal(1, view!.Arrived);
        Assert.Equal(1, view.ArrivedByCategory[AttendeeCategory.Mrc]);
        Assert.Equal(1, view.ArrivedByDesk["d1"]);
        Assert.Equal("AGG-2", Assert.Single(view.RecentArrivals).Code);
        var arrival = Assert.Single(view.Arrivals);
        Assert.Equal(("AGG-2", "d1", AttendeeCategory.Mrc), (arrival.Code, arrival.DeskId, arrival.Category));
        Assert.Equal(_silo.Clock.GetUtcNow().ToUnixTimeSeconds(), arrival.At.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Aggregates_RaiseTheUndo_WhenACheckInAndItsUndoAreDeliveredAsOne()
    {
        // Arrange: the desks were shown the arrival ahead of the figures; its undo replaced it before it was delivered.
        var colloque = _silo.Grains.GetGrain<IColloqueGrain>(Guid.NewGuid());
        await colloque.CreateAsync(new("Colloque", new DateOnly(2026, 11, 26), "Rimouski")).WaitAsync(Timeout);
        var before = (await colloque.GetAsync().WaitAsync(Timeout))!.Version;
        var undone = new ArrivalChange("AGG-3", 2, false, AttendeeCategory.Employer, null, null, null, null, "Line Gagnon", "Fromagerie");

        // Act
        var applied = await colloque.ApplyArrivalAsync(undone).WaitAsync(Timeout);

        // Assert: nothing counted, but the screens are told to drop the arrival they were shown.
        Assert.Equal(ArrivalApplication.Applied, applied);
        Assert.Equal(0, (await colloque.GetAsync().WaitAsync(Timeout))!.Arrived);
        var events = (await colloque.GetEventsSinceAsync(before).WaitAsync(Timeout)).Events!;
        var undo = Assert.IsType<Collaboration.Grains.Colloque.Events.ArrivalUndone>(Assert.Single(events).Data);
        Assert.Equal(("AGG-3", 2L), (undo.Code, undo.CheckInVersion));
    }

    [Theory]
    [InlineData(1, true, AttendeeCategory.Employer, 0, 0L)]
    [InlineData(524_287, false, AttendeeCategory.Other, 255, 4_294_967_295L)]
    [InlineData(42, true, AttendeeCategory.CommunityOrganisation, 3, 3_600L)]
    public void AppliedArrival_PacksIntoOneNumber_AndBack(long version, bool checkedIn, AttendeeCategory category, int desk, long seconds)
    {
        var arrival = new AppliedArrival(version, checkedIn, category, desk, seconds);

        var packed = arrival.Pack();

        Assert.True(packed >= 0);
        Assert.Equal(arrival, AppliedArrival.Unpack(packed));
    }

    [Fact]
    public async Task Directory_FindsNames_WithoutAccentsOrCase()
    {
        var directory = _silo.Grains.GetGrain<IColloqueDirectoryGrain>(Guid.NewGuid());
        await directory.UpsertAsync([
            new("C1", "Hélène Gagnon", "CISSS", AttendeeCategory.Institution, "k1"),
            new("C2", "Marc TREMBLAY-Côté", "Desjardins", AttendeeCategory.Employer, "k2"),
            new("C3", "Paul Roy", "Cégep", AttendeeCategory.Institution, "k3"),
        ]).WaitAsync(Timeout);

        var helene = await directory.SearchAsync("helene", 10).WaitAsync(Timeout);
        var tremblay = await directory.SearchAsync("tremblay", 10).WaitAsync(Timeout);
        var cote = await directory.SearchAsync("COTE marc", 10).WaitAsync(Timeout);

        Assert.Equal("C1", Assert.Single(helene).Code);
        Assert.Equal("C2", Assert.Single(tremblay).Code);
        Assert.Equal("C2", Assert.Single(cote).Code);
    }

    [Fact]
    public async Task Erase_RemovesPersonalFields_AndKeepsTheCheckIn()
    {
        var (colloque, registration) = await RegisteredAsync("ERASE-001");
        await registration.CheckInAsync(Scan(colloque, "d1", "1")).WaitAsync(Timeout);

        await registration.EraseAsync(colloque, "organisateur").WaitAsync(Timeout);

        var view = await registration.GetAsync().WaitAsync(Timeout);
        Assert.Equal(("", "", ""), (view!.Name, view.Organisation, view.Email));
        Assert.True(view.Erased);
        Assert.Equal(("d1", ""), (view.CheckIn!.DeskId, view.CheckIn.Operator));
        Assert.Equal(AttendeeCategory.ElectedOfficial, view.Category);
    }
}
