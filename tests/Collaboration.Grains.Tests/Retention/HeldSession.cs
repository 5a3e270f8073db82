using Collaboration.Grains.Workshops;

namespace Collaboration.Grains.Tests.Retention;

/// <summary>A workshop session held at the clock's "now" with three registrations, the first one present: what retention ends.</summary>
public static class HeldSession
{
    public static async Task ArrangeAsync(IGrainFactory grains, Guid id, DateTimeOffset now, TimeSpan timeout)
    {
        var session = grains.GetGrain<IWorkshopSessionGrain>(id);
        await session.CreateAsync(new WorkshopDetails("Recruter", "Recruiting", "", "", now.AddHours(1), now.AddHours(4), "Joliette", null,
            now.AddDays(-1), now.AddHours(1)), 10).WaitAsync(timeout);
        await grains.GetGrain<IWorkshopCatalogGrain>("all").AddAsync(id).WaitAsync(timeout);
        for (var i = 0; i < 3; i++)
            await session.RegisterAsync(new RegistrationRequest($"CODE{i}", $"hash{i}", "Fromagerie", $"Personne {i}", $"p{i}@exemple.qc.ca", null, 1, "Alimentation", true))
                .WaitAsync(timeout);
        await session.MarkAttendanceAsync("CODE0", true).WaitAsync(timeout);
    }

    /// <summary>Waits until the registrations are anonymised; checks the counts survived and the emails did not.</summary>
    public static async Task AssertAnonymisedAsync(IGrainFactory grains, Guid id, TimeSpan timeout)
    {
        var registrants = grains.GetGrain<IWorkshopSessionGrain>(id);
        await Collaboration.Testing.Poll.UntilAsync(async () => (await registrants.GetRegistrantsAsync()).All(r => r.Anonymised), timeout, "the registrations anonymised");
        var after = await registrants.GetRegistrantsAsync().WaitAsync(timeout);
        Assert.Equal(3, after.Count(r => r.Status == RegistrationStatus.Confirmed));
        Assert.Equal(1, after.Count(r => r.Attended == true));
        Assert.All(after, r => Assert.Equal("", r.Email));
    }
}
