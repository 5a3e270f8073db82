using Collaboration.Grains.Colloque;
using Collaboration.Grains.Evaluations;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Xunit.Abstractions;

namespace Collaboration.Grains.Tests.Regions;

public sealed class StoredMrcTests(GrainsSilo silo, ITestOutputHelper output) : IClassFixture<GrainsSilo>
{
    [Fact]
    public void Capture()
    {
        var serializer = silo.Cluster.Silos[0].ServiceProvider.GetRequiredService<Serializer>();
        output.WriteLine(Convert.ToBase64String(serializer.SerializeToArray(new RegistrationState { Exists = true, Mrc = Mrc.LesMoulins })));
        output.WriteLine(Convert.ToBase64String(serializer.SerializeToArray(new StoredAnswer { Revision = 1, Mrc = Mrc.Montcalm })));
    }
}
