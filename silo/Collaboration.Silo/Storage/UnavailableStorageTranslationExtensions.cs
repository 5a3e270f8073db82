using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;
using Orleans.Storage;

namespace Collaboration.Silo.Storage;

public static class UnavailableStorageTranslationExtensions
{
    /// <summary>
    /// Wraps the grain storage registered as <paramref name="name"/> (a keyed <see cref="IGrainStorage"/>,
    /// as Orleans' providers and ours register) in <see cref="UnavailableStorageTranslation"/>. Call it
    /// after the storage's own registration; its lifecycle participation is forwarded.
    /// </summary>
    public static ISiloBuilder TranslateUnavailableStorage(this ISiloBuilder silo, string name)
    {
        var registered = silo.Services.LastOrDefault(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService && Equals(d.ServiceKey, name))
            ?? throw new InvalidOperationException($"No grain storage named '{name}' is registered yet.");
        Func<IServiceProvider, object?, object> create = registered switch
        {
            { KeyedImplementationFactory: { } factory } => factory,
            { KeyedImplementationInstance: { } instance } => (_, _) => instance,
            { KeyedImplementationType: { } type } => (services, _) => ActivatorUtilities.CreateInstance(services, type, name),
            _ => throw new InvalidOperationException($"The grain storage '{name}' is registered in a way this cannot wrap."),
        };
        silo.Services.AddKeyedSingleton<IGrainStorage>(name, (services, key) => new UnavailableStorageTranslation(name, (IGrainStorage)create(services, key),
            services.GetRequiredService<ILoggerFactory>().CreateLogger<UnavailableStorageTranslation>()));
        return silo;
    }
}
