using System.Net;
using Collaboration.Grains.Colloque;
using Collaboration.Grains.Platform;
using Collaboration.Silo.Health;
using Collaboration.Silo.Live;
using Collaboration.Silo.Storage;
using Collaboration.Silo.Storage.Postgres;
using Collaboration.Silo.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

namespace Collaboration.Silo.Hosting;

public static class SiloBuilderExtensions
{
    /// <summary>
    /// What the cluster needs, from configuration: identity and endpoints (<c>Orleans:*</c>),
    /// clustering and grain storage per <c>Storage:Provider</c> — Sqlite (default: localhost
    /// clustering, state in one file) or Postgres (ADO.NET clustering and persistence on our own
    /// schema, migrated at start) — the live relay between silos, health checks, the dashboard.
    /// </summary>
    public static ISiloBuilder AddConcertationSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var cluster = configuration.GetSection(ConcertationClusterOptions.Section).Get<ConcertationClusterOptions>() ?? new();
        if (StorageProvider.IsPostgres(configuration))
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });
            silo.ConfigureEndpoints(IPAddress.Parse(cluster.AdvertisedIPAddress), cluster.SiloPort, cluster.GatewayPort);
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = PostgresInvariant;
                o.ConnectionString = PostgresProviderConnections.Tune(PostgresConnectionString(configuration));
            });
        }
        else
        {
            silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
        }
        switch (cluster.Placement.ToLowerInvariant())
        {
            case "resourceoptimized": break;
            case "preferlocal": silo.Services.AddSingleton<PlacementStrategy, PreferLocalPlacement>(); break;
            case "random": silo.Services.AddSingleton<PlacementStrategy, RandomPlacement>(); break;
            default: throw new InvalidOperationException($"Unknown Orleans:Placement '{cluster.Placement}'; use ResourceOptimized, PreferLocal or Random.");
        }
        // How fast a dead silo is detected (ProbeTimeout, NumMissedProbesLimit…), when a deployment wants other than Orleans' defaults.
        silo.Services.Configure<ClusterMembershipOptions>(configuration.GetSection(ConcertationClusterOptions.Section + ":Membership"));
        silo.AddConcertationGrainStorage(configuration);
        silo.AddConcertationReminders(configuration);
        silo.Services.Configure<EffectSchedule>(configuration.GetSection(EffectSchedule.Section));
        silo.Services.Configure<SignupLimits>(configuration.GetSection(SignupLimits.Section));
        silo.Services.TryAddSingleton<PendingEffects>();
        silo.AddConcertationLive();
        silo.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster");
        // The dashboard's grains gather and push its counters every 10 s rather than every second, unless
        // Dashboard:CounterUpdateIntervalMs says otherwise. Its own meter reader, which samples every Orleans meter watched or
        // not (the directory cache's size among them, a walk of the cache), stays at 1 s: Orleans 10.4.2 fixes it (DashboardHost).
        silo.AddDashboard(o => o.CounterUpdateIntervalMs = configuration.GetValue("Dashboard:CounterUpdateIntervalMs", DashboardCounterUpdateIntervalMs));
        // Grain calls carry the caller's trace (W3C trace context): an HTTP request's trace reaches the grains it calls.
        silo.AddActivityPropagation();
        silo.Services.Replace(ServiceDescriptor.Singleton<IGrainInterfaceTypeProvider, CachedGrainInterfaceTypeProvider>());
        return silo;
    }

    /// <summary>How often the Orleans dashboard samples the meters unless configured (its own default is every second).</summary>
    public const int DashboardCounterUpdateIntervalMs = 10_000;

    /// <summary>
    /// The grain storage every grain names (<see cref="StorageNames.Grains"/>): our SQLite file, or
    /// the stock ADO.NET provider on our PostgreSQL schema; state in Orleans' binary format.
    /// </summary>
    public static ISiloBuilder AddConcertationGrainStorage(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.TryAddSingleton(TimeProvider.System);
        // Orleans' binary format (version tolerant through [Id]s), for both providers: smaller and faster than JSON with $type.
        silo.Services.Replace(ServiceDescriptor.Singleton<IGrainStorageSerializer>(sp => new OrleansGrainStorageSerializer(sp.GetRequiredService<Serializer>())));
        if (StorageProvider.IsPostgres(configuration))
        {
            var connectionString = PostgresConnectionString(configuration);
            silo.Services.TryAddSingleton(_ => NpgsqlDataSource.Create(connectionString));
            silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, PostgresSchemaMigration>();
            // The stock provider keys rows by state name and key only: ours passes "type/key" (FullGrainIdGrainStorage).
            const string inner = StorageNames.Grains + ".adonet";
            silo.AddAdoNetGrainStorage(inner, o =>
            {
                o.Invariant = PostgresInvariant;
                o.ConnectionString = PostgresProviderConnections.Tune(connectionString);
            });
            silo.Services.AddGrainStorage<IGrainStorage>(StorageNames.Grains, (sp, _) =>
                new FullGrainIdGrainStorage(sp.GetRequiredKeyedService<IGrainStorage>(inner)));
            silo.Services.TryAddSingleton<IStorageProbe>(sp => new PostgresStorageProbe(sp.GetRequiredService<NpgsqlDataSource>()));
        }
        else
        {
            var connectionString = configuration.GetConnectionString(StorageProvider.Sqlite) ?? StorageProvider.DefaultSqliteConnectionString;
            silo.AddSqliteGrainStorage(StorageNames.Grains, connectionString);
            silo.Services.TryAddSingleton<IStorageProbe>(new SqliteStorageProbe(connectionString));
        }
        // Storage down reaches callers as GrainStorageUnavailableException, on a write or on the read that activates a grain.
        silo.TranslateUnavailableStorage(StorageNames.Grains);
        return silo;
    }

    /// <summary>
    /// Durable Orleans reminders (the outboxes' re-drive, workshop reminders): the stock ADO.NET
    /// reminder table on our PostgreSQL schema, or <see cref="SqliteReminderTable"/> in the SQLite
    /// file. <c>Orleans:ReminderOptions:*</c> tunes them (not <c>Orleans:Reminders</c>, which Orleans reads as a provider) (tests lower <c>MinimumReminderPeriod</c>).
    /// </summary>
    public static ISiloBuilder AddConcertationReminders(this ISiloBuilder silo, IConfiguration configuration)
    {
        if (StorageProvider.IsPostgres(configuration))
        {
            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = PostgresInvariant;
                o.ConnectionString = PostgresProviderConnections.Tune(PostgresConnectionString(configuration));
            });
        }
        else
        {
            var connectionString = configuration.GetConnectionString(StorageProvider.Sqlite) ?? StorageProvider.DefaultSqliteConnectionString;
            silo.AddReminders();
            silo.Services.AddSingleton<IReminderTable>(new SqliteReminderTable(connectionString));
        }
        silo.Services.Configure<ReminderOptions>(configuration.GetSection(ConcertationClusterOptions.Section + ":ReminderOptions"));
        return silo;
    }

    /// <summary>This silo's end of the live relay: the local feed the hub reads, registered with the cluster's hub registry.</summary>
    public static ISiloBuilder AddConcertationLive(this ISiloBuilder silo)
    {
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.TryAddSingleton<LocalLiveFeed>();
        silo.Services.AddHostedService<LiveHubRegistration>();
        return silo;
    }

    private const string PostgresInvariant = "Npgsql";

    private static string PostgresConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(StorageProvider.Postgres)
        ?? throw new InvalidOperationException("Storage:Provider is Postgres but ConnectionStrings:Postgres is not set.");
}
