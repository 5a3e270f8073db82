using System.Reflection;
using Collaboration.Grains.Runtime;
using Collaboration.Silo.ChangeFeed;
using Collaboration.Silo.ChangeFeed.Postgres;
using Collaboration.Silo.Runtime;
using Collaboration.Silo.Storage;
using Collaboration.Silo.Storage.Postgres;
using Collaboration.Silo.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Collaboration.Silo.Hosting;

public static class SiloServiceCollectionExtensions
{
    public const string DefaultSqliteConnectionString = "Data Source=concertation.db";

    /// <summary>
    /// Adds the grain host, the storage provider named by <c>Storage:Provider</c> (Sqlite by
    /// default, or Postgres), the change feed and the storage health check.
    /// </summary>
    public static IServiceCollection AddSilo(this IServiceCollection services, IConfiguration configuration, params Assembly[] grainAssemblies)
    {
        services.Configure<SiloOptions>(configuration.GetSection("Silo"));
        var storage = configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddLogging();
        services.TryAddSingleton<SiloMetrics>();
        services.TryAddSingleton<SiloNode>();
        foreach (var assembly in grainAssemblies) services.AddGrainAssembly(assembly);
        services.TryAddSingleton<GrainTypeRegistry>();

        // First hosted service: the schema exists before any other starts.
        services.AddHostedService<StorageInitializer>();

        if (string.Equals(storage.Provider, StorageOptions.Postgres, StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("Storage:Provider is Postgres but ConnectionStrings:Postgres is not set.");
            services.TryAddSingleton(_ =>
            {
                var builder = new NpgsqlDataSourceBuilder(connectionString);
                if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0) builder.ConnectionStringBuilder.MaxAutoPrepare = 32;
                return builder.Build();
            });
            services.TryAddSingleton<IGrainStorage, PostgresGrainStorage>();
            services.TryAddSingleton<PostgresCommitNotifier>();
            services.TryAddSingleton<ICommitNotifier>(sp => sp.GetRequiredService<PostgresCommitNotifier>());
            services.AddHostedService(sp => sp.GetRequiredService<PostgresCommitNotifier>());
            services.TryAddSingleton<PostgresCommitListener>();
            services.AddHostedService(sp => sp.GetRequiredService<PostgresCommitListener>());
        }
        else if (string.Equals(storage.Provider, StorageOptions.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = configuration.GetConnectionString("Sqlite") ?? DefaultSqliteConnectionString;
            services.TryAddSingleton<IGrainStorage>(new SqliteGrainStorage(connectionString));
        }
        else
        {
            throw new InvalidOperationException($"Unknown Storage:Provider '{storage.Provider}'; use Sqlite or Postgres.");
        }

        services.TryAddSingleton<LocalChangeFeed>();
        services.TryAddSingleton<GrainHost>();
        services.TryAddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainHost>());
        services.AddHostedService<IdleCollector>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        return services;
    }

    /// <summary>Lets the host activate the grain classes of <paramref name="assembly"/>.</summary>
    public static IServiceCollection AddGrainAssembly(this IServiceCollection services, Assembly assembly)
    {
        services.AddSingleton(new GrainAssembly(assembly));
        return services;
    }
}
