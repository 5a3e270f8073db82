using Collaboration.Grains.Colloque;
using Collaboration.Grains.Mail;
using static Collaboration.Grains.Tests.Colloque.ColloqueGrainKit;

namespace Collaboration.Grains.Tests.Colloque;

/// <summary>A self-registration's emails in its grain: recorded with the place it was given, one promotion whatever the repeats.</summary>
public sealed class RegistrationMailTests(GrainsSilo silo) : IClassFixture<GrainsSilo>
{
    private static PlaceNotice Notice(PlaceStatus status, long sequence, int? position = null) =>
        new(status, position, [], null, null, "Joliette", 3, sequence, new("Colloque régional", new DateOnly(2027, 5, 13), "Cégep de Joliette"));

    [Fact]
    public async Task Waitlisted_GetsItsEmailWithTheRegistration_ThenOnePromotion_WhateverTheRepeats()
    {
        // Arrange: no place left, so the newcomer waits.
        var colloque = await OpenColloqueAsync(silo, total: 0, waitlist: 10);
        var outcome = await SelfRegisterAsync(silo, colloque, "Sophie Lavoie");
        var registration = silo.Grains.GetGrain<IRegistrationGrain>(outcome.Signup!.Code);
        var sequence = outcome.Notice!.Sequence;

        // Act: a repeat of the first notice, a promotion twice, then a late waitlisted one.
        Assert.True(await registration.TellPlaceAsync(colloque, Notice(PlaceStatus.Waitlisted, sequence)));
        Assert.True(await registration.TellPlaceAsync(colloque, Notice(PlaceStatus.Confirmed, sequence + 10)));
        Assert.True(await registration.TellPlaceAsync(colloque, Notice(PlaceStatus.Confirmed, sequence + 10)));
        Assert.True(await registration.TellPlaceAsync(colloque, Notice(PlaceStatus.Waitlisted, sequence + 5, 1)));

        // Assert
        Assert.Equal(PlaceStatus.Waitlisted, outcome.Signup.Status);
        Assert.Equal([MailKind.ColloqueWaitlisted, MailKind.ColloquePromoted], (await registration.GetMailAsync()).Select(m => m.Kind));
        var scan = await registration.CheckInAsync(new CheckInRequest(colloque, "n1", "d1", "Accueil 1", "Luc"));
        Assert.Equal(CheckInResult.CheckedIn, scan.Result);
    }

    [Fact]
    public async Task Refused_WritesNothing_AndAnUnknownRegistrationSaysSo()
    {
        var colloque = await OpenColloqueAsync(silo, total: null);
        await SelfRegisterAsync(silo, colloque, "Marc Roy");

        var again = await SelfRegisterAsync(silo, colloque, "Marc Roy"); // the same email

        Assert.Equal(SignupResult.AlreadyRegistered, again.Result);
        Assert.False(await silo.Grains.GetGrain<IRegistrationGrain>("NEVER00001").TellPlaceAsync(colloque, Notice(PlaceStatus.Confirmed, 99)));
    }

    [Fact]
    public async Task Cancellation_RecordsAReceipt_AndErasureDropsWhatIsNotSent()
    {
        var colloque = await OpenColloqueAsync(silo, total: null);
        var outcome = await SelfRegisterAsync(silo, colloque, "Julie Côté");
        var registration = silo.Grains.GetGrain<IRegistrationGrain>(outcome.Signup!.Code);

        await registration.SetCancelledAsync(colloque, true, "attendee").WaitAsync(Within);
        Assert.Equal([MailKind.ColloqueRegistered, MailKind.ColloqueCancelled], (await registration.GetMailAsync()).Select(m => m.Kind));
        await registration.EraseAsync(colloque, "organiser").WaitAsync(Within);

        Assert.Empty(await registration.GetMailAsync()); // nothing was sent (no delivery in this host): all dropped
    }
}
