using Collaboration.Grains.Colloque;
using Collaboration.Grains.Mail;

namespace Collaboration.Grains.Tests.Colloque;

/// <summary>A self-registration's emails in its grain: held with the registration, released and promoted by the place told, idempotently.</summary>
public sealed class RegistrationMailTests(GrainsSilo silo) : IClassFixture<GrainsSilo>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private static PlaceNotice Notice(PlaceStatus status, int? position = null) => new(status, position, [], null, null, "Joliette", 3);

    private async Task<(Guid Colloque, IRegistrationGrain Registration)> SelfRegisteredAsync()
    {
        var colloque = Guid.NewGuid();
        await silo.Grains.GetGrain<IColloqueGrain>(colloque).CreateAsync(new("Colloque régional", new DateOnly(2027, 5, 13), "Cégep de Joliette")).WaitAsync(Timeout);
        var registration = silo.Grains.GetGrain<IRegistrationGrain>($"MAIL{Guid.NewGuid():N}"[..10].ToUpperInvariant());
        Assert.True(await registration.RegisterSelfAsync(colloque, new SelfRegistration(
            new AttendeeDetails("Sophie Lavoie", "CJE", AttendeeCategory.Employer, "sophie@exemple.qc.ca"), null, "hash", "fr", DateTimeOffset.UtcNow, "sealed"))
            .WaitAsync(Timeout));
        return (colloque, registration);
    }

    [Fact]
    public async Task Confirmation_IsHeldWithTheRegistration_ReleasedWaitlisted_ThenOnePromotion_WhateverTheRepeats()
    {
        var (colloque, registration) = await SelfRegisteredAsync();
        var held = Assert.Single(await registration.GetMailAsync());
        Assert.Equal((MailKind.ColloqueRegistered, MailStatus.Held), (held.Kind, held.Status));

        Assert.True(await registration.TellPlaceAsync(colloque, Notice(PlaceStatus.Waitlisted, 4)));
        Assert.True(await registration.TellPlaceAsync(colloque, Notice(PlaceStatus.Waitlisted, 3))); // a repeat: nothing new
        var told = Assert.Single(await registration.GetMailAsync());
        Assert.Equal((held.MessageId, MailKind.ColloqueWaitlisted, MailStatus.Pending), (told.MessageId, told.Kind, told.Status));

        Assert.True(await registration.TellPlaceAsync(colloque, Notice(PlaceStatus.Confirmed)));
        Assert.True(await registration.TellPlaceAsync(colloque, Notice(PlaceStatus.Confirmed)));
        Assert.True(await registration.TellPlaceAsync(colloque, Notice(PlaceStatus.Waitlisted, 1))); // late: places never go back
        var mails = await registration.GetMailAsync();
        Assert.Equal([MailKind.ColloqueWaitlisted, MailKind.ColloquePromoted], mails.Select(m => m.Kind));
        // The place is known: a desk's scan no longer answers "waitlisted".
        var scan = await registration.CheckInAsync(new CheckInRequest(colloque, "n1", "d1", "Accueil 1", "Luc"));
        Assert.Equal(CheckInResult.CheckedIn, scan.Result);
    }

    [Fact]
    public async Task AbandonedRegistration_DropsItsHeldConfirmation_AndAnUnknownOneSaysSo()
    {
        var (colloque, registration) = await SelfRegisteredAsync();

        await registration.AbandonAsync();

        Assert.Empty(await registration.GetMailAsync());
        Assert.False(await registration.TellPlaceAsync(colloque, Notice(PlaceStatus.Confirmed)));
        Assert.False(await silo.Grains.GetGrain<IRegistrationGrain>("NEVER00001").TellPlaceAsync(colloque, Notice(PlaceStatus.Confirmed)));
    }

    [Fact]
    public async Task Cancellation_RecordsAReceipt_AndErasureDropsWhatIsNotSent()
    {
        var (colloque, registration) = await SelfRegisteredAsync();
        await registration.TellPlaceAsync(colloque, Notice(PlaceStatus.Confirmed));

        await registration.SetCancelledAsync(colloque, true, "attendee");
        Assert.Equal([MailKind.ColloqueRegistered, MailKind.ColloqueCancelled], (await registration.GetMailAsync()).Select(m => m.Kind));
        await registration.EraseAsync(colloque, "organiser");

        Assert.Empty(await registration.GetMailAsync()); // nothing was sent (no delivery in this host): all dropped
    }
}
