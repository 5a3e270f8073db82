using Collaboration.Grains.Meetings;
using Collaboration.Silo.Hosting;
using Collaboration.Silo.Tests.TestGrains;
using Collaboration.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;

namespace Collaboration.Silo.Tests.Hosting;

/// <summary>The silo remembers each grain interface's type instead of reading its attributes at every GetGrain.</summary>
public sealed class GrainInterfaceTypeTests : IDisposable
{
    private readonly TempSqliteFile _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task TheRememberedProvider_IsTheOnlyOne_AndAnswersAsOrleansOwn()
    {
        // Arrange: a node configured as the product's.
        await using var silo = await SiloTestHost.StartSqliteAsync(_file.Path, services => services.AddTestGrains());
        var providers = silo.Services.GetServices<IGrainInterfaceTypeProvider>().ToList();
        var orleansOwn = new AttributeGrainInterfaceTypeProvider(silo.Services);
        var resolver = silo.Services.GetRequiredService<GrainInterfaceTypeResolver>();

        // Act: an interface asked twice, and Orleans' own answer (its attribute provider, else its convention).
        var remembered = Assert.IsType<CachedGrainInterfaceTypeProvider>(Assert.Single(providers));
        var first = remembered.TryGetGrainInterfaceType(typeof(IMeetingGrain), out var meeting);
        var again = remembered.TryGetGrainInterfaceType(typeof(IMeetingGrain), out var meetingAgain);
        var byOrleans = orleansOwn.TryGetGrainInterfaceType(typeof(IMeetingGrain), out var byAttribute)
            ? byAttribute
            : resolver.GetGrainInterfaceTypeByConvention(typeof(IMeetingGrain));

        // Assert: the same answer as Orleans', every time; and grains still resolve and answer through it.
        Assert.True(first && again);
        Assert.Equal(byOrleans, meeting);
        Assert.Equal(meeting, meetingAgain);
        Assert.Equal(meeting, resolver.GetGrainInterfaceType(typeof(IMeetingGrain)));
        Assert.Null(await silo.Grains.GetGrain<IMeetingGrain>(Guid.NewGuid()).GetAsync());
    }
}
