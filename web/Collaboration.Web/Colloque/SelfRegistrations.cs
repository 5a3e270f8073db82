using Collaboration.Grains.Colloque;
using Collaboration.Web.Accounts;
using Collaboration.Web.Mail;

namespace Collaboration.Web.Colloque;

/// <summary>
/// A self-registration from the public form. The registration grain is written first (personal
/// fields, the token's hash, awaiting its place), then the signups grain decides the place — so a
/// decided place always has its registration and manage token — and enters the attendee in the
/// directory (for the desks' name search) with the others of its write. A refusal or a duplicate
/// email abandons the new registration. The confirmation email is recorded held in the
/// registration's write; the signups grain tells the registration its place after committing it,
/// which releases the email (an abandoned registration drops it).
/// </summary>
public sealed class SelfRegistrations(IGrainFactory grains, TimeProvider clock, MailLinks mailLinks, ILogger<SelfRegistrations> logger)
{
    private const int CodeAttempts = 5;

    public sealed record Attempt(SignupOutcome Outcome, string? Token);

    public async Task<Attempt> RegisterAsync(Guid colloqueId, AttendeeDetails details, AttendeeNeeds? needs, string language, IReadOnlyList<Guid> choices)
    {
        var token = SecretTokens.NewToken();
        var matchKey = RegistrationCodes.MatchKey(details);
        var signups = grains.GetGrain<IColloqueSignupsGrain>(colloqueId);
        for (var attempt = 0; attempt < CodeAttempts; attempt++)
        {
            var code = RegistrationCodes.New();
            var registration = grains.GetGrain<IRegistrationGrain>(code);
            if (!await registration.RegisterSelfAsync(colloqueId, new SelfRegistration(details, needs, SecretTokens.Hash(token), language, clock.GetUtcNow(), mailLinks.SealManageToken(token))))
                continue;
            SignupOutcome outcome;
            try
            {
                var listing = new DirectoryEntry(code, details.Name, details.Organisation, details.Category, matchKey, Mrc: details.Mrc);
                outcome = await signups.SignUpAsync(new SignupRequest(code, matchKey, details.Category, SignupChannel.Public, choices, listing));
            }
            catch
            {
                await AbandonAsync(registration);
                throw;
            }
            if (outcome.Result != SignupResult.Ok)
            {
                await AbandonAsync(registration);
                if (outcome.Result == SignupResult.CodeTaken) continue;
                return new(outcome, null);
            }
            return new(outcome, token);
        }
        throw new InvalidOperationException("No free registration code after several attempts.");
    }

    /// <summary>Cancels: the place and seats are freed (the next in line promoted), then the registration and the directory say so.</summary>
    public async Task<SignupOutcome> CancelAsync(Guid colloqueId, string code, string by)
    {
        var outcome = await grains.GetGrain<IColloqueSignupsGrain>(colloqueId).CancelAsync(code);
        if (outcome.Result is SignupResult.Ok or SignupResult.AlreadyCancelled or SignupResult.NotFound)
        {
            await grains.GetGrain<IRegistrationGrain>(code).SetCancelledAsync(colloqueId, true, by);
            await grains.GetGrain<IColloqueDirectoryGrain>(colloqueId).SetCancelledAsync(code, true);
        }
        return outcome;
    }

    private async Task AbandonAsync(IRegistrationGrain registration)
    {
        try
        {
            await registration.AbandonAsync();
        }
        catch (Exception ex)
        {
            // Harmless if it stays: awaiting a place the signups grain never gave, it is in no list and admits no one.
            logger.LogWarning(ex, "Abandoned self-registration {Code} not cleared", registration.GetPrimaryKeyString());
        }
    }
}
