using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Testing;
using Collaboration.Web.Tests.Live;
using static Collaboration.Web.Tests.Colloque.ColloqueKit;

namespace Collaboration.Web.Tests.Colloque;

/// <summary>THE guarantee of the check-in desk: several desks on several hosts, one truth.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresColloqueTwoHostsTests(PostgresFixture postgres)
{
    [Fact]
    public async Task FourDesksOnTwoHosts_ScanningTheSame200Codes_AdmitEachExactlyOnce()
    {
        // Arrange: two hosts on one database, two desks paired on each.
        var database = await postgres.Cluster.CreateDatabaseAsync("colloque").WaitAsync(Within);
        await using var hostA = new ConcertationFactory(database);
        await using var hostB = new ConcertationFactory(database);
        var organiser = await hostA.CreateOrganiserClientAsync().WaitAsync(Within);
        var colloque = await CreateColloqueAsync(organiser);
        var csv = "Nom,Organisation,Catégorie,Courriel\n" + string.Join("\n", Enumerable.Range(0, 200).Select(i => $"Personne {i},Org {i % 7},autre,p{i}@exemple.qc.ca"));
        var import = await organiser.PostAsync($"/api/colloques/{colloque}/registrations/import?mode=apply", new StringContent(csv)).WaitAsync(Within);
        import.EnsureSuccessStatusCode();
        var organiserOnB = await hostB.CreateOrganiserClientAsync().WaitAsync(Within);
        var codes = (await organiserOnB.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/attendees").WaitAsync(Within))
            .GetProperty("attendees").EnumerateArray().Select(a => a.GetProperty("code").GetString()!).ToList();
        Assert.Equal(200, codes.Count);
        var desks = new List<(string Name, HttpClient Client)>();
        for (var i = 1; i <= 4; i++)
            desks.Add(($"Accueil {i}", await PairedDeskAsync(i % 2 == 0 ? hostB : hostA, organiser, colloque, $"Accueil {i}")));

        // Act: every desk scans every code, each in its own order, all at once.
        var answers = new ConcurrentBag<(string Desk, string Code, JsonElement Answer)>();
        await Task.WhenAll(desks.Select((desk, d) => Task.Run(async () =>
        {
            var order = codes.OrderBy(c => HashCode.Combine(c, d)).ToList();
            await Parallel.ForEachAsync(order, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (code, _) =>
                answers.Add((desk.Name, code, await ScanAsync(desk.Client, colloque, code))));
        }))).WaitAsync(TimeSpan.FromMinutes(3));

        // Assert: 200 admissions in all; every other answer names the desk that admitted the badge.
        var all = answers.ToList();
        Assert.Equal(800, all.Count);
        var admitted = all.Where(a => a.Answer.GetProperty("result").GetString() == "checkedIn").ToList();
        Assert.Equal(200, admitted.Count);
        Assert.Equal(200, admitted.Select(a => a.Code).Distinct().Count());
        var firstDesk = admitted.ToDictionary(a => a.Code, a => a.Desk);
        Assert.All(all.Except(admitted), a =>
        {
            Assert.Equal("alreadyCheckedIn", a.Answer.GetProperty("result").GetString());
            Assert.Equal(firstDesk[a.Code], a.Answer.GetProperty("deskName").GetString());
        });
        await MirroredAsync(hostA, hostB);
        var stats = await organiserOnB.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/stats").WaitAsync(Within);
        Assert.Equal(200, stats.GetProperty("arrived").GetInt32());
        Assert.Equal(200, stats.GetProperty("byDesk").EnumerateArray().Sum(d => d.GetProperty("count").GetInt32()));
    }
}
