using Collaboration.Grains.Colloque;
using Collaboration.Grains.Coordination;
using Collaboration.Grains.Meetings;
using static Collaboration.Grains.Tests.Colloque.ColloqueGrainKit;

namespace Collaboration.Grains.Tests.Colloque;

/// <summary>
/// The signups grain's rules at grain level (quotas, waitlist order, atelier seats, the organiser's override), and the
/// receivers of the after-commit path, each given the same item twice.
/// </summary>
public sealed class SignupsGrainTests(GrainsSilo silo) : IClassFixture<GrainsSilo>
{
    [Fact]
    public async Task Quota_WaitlistsInArrivalOrder_AndACancellationPromotesTheFirstOfThatCategory()
    {
        // Arrange: two employer places in a total of three.
        var colloque = await OpenColloqueAsync(silo, total: 3, new Dictionary<AttendeeCategory, int> { [AttendeeCategory.Employer] = 2 });
        var signups = silo.Grains.GetGrain<IColloqueSignupsGrain>(colloque);

        // Act
        var a = await SelfRegisterAsync(silo, colloque, "Employeur A");
        var b = await SelfRegisterAsync(silo, colloque, "Employeur B");
        var c = await SelfRegisterAsync(silo, colloque, "Employeur C");
        var d = await SelfRegisterAsync(silo, colloque, "Employeur D");
        var elected = await SelfRegisterAsync(silo, colloque, "Élue E", AttendeeCategory.ElectedOfficial);
        await silo.Grains.GetGrain<IRegistrationGrain>(a.Signup!.Code).SetCancelledAsync(colloque, true, "attendee").WaitAsync(Within);
        await silo.DeliveredAsync();

        // Assert: C waited first and is promoted; D still waits, first in line; the elected official took the third place.
        Assert.Equal([PlaceStatus.Confirmed, PlaceStatus.Confirmed, PlaceStatus.Waitlisted, PlaceStatus.Waitlisted, PlaceStatus.Confirmed],
            new[] { a, b, c, d, elected }.Select(o => o.Signup!.Status));
        Assert.Equal(PlaceStatus.Cancelled, (await signups.GetSignupAsync(a.Signup.Code))!.Status);
        Assert.Equal(PlaceStatus.Confirmed, (await signups.GetSignupAsync(c.Signup!.Code))!.Status);
        var waiting = (await signups.GetSignupAsync(d.Signup!.Code))!;
        Assert.Equal((PlaceStatus.Waitlisted, 1), (waiting.Status, waiting.Position));
        // The promoted registration was told (through the after-commit path) and admits at the door.
        var scan = await silo.Grains.GetGrain<IRegistrationGrain>(c.Signup.Code).CheckInAsync(new CheckInRequest(colloque, "n", "d1", "Accueil", "Luc"));
        Assert.Equal(CheckInResult.CheckedIn, scan.Result);
    }

    [Fact]
    public async Task AtelierSeats_GoFirstComeFirstServed_AndTheOrganiserOverridesAFullCategoryAtTheDoor()
    {
        var colloque = await OpenColloqueAsync(silo, total: 2);
        var signups = silo.Grains.GetGrain<IColloqueSignupsGrain>(colloque);
        var atelier = Guid.NewGuid();
        var start = new DateTimeOffset(2027, 5, 13, 13, 0, 0, TimeSpan.FromHours(-4));
        await signups.SaveSessionAsync(new ProgrammeSession(atelier, "Atelier", "Workshop", "", "", SessionKind.Atelier, "Salle B", start, start.AddHours(1), 1, []));

        var first = await SelfRegisterAsync(silo, colloque, "Premier", choices: [atelier]);
        var second = await SelfRegisterAsync(silo, colloque, "Deuxième", choices: [atelier]);
        var third = await SelfRegisterAsync(silo, colloque, "Troisième");
        var waitingAtTheDoor = await silo.Grains.GetGrain<IRegistrationGrain>(third.Signup!.Code)
            .CheckInAsync(new CheckInRequest(colloque, "n1", "d1", "Accueil", "Luc"));
        var admitted = await silo.Grains.GetGrain<IRegistrationGrain>(third.Signup.Code)
            .CheckInAsync(new CheckInRequest(colloque, "n2", "organiser", "Organisation", "Amina"), admitWaitlisted: true);

        Assert.Equal(ChoiceStatus.Confirmed, Assert.Single(first.Signup!.Choices).Status);
        Assert.Equal((ChoiceStatus.Waitlisted, (int?)1), (Assert.Single(second.Signup!.Choices).Status, second.Signup.Choices[0].Position));
        Assert.Equal(PlaceStatus.Waitlisted, third.Signup.Status);
        Assert.Equal(CheckInResult.Waitlisted, waitingAtTheDoor.Result);
        Assert.Equal(CheckInResult.CheckedIn, admitted.Result);
        Assert.Equal(PlaceStatus.Confirmed, (await signups.GetSignupAsync(third.Signup.Code))!.Status);
    }

