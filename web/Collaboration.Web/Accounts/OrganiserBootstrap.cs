using Collaboration.Grains.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Collaboration.Web.Accounts;

/// <summary>
/// Creates the first organiser account from Bootstrap:OrganiserEmail and
/// Bootstrap:OrganiserPassword when it does not exist yet (an existing account is left alone).
/// In Production a start that would leave nobody able to sign in stops with how to fix it: the
/// email must be set, and the password too until that account exists.
/// </summary>
public sealed class OrganiserBootstrap(
    IGrainFactory grains, IConfiguration configuration, IHostEnvironment environment, PasswordHasher<OrganiserAccount> hasher,
    ILogger<OrganiserBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var email = configuration["Bootstrap:OrganiserEmail"];
        var password = configuration["Bootstrap:OrganiserPassword"];
        if (string.IsNullOrWhiteSpace(email))
        {
            if (environment.IsProduction()) throw NoWayIn("Bootstrap:OrganiserEmail is not set.");
            logger.LogInformation("No Bootstrap:OrganiserEmail/OrganiserPassword configured; no organiser account created");
            return;
        }
        if (!EmailAddress.IsValid(email))
            throw new InvalidOperationException($"Bootstrap:OrganiserEmail must be an email address (it is \"{email}\").");
        var normalized = EmailAddress.Normalize(email);
        var account = grains.GetGrain<IOrganiserAccountGrain>(normalized);
        if (string.IsNullOrEmpty(password))
        {
            if (await account.GetAsync() is not null) return; // created on an earlier start: the password may leave the configuration
            if (environment.IsProduction()) throw NoWayIn($"Bootstrap:OrganiserPassword is not set and there is no account for {normalized} yet.");
            logger.LogInformation("No Bootstrap:OrganiserPassword configured; no organiser account created");
            return;
        }
        if (PasswordRules.Check(password, email) is { } refused)
            throw new InvalidOperationException($"Bootstrap:OrganiserPassword is refused: {refused.En}");

        var outcome = await account.CreateAsync(configuration["Bootstrap:OrganiserName"] ?? "Organisateur", hasher.HashPassword(null!, password));
        logger.LogInformation("Bootstrap organiser {Email}: {Outcome}", normalized, outcome);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The start stops here: said plainly on the console (FR + EN), and as the exception the host logs.</summary>
    private static InvalidOperationException NoWayIn(string reason)
    {
        var text = $"""

            Concertation ne démarre pas : personne ne pourrait se connecter (aucun compte organisateur).
            Définissez, puis relancez :
                Bootstrap__OrganiserEmail=organisatrice@exemple.org
                Bootstrap__OrganiserPassword='au moins {PasswordRules.MinLength} caractères'
            (variables d'environnement, ou la section « Bootstrap » d'appsettings.Production.json).
            Le compte est créé au démarrage ; le mot de passe peut ensuite être retiré de la configuration.

            Concertation is not starting: nobody could sign in (no organiser account). {reason}
            Set, then start again:
                Bootstrap__OrganiserEmail=organiser@example.org
                Bootstrap__OrganiserPassword='at least {PasswordRules.MinLength} characters'
            (environment variables, or the "Bootstrap" section of appsettings.Production.json).
            The account is created at start-up; the password may then leave the configuration.

            """;
        Console.Error.WriteLine(text);
        return new InvalidOperationException($"No organiser account and no way to create one: {reason} Set Bootstrap:OrganiserEmail and Bootstrap:OrganiserPassword (environment: Bootstrap__OrganiserEmail, Bootstrap__OrganiserPassword).");
    }
}
