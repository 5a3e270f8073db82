using Collaboration.Grains.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;

namespace Collaboration.Web.Accounts;

public static class AccountsSetup
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddConcertationAuthentication();
        services.AddSingleton<PasswordHasher<OrganiserAccount>>();
        services.AddSingleton<InvitationLinks>();
        services.AddSingleton<AccountLinks>();
        services.AddSingleton<SecondFactor>();
        services.AddSingleton<PairingCodes>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<SessionConnections>();
        services.AddSingleton<Sessions>();
        services.AddHostedService<SessionEndedListener>();
        services.AddSingleton<SessionHubFilter>();
        services.Configure<HubOptions>(o => o.AddFilter<SessionHubFilter>());
        services.AddHostedService<OrganiserBootstrap>(); // after UseOrleans: the silo (and its storage) is up first
        services.AddHostedService<Demo.DemoSeeder>(); // after the organiser exists: demo data may name them
        return services;
    }
}
