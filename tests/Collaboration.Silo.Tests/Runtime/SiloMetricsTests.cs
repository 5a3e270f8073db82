using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Collaboration.Silo.Runtime;
using Collaboration.Silo.Tests.TestGrains;

namespace Collaboration.Silo.Tests.Runtime;

public sealed class SiloMetricsTests
{
    [Fact]
    public async Task Host_ReportsActivationsCallsWritesAndDurations()
    {
        await using var backend = new SqliteBackend();
        await using var silo = await backend.StartHostAsync();
        var meterFactory = silo.Services.GetService(typeof(IMeterFactory));
        var measurements = new ConcurrentDictionary<string, double>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                // Only this host's meter: other tests run hosts in parallel in this process.
                if (instrument.Meter.Name == SiloMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meterFactory))
                    l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((i, v, _, _) => measurements.AddOrUpdate(i.Name, v, (_, old) => old + v));
        listener.SetMeasurementEventCallback<int>((i, v, _, _) => measurements.AddOrUpdate(i.Name, v, (_, old) => old + v));
        listener.SetMeasurementEventCallback<double>((i, _, _, _) => measurements.AddOrUpdate(i.Name, 1, (_, old) => old + 1));
        listener.Start();

        await silo.Grains.GetGrain<ICounterGrain>("m1").IncrementAsync();
        await silo.Grains.GetGrain<ICounterGrain>("m2").IncrementAsync();
        await silo.Grains.GetGrain<ICounterGrain>("m2").GetAsync();

        Assert.Equal(2, measurements["concertation.grain.activations"]);
        Assert.Equal(3, measurements["concertation.grain.calls"]);
        Assert.Equal(3, measurements["concertation.grain.call.duration"]);
        Assert.Equal(2, measurements["concertation.grain.writes"]);
    }
}
