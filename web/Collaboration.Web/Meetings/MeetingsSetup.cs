using Collaboration.Web.Demo;
using Collaboration.Web.Live;
using Collaboration.Web.Platform.Permissions;

namespace Collaboration.Web.Meetings;

public static class MeetingsSetup
{
    public static IServiceCollection AddMeetings(this IServiceCollection services)
    {
        services.AddPermissions<MeetingsPermissions, MeetingAction>();
        services.AddSingleton<MeetingTables>();
        services.AddSingleton<MeetingsService>();
        services.AddSingleton<BallotKeys>();
        services.AddSingleton<ILiveTopic, MeetingTopic>();
        services.AddSingleton<ILiveTopic, MinutesTopic>();
        services.AddSingleton<MeetingPresence>();
        services.AddSingleton<ILiveSubscriptionObserver>(sp => sp.GetRequiredService<MeetingPresence>());
        services.AddHostedService(sp => sp.GetRequiredService<MeetingPresence>()); // hears the presence grains' changes
        services.AddHostedService<MeetingPresenceHeartbeat>();
        services.AddSingleton<IDemoData, MeetingsDemoData>();
        services.AddHostedService<RevokedMemberEjector>();
        services.AddSingleton(MeetingDocumentTables.CreateStore);
        services.AddHostedService<MeetingDocumentTables>();
        return services;
    }
}
