using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Collaboration.Silo.Storage.Sqlite;

public static class SqliteStorageSiloBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="SqliteOrleansStorage"/> as the grain storage named <paramref name="name"/> (a keyed
    /// <see cref="IGrainStorage"/>, initialised in the silo's lifecycle), the way Orleans' own providers register.
    /// With <see cref="ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME"/> it is also the storage of grains that name
    /// none. The payload serializer is an <see cref="IGrainStorageSerializer"/> keyed by <paramref name="name"/> if
    /// one is registered, else Orleans' default one.
    /// </summary>
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder builder, string name, string connectionString) =>
        builder.AddSqliteGrainStorage(name, connectionString,
            services => services.GetKeyedService<IGrainStorageSerializer>(name) ?? services.GetRequiredService<IGrainStorageSerializer>());

    /// <summary>As <see cref="AddSqliteGrainStorage(ISiloBuilder, string, string)"/>, with the payload serializer chosen by <paramref name="serializer"/>.</summary>
    public static ISiloBuilder AddSqliteGrainStorage(
        this ISiloBuilder builder, string name, string connectionString, Func<IServiceProvider, IGrainStorageSerializer> serializer)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(serializer);
        builder.Services.AddGrainStorage(name, (services, storageName) =>
            new SqliteOrleansStorage(storageName, connectionString, serializer(services), services.GetService<IActivatorProvider>()));
        return builder;
    }

    /// <summary>Registers <see cref="SqliteOrleansStorage"/> as the default grain storage.</summary>
    public static ISiloBuilder AddSqliteGrainStorageAsDefault(this ISiloBuilder builder, string connectionString) =>
        builder.AddSqliteGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, connectionString);
}