    [Fact]
    public async Task EveryReceiver_GivenTheSameItemTwice_ChangesNothing()
    {
        // Arrange
        var colloque = await OpenColloqueAsync(silo, total: null);
        var outcome = await SelfRegisterAsync(silo, colloque, "Hélène Gagnon");
        var code = outcome.Signup!.Code;
        await silo.DeliveredAsync();
        var signups = silo.Grains.GetGrain<IColloqueSignupsGrain>(colloque);
        var directory = silo.Grains.GetGrain<IColloqueDirectoryGrain>(colloque);
        var figures = silo.Grains.GetGrain<IColloqueGrain>(colloque);
        var ledger = silo.Grains.GetGrain<IColloqueOutboxGrain>(colloque);
        var registration = silo.Grains.GetGrain<IRegistrationGrain>(code);

        // Act and assert, receiver by receiver: the second delivery of an item leaves what the first did.
        await signups.ApplyRegistrationChangeAsync(code, SignupChange.Cancel, 50);
        var promotedVersion = (await signups.GetProgrammeAsync()).Version;
        await signups.ApplyRegistrationChangeAsync(code, SignupChange.Cancel, 50);
        await signups.ApplyRegistrationChangeAsync(code, SignupChange.Reinstate, 49); // older: ignored
        Assert.Equal(PlaceStatus.Cancelled, (await signups.GetSignupAsync(code))!.Status);
        Assert.Equal(promotedVersion, (await signups.GetProgrammeAsync()).Version);

        var entry = new DirectoryEntry(code, "Hélène G.", "CJE", AttendeeCategory.Employer, "k", Revision: 100);
        await directory.UpsertAsync([entry]);
        await directory.UpsertAsync([entry with { Name = "Stale" , Revision = 99 }]);
        await directory.UpsertAsync([entry]);
        Assert.Equal("Hélène G.", (await directory.FindAsync(code))!.Name);

        var arrival = new ArrivalChange(code, 7, true, AttendeeCategory.Employer, "d1", "Accueil", "Luc", DateTimeOffset.UtcNow, "Hélène", "CJE");
        Assert.Equal(ArrivalApplication.Applied, await figures.ApplyArrivalAsync(arrival));
        var figuresVersion = (await figures.GetAsync())!.Version;
        Assert.Equal(ArrivalApplication.AlreadyApplied, await figures.ApplyArrivalAsync(arrival));
        Assert.Equal((1, figuresVersion), ((await figures.GetAsync())!.Arrived, (await figures.GetAsync())!.Version));

        var report = new ColloqueMailReport(code, long.MaxValue / 2, []); // above any the registration itself reports
        await ledger.ReportAsync(report);
        await ledger.ReportAsync(report with { Mails = [new(1, "m", Grains.Mail.MailKind.ColloqueRegistered, "x", "x", code, Grains.Mail.MailStatus.Sent, 1, null, "s",
            DateTimeOffset.UtcNow, null, false)], Version = report.Version - 1 });
        Assert.DoesNotContain(await ledger.ListNewestAsync(int.MaxValue), r => r.Code == code); // the stale report did not replace the newer one

        var mailsBefore = (await registration.GetMailAsync()).Count;
        var notice = new PlaceNotice(PlaceStatus.Confirmed, null, [], null, null, "", 1, 10_000, new("C", new DateOnly(2027, 5, 13), "V"));
        Assert.True(await registration.TellPlaceAsync(colloque, notice));
        Assert.True(await registration.TellPlaceAsync(colloque, notice));
        Assert.Equal(mailsBefore, (await registration.GetMailAsync()).Count);
    }

    [Fact]
    public async Task TableBoard_GivenTheSameMeetingVersionTwice_ChangesNothing()
    {
        var table = Guid.NewGuid();
        var board = silo.Grains.GetGrain<ITableBoardGrain>(table);
        var item = new ActionItemView(Guid.NewGuid(), "Relancer les employeurs", Guid.NewGuid(), "Luc", null, ActionItemStatus.Open, null, null, null, 1);
        var snapshot = new MeetingActionItems(Guid.NewGuid(), table, "Rencontre", DateTimeOffset.UtcNow, MeetingStatus.InProgress, 5, [item]);

        await board.ApplyAsync(snapshot);
        var version = (await board.GetAsync()).Version;
        await board.ApplyAsync(snapshot);
        await board.ApplyAsync(snapshot with { Version = 4, Items = [] }); // older: ignored

        var after = await board.GetAsync();
        Assert.Equal(version, after.Version);
        Assert.Equal("Relancer les employeurs", Assert.Single(after.Items).Text);
    }
}
