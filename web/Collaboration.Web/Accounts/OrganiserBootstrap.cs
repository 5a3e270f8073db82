using Collaboration.Grains.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Collaboration.Web.Accounts;

/// <summary>
/// Creates the first organiser account from Bootstrap:OrganiserEmail and
/// Bootstrap:OrganiserPassword when it does not exist yet (an existing account is left alone).
/// </summary>
public sealed class OrganiserBootstrap(
    IGrainFactory grains, IConfiguration configuration, PasswordHasher<OrganiserAccount> hasher, ILogger<OrganiserBootstrap> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var email = configuration["Bootstrap:OrganiserEmail"];
        var password = configuration["Bootstrap:OrganiserPassword"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            logger.LogInformation("No Bootstrap:OrganiserEmail/OrganiserPassword configured; no organiser account created");
            return;
        }
        if (!EmailAddress.IsValid(email))
            throw new InvalidOperationException("Bootstrap:OrganiserEmail must be an email address.");
        if (PasswordRules.Check(password, email) is { } refused)
            throw new InvalidOperationException($"Bootstrap:OrganiserPassword is refused: {refused.En}");

        var normalized = EmailAddress.Normalize(email);
        var outcome = await grains.GetGrain<IOrganiserAccountGrain>(normalized)
            .CreateAsync(configuration["Bootstrap:OrganiserName"] ?? "Organisateur", hasher.HashPassword(null!, password));
        logger.LogInformation("Bootstrap organiser {Email}: {Outcome}", normalized, outcome);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
