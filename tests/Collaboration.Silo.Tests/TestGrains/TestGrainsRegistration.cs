using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Collaboration.Silo.Tests.TestGrains;

/// <summary>Makes a silo started by a test know this assembly's grains and types.</summary>
public static class TestGrainsRegistration
{
    public static void AddTestGrains(this IServiceCollection services) =>
        services.AddSerializer(serializer => serializer.AddAssembly(typeof(CounterGrain).Assembly));
}
