using Collaboration.Grains.Mail;
using Collaboration.Grains.Workshops;

namespace Collaboration.Grains.Tests.Workshops;

public sealed class WorkshopSessionGrainTests : IClassFixture<GrainsSilo>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly GrainsSilo _silo;

    public WorkshopSessionGrainTests(GrainsSilo silo) => _silo = silo;

    [Fact]
    public async Task Register_ConfirmsUntilFull_ThenWaitlistsInArrivalOrder()
    {
        var grain = await NewSessionAsync(capacity: 3);

        var a = await RegisterAsync(grain, "A", seats: 2);
        var b = await RegisterAsync(grain, "B", seats: 1);
        var c = await RegisterAsync(grain, "C", seats: 1);
        var d = await RegisterAsync(grain, "D", seats: 2);

        Assert.Equal([RegistrationStatus.Confirmed, RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted, RegistrationStatus.Waitlisted],
            new[] { a, b, c, d }.Select(o => o.Registration!.Status));
        Assert.Equal((1, 2), (c.Registration!.Position!.Value, d.Registration!.Position!.Value));
        var view = await grain.GetAsync().WaitAsync(Timeout);
        Assert.Equal(new WorkshopCounts(3, 3, 0, 2, 2, 3, WorkshopStatus.Open), view!.Counts);
    }

    [Fact]
    public async Task Register_WithTheSameEmail_ReturnsTheExistingRegistration()
    {
        var grain = await NewSessionAsync(capacity: 10);
        var first = await RegisterAsync(grain, "A", seats: 2);

        var again = await grain.RegisterAsync(Request("A2", "a@exemple.qc.ca".ToUpperInvariant(), 1)).WaitAsync(Timeout);

        Assert.Equal(RegistrationResult.AlreadyRegistered, again.Result);
        Assert.Equal(first.Registration!.Code, again.Registration!.Code);
        Assert.Single(await grain.GetRegistrantsAsync().WaitAsync(Timeout));
    }

    [Fact]
    public async Task Cancellation_PromotesTheFirstInLine_AndRecordsAnOutboxMessage()
    {
        var grain = await NewSessionAsync(capacity: 2);
        await RegisterAsync(grain, "A", seats: 2);
        var b = await RegisterAsync(grain, "B", seats: 1);
        var c = await RegisterAsync(grain, "C", seats: 1);

        var cancelled = await grain.CancelRegistrationAsync(CodeOf("A"), HashOf("A")).WaitAsync(Timeout);

        Assert.Equal(RegistrationResult.Ok, cancelled.Result);
        var registrants = await grain.GetRegistrantsAsync().WaitAsync(Timeout);
        Assert.All(registrants.Where(r => r.Code != CodeOf("A")), r => Assert.Equal(RegistrationStatus.Confirmed, r.Status));
        var promotions = (await grain.GetMailAsync().WaitAsync(Timeout)).Where(m => m.Kind == MailKind.WorkshopPromoted).ToList();
        Assert.Equal([b.Registration!.Code, c.Registration!.Code], promotions.Select(m => m.Reference));
        Assert.All(promotions, m => Assert.Equal(MailStatus.Pending, m.Status)); // no mail delivery in this silo
    }

    [Fact]
    public async Task Promotion_FollowsStrictOrder_NobodyJumpsAHeadThatDoesNotFit()
    {
        var grain = await NewSessionAsync(capacity: 2);
        await RegisterAsync(grain, "A", seats: 1);
        await RegisterAsync(grain, "B", seats: 1);
        await RegisterAsync(grain, "Head", seats: 3);
        await RegisterAsync(grain, "Small", seats: 1);

        await grain.CancelRegistrationAsync(CodeOf("A"), HashOf("A")).WaitAsync(Timeout);

        var byCode = (await grain.GetRegistrantsAsync().WaitAsync(Timeout)).ToDictionary(r => r.Code);
        Assert.Equal((RegistrationStatus.Waitlisted, 1), (byCode[CodeOf("Head")].Status, byCode[CodeOf("Head")].Position!.Value));
        Assert.Equal((RegistrationStatus.Waitlisted, 2), (byCode[CodeOf("Small")].Status, byCode[CodeOf("Small")].Position!.Value));
        Assert.DoesNotContain(await grain.GetMailAsync().WaitAsync(Timeout), m => m.Kind == MailKind.WorkshopPromoted);

        // The head lowers their request from the private page: they fit, and keep their turn.
        var changed = await grain.ChangeSeatsAsync(CodeOf("Head"), HashOf("Head"), 1).WaitAsync(Timeout);

        Assert.Equal(RegistrationStatus.Confirmed, changed.Registration!.Status);
        byCode = (await grain.GetRegistrantsAsync().WaitAsync(Timeout)).ToDictionary(r => r.Code);
        Assert.Equal((RegistrationStatus.Waitlisted, 1), (byCode[CodeOf("Small")].Status, byCode[CodeOf("Small")].Position!.Value));
    }

    [Fact]
    public async Task CapacityIncrease_Promotes_AndDecrease_NeverRemovesAConfirmedRegistration()
    {
        var grain = await NewSessionAsync(capacity: 2);
        await RegisterAsync(grain, "A", seats: 2);
        await RegisterAsync(grain, "B", seats: 2);

        var smaller = await grain.UpdateAsync(1, null).WaitAsync(Timeout);
        Assert.Equal((1, 2, 0), (smaller.Counts!.Capacity, smaller.Counts.ConfirmedSeats, smaller.Counts.SeatsLeft));

        var larger = await grain.UpdateAsync(4, null).WaitAsync(Timeout);

        Assert.Equal([CodeOf("B")], larger.Promoted);
        Assert.Equal((4, 4, 0, 0), (larger.Counts!.Capacity, larger.Counts.ConfirmedSeats, larger.Counts.SeatsLeft, larger.Counts.Waitlisted));
    }

    [Fact]
    public async Task ConfirmedEmployer_CannotTakeMoreSeats_WhileOthersWait()
    {
        var grain = await NewSessionAsync(capacity: 4);
        await RegisterAsync(grain, "A", seats: 2);
        await RegisterAsync(grain, "B", seats: 1);
        await RegisterAsync(grain, "C", seats: 2);

        var more = await grain.ChangeSeatsAsync(CodeOf("A"), HashOf("A"), 3).WaitAsync(Timeout);

        Assert.Equal(RegistrationResult.NotEnoughSeats, more.Result);
        Assert.Equal(2, more.Registration!.Seats);
    }

    [Fact]
    public async Task WrongToken_FindsNothing_AndChangesNothing()
    {
        var grain = await NewSessionAsync(capacity: 4);
        await RegisterAsync(grain, "A", seats: 2);

        var read = await grain.GetRegistrationAsync(CodeOf("A"), HashOf("B")).WaitAsync(Timeout);
        var cancel = await grain.CancelRegistrationAsync(CodeOf("A"), HashOf("B")).WaitAsync(Timeout);

        Assert.Equal((RegistrationResult.NotFound, RegistrationResult.NotFound), (read.Result, cancel.Result));
        Assert.Equal(2, (await grain.GetAsync().WaitAsync(Timeout))!.Counts.ConfirmedSeats);
    }

    [Fact]
    public async Task RegistrationWindow_AndStatus_AreEnforced_ByTheInjectedClock()
    {
        var now = _silo.Clock.GetUtcNow();
        var grain = _silo.Grains.GetGrain<IWorkshopSessionGrain>(Guid.NewGuid());
        await grain.CreateAsync(Details(now.AddDays(1), now.AddDays(2)), 10).WaitAsync(Timeout);

        var early = await grain.RegisterAsync(Request("E", "e@exemple.qc.ca", 1)).WaitAsync(Timeout);
        _silo.Clock.Advance(TimeSpan.FromDays(1));
        await grain.UpdateAsync(null, WorkshopStatus.Closed).WaitAsync(Timeout);
        var whileClosed = await grain.RegisterAsync(Request("F", "f@exemple.qc.ca", 1)).WaitAsync(Timeout);
        await grain.UpdateAsync(null, WorkshopStatus.Open).WaitAsync(Timeout);
        var open = await grain.RegisterAsync(Request("G", "g@exemple.qc.ca", 1)).WaitAsync(Timeout);
        _silo.Clock.Advance(TimeSpan.FromDays(1));
        var late = await grain.RegisterAsync(Request("H", "h@exemple.qc.ca", 1)).WaitAsync(Timeout);
        await grain.UpdateAsync(null, WorkshopStatus.Cancelled).WaitAsync(Timeout);
        var cancelled = await grain.RegisterAsync(Request("I", "i@exemple.qc.ca", 1)).WaitAsync(Timeout);

        Assert.Equal(
            [RegistrationResult.RegistrationNotOpenYet, RegistrationResult.RegistrationClosed, RegistrationResult.Ok,
             RegistrationResult.RegistrationClosed, RegistrationResult.SessionCancelled],
            new[] { early, whileClosed, open, late, cancelled }.Select(o => o.Result));
        Assert.Single(await grain.GetRegistrantsAsync().WaitAsync(Timeout));
    }

    [Fact]
    public async Task HundredsOfConcurrentRegistrations_NeverOversell_AndGetDistinctPositions()
    {
        var grain = await NewSessionAsync(capacity: 40);
        var random = new Random(4);
        var seats = Enumerable.Range(0, 400).Select(_ => random.Next(1, 6)).ToArray();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 400).Select(i =>
            Task.Run(() => grain.RegisterAsync(Request($"K{i}", $"k{i}@exemple.qc.ca", seats[i])))))
            .WaitAsync(Timeout);

        Assert.All(outcomes, o => Assert.Equal(RegistrationResult.Ok, o.Result));
        var registrants = await grain.GetRegistrantsAsync().WaitAsync(Timeout);
        Assert.Equal(400, registrants.Select(r => r.Code).Distinct().Count());
        Assert.True(registrants.Where(r => r.Status == RegistrationStatus.Confirmed).Sum(r => r.Seats) <= 40);
        var waitlisted = registrants.Where(r => r.Status == RegistrationStatus.Waitlisted).ToList();
        Assert.Equal(Enumerable.Range(1, waitlisted.Count), waitlisted.Select(r => r.Position!.Value));
        // Strict order: once someone waits, nobody after them is confirmed.
        var firstWaiting = waitlisted[0].Sequence;
        Assert.DoesNotContain(registrants, r => r.Sequence > firstWaiting && r.Status == RegistrationStatus.Confirmed);
    }

    private async Task<IWorkshopSessionGrain> NewSessionAsync(int capacity)
    {
        var now = _silo.Clock.GetUtcNow();
        var grain = _silo.Grains.GetGrain<IWorkshopSessionGrain>(Guid.NewGuid());
        Assert.Equal(WorkshopCreation.Created, await grain.CreateAsync(Details(now.AddDays(-1), now.AddDays(365)), capacity).WaitAsync(Timeout));
        return grain;
    }

    private static WorkshopDetails Details(DateTimeOffset opens, DateTimeOffset closes) => new(
        "Accueillir des travailleurs immigrants", "Welcoming immigrant workers", "Atelier", "Workshop",
        closes.AddDays(1), closes.AddDays(1).AddHours(3), "Salle 2, Rimouski", null, opens, closes);

    private static Task<RegistrationOutcome> RegisterAsync(IWorkshopSessionGrain grain, string name, int seats) =>
        grain.RegisterAsync(Request(name, $"{name.ToLowerInvariant()}@exemple.qc.ca", seats)).WaitAsync(Timeout);

    private static RegistrationRequest Request(string name, string email, int seats) =>
        new(CodeOf(name), HashOf(name), $"Entreprise {name}", $"Contact {name}", email, null, seats, "Manufacturier", true);

    private static string CodeOf(string name) => "CODE" + name.ToUpperInvariant();

    private static string HashOf(string name) => "hash-" + name;
}
