using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Collaboration.Bench.Harness;
using Collaboration.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace Collaboration.Bench.Scenarios;

/// <summary>
/// Scenario 5: one meeting (<c>meeting:{id}</c>) followed by 1,000 official SignalR clients
/// (Microsoft.AspNetCore.SignalR.Client, WebSockets), half on each of two web nodes forming one
/// Orleans cluster on PostgreSQL. An attendance change is made over HTTP (alternately through
/// either node) and timed until every client has its event. Baseline in the same run, interleaved:
/// a bare SignalR hub broadcasting the same payload to 1,000 clients. Target: p99 ≤ 100 ms.
/// </summary>
internal sealed class MeetingsFanOutScenario : IScenario
{
    public const int Clients = 1_000;
    public const double TargetP99Ms = 100;
    private const int WarmUpChanges = 3;
    private static readonly TimeSpan ReceiptTimeout = TimeSpan.FromSeconds(10);

    public string Name => "meetings";

    public string Title => "Meeting fan-out to 1,000 SignalR clients over two nodes";

    /// <summary>When each client received one version.</summary>
    private sealed class Receipts(int clients)
    {
        public readonly long[] At = new long[clients];
        public int Count;
        public readonly TaskCompletionSource Complete = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Add(int client, long now)
        {
            if (Interlocked.CompareExchange(ref At[client], now, 0) != 0) return;
            if (Interlocked.Increment(ref Count) == At.Length) Complete.TrySetResult();
        }
    }

    private sealed class Fan(int clients)
    {
        public readonly ConcurrentDictionary<long, Receipts> ByVersion = new();

        public Receipts For(long version) => ByVersion.GetOrAdd(version, _ => new Receipts(clients));
    }

    private sealed record Sample(double EveryClientMs, double[] DeliveriesMs, double[] NodeADeliveriesMs, double[] NodeBDeliveriesMs);

    public async Task<string> RunAsync(BenchContext context)
    {
        var changes = context.Quick ? 10 : 40;
        var cluster = await context.GetPostgresAsync();
        var database = await cluster.CreateDatabaseAsync("meetings");
        Console.WriteLine("  starting two web nodes on one PostgreSQL and the bare hub…");
        await using var nodeA = await WebNode.StartAsync(database);
        await using var nodeB = await WebNode.StartAsync(database);
        await ClusterWait.UntilHubsRegisteredAsync(nodeA.Services.GetRequiredService<IGrainFactory>(), 2).WaitAsync(TimeSpan.FromSeconds(60));
        await using var bare = await BareHubServer.StartAsync();

        var cookie = await nodeA.OrganiserCookieAsync();
        using var httpA = nodeA.NewHttpClient(cookie);
        using var httpB = nodeB.NewHttpClient(cookie);
        using var httpBare = new HttpClient { BaseAddress = bare.Address };
        var (meetingId, memberId) = await ArrangeAsync(httpA);
        var topic = $"meeting:{meetingId}";

        Console.WriteLine($"  connecting {Clients:N0} clients to the nodes (half each) and {Clients:N0} to the bare hub…");
        var product = new Fan(Clients);
        var baseline = new Fan(Clients);
        var productConnections = await HubClients.ConnectManyAsync(Clients, 20, async i =>
        {
            var connection = await HubClients.ConnectAsync(i < Clients / 2 ? nodeA.HubUrl : nodeB.HubUrl, cookie, "event", envelope =>
            {
                var now = Stopwatch.GetTimestamp();
                if (envelope.GetProperty("type").GetString() == "AttendanceSet" && envelope.GetProperty("topic").GetString() == topic)
                    product.For(envelope.GetProperty("version").GetInt64()).Add(i, now);
            });
            await connection.InvokeAsync<JsonElement>("Subscribe", topic, (long?)null);
            return connection;
        });
        var baselineConnections = await HubClients.ConnectManyAsync(Clients, 20, i => HubClients.ConnectAsync(bare.HubUrl, null, "event", envelope =>
            baseline.For(envelope.GetProperty("version").GetInt64()).Add(i, Stopwatch.GetTimestamp())));
        await Task.Delay(1000); // let presence pushes of the connecting clients settle

        var productSamples = new List<Sample>();
        var baselineSamples = new List<Sample>();
        int productMissing = 0, baselineMissing = 0;
        JsonNode? payload = null;
        for (var i = 0; i < changes + WarmUpChanges; i++)
        {
            // Product: an accepted change (present ↔ remote), alternately through node A and node B.
            var http = i % 2 == 0 ? httpA : httpB;
            var t0 = Stopwatch.GetTimestamp();
            var response = await http.PutAsJsonAsync($"/api/meetings/{meetingId}/attendance/{memberId}", new { status = i % 2 == 0 ? "remote" : "present" });
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            var version = body.GetProperty("version").GetInt64();
            var sample = await WaitAsync(product.For(version), t0);
            if (sample is null) productMissing++;
            else if (i >= WarmUpChanges) productSamples.Add(sample);
            payload ??= JsonNode.Parse(JsonSerializer.Serialize(new { topic, version = 0L, type = "AttendanceSet", data = body.GetProperty("current") }));
            await Task.Delay(50);

            // Baseline: the same envelope, broadcast by the bare hub.
            var baselineVersion = 1_000_000L + i;
            payload!["version"] = baselineVersion;
            using var content = new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json");
            var b0 = Stopwatch.GetTimestamp();
            (await httpBare.PostAsync("/broadcast", content)).EnsureSuccessStatusCode();
            var baselineSample = await WaitAsync(baseline.For(baselineVersion), b0);
            if (baselineSample is null) baselineMissing++;
            else if (i >= WarmUpChanges) baselineSamples.Add(baselineSample);
            await Task.Delay(50);
        }
        Console.WriteLine($"    product: every-client p99 {EveryClient(productSamples, 0.99):0.0} ms, {productMissing} changes missed; " +
                          $"bare hub: {EveryClient(baselineSamples, 0.99):0.0} ms, {baselineMissing} missed");
        await HubClients.DisposeAllAsync(productConnections);
        await HubClients.DisposeAllAsync(baselineConnections);
        return Report(changes, productSamples, baselineSamples, productMissing, baselineMissing);
    }

    /// <summary>A table with one member and a started meeting, made through <paramref name="organiser"/>.</summary>
    internal static async Task<(Guid Meeting, Guid Member)> ArrangeAsync(HttpClient organiser)
    {
        async Task<JsonElement> PostAsync(string path, object? body)
        {
            var response = await organiser.PostAsJsonAsync(path, body);
            response.EnsureSuccessStatusCode();
            return response.Content.Headers.ContentLength == 0 ? default : await response.Content.ReadFromJsonAsync<JsonElement>();
        }
        var table = await PostAsync("/api/tables", new { name = "Table du banc d'essai", quorum = 1 });
        var tableId = table.GetProperty("id").GetGuid();
        var member = await PostAsync($"/api/tables/{tableId}/members", new { name = "Membre", sector = "autre", email = $"membre-{Guid.NewGuid():N}@exemple.qc.ca" });
        var meeting = await PostAsync("/api/meetings", new { tableId, title = "Rencontre du banc d'essai", startsAt = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) });
        var meetingId = meeting.GetProperty("id").GetGuid();
        await organiser.PostAsync($"/api/meetings/{meetingId}/start", null);
        return (meetingId, member.GetProperty("memberId").GetGuid());
    }

    private static async Task<Sample?> WaitAsync(Receipts receipts, long t0)
    {
        try
        {
            await receipts.Complete.Task.WaitAsync(ReceiptTimeout);
        }
        catch (TimeoutException)
        {
            Console.WriteLine($"    a change reached {receipts.Count}/{receipts.At.Length} clients within {ReceiptTimeout.TotalSeconds:0} s");
            return null;
        }
        var deliveries = receipts.At.Select(t => (t - t0) * 1000.0 / Stopwatch.Frequency).ToArray();
        var half = deliveries.Length / 2;
        return new Sample(deliveries.Max(), deliveries, deliveries[..half], deliveries[half..]);
    }

    private static double EveryClient(List<Sample> samples, double p) =>
        Stats.Percentile(samples.Select(s => s.EveryClientMs).Order().ToArray(), p);

    private static double Delivery(List<Sample> samples, Func<Sample, double[]> pick, double p) =>
        Stats.Percentile(samples.SelectMany(pick).Order().ToArray(), p);

    private static string Report(int changes, List<Sample> product, List<Sample> baseline, int productMissing, int baselineMissing)
    {
        var p99 = EveryClient(product, 0.99);
        var met = p99 <= TargetP99Ms && productMissing == 0;
        var table = new MarkdownTable("", "every client p50 / p99", "per delivery p50 / p99", "clients of node A / node B: per delivery p99",
            "changes missed", $"target p99 ≤ {TargetP99Ms:0} ms");
        table.Row($"meeting topic, {Clients:N0} clients over two nodes", $"{EveryClient(product, 0.5):0.0} / {p99:0.0} ms",
            $"{Delivery(product, s => s.DeliveriesMs, 0.5):0.0} / {Delivery(product, s => s.DeliveriesMs, 0.99):0.0} ms",
            $"{Delivery(product, s => s.NodeADeliveriesMs, 0.99):0.0} / {Delivery(product, s => s.NodeBDeliveriesMs, 0.99):0.0} ms",
            $"{productMissing}", met ? "**met**" : "**missed**");
        table.Row($"bare SignalR hub, {Clients:N0} clients (baseline)", $"{EveryClient(baseline, 0.5):0.0} / {EveryClient(baseline, 0.99):0.0} ms",
            $"{Delivery(baseline, s => s.DeliveriesMs, 0.5):0.0} / {Delivery(baseline, s => s.DeliveriesMs, 0.99):0.0} ms", "–",
            $"{baselineMissing}", "");

        var text = new StringBuilder();
        text.AppendLine($"""
            One meeting (`meeting:ID`) followed by {Clients:N0} clients, each the **official .NET SignalR client**
            (Microsoft.AspNetCore.SignalR.Client 10.0.15, WebSockets, the organiser's cookie, `Subscribe(topic, null)`), **half
            connected to each of two web nodes** (the real app on Kestrel, loopback, each co-hosting a silo; one Orleans cluster on
            one PostgreSQL). A change is one member's attendance flipped present ↔ remote (`PUT /api/meetings/ID/attendance/MEMBER`,
            an accepted change that commits one `AttendanceSet` event to PostgreSQL), sent alternately through node A and node B,
            one at a time, {changes} times after {WarmUpChanges} warm-up changes; the meeting grain lives on one of the nodes, its
            events reach the other node's hub through the live relay. Times run from **the moment the PUT is sent** (so they
            include the HTTP call, the grain's turn and the PostgreSQL commit) to the event's receipt by each client (one clock: the
            clients run in the bench process, on the same 2 cores as both nodes and PostgreSQL):
            - *every client*: per change, until the **last** of the {Clients:N0} clients has it — p50/p99 over the {changes} changes
              (with {changes} samples the p99 is the worst one or two); this is the figure held to the target;
            - *per delivery*: every (client, change) pair.

            **Baseline, same run, interleaved change by change**: a bare ASP.NET Core SignalR hub (no grain, no storage, no auth)
            in the same process, `POST /broadcast` sending the same envelope to its {Clients:N0} clients (same .NET client) with
            `Clients.All.SendAsync`; timed from the POST being sent.

            """);
        text.Append(table);
        text.AppendLine();
        text.AppendLine($"""
            **Reading.** {(met ? "Target met" : "Target missed")}: the last of {Clients:N0} clients spread over two nodes has a change
            {EveryClient(product, 0.5):0} ms (p50) / {p99:0} ms (p99) after the PUT is sent, against {EveryClient(baseline, 0.5):0} / {EveryClient(baseline, 0.99):0} ms
            for a bare hub broadcasting to the same number of clients with nothing in front of it. The difference is the HTTP call,
            the grain's durable write, and the relay's hop to the second node.
            """);
        return text.ToString();
    }
}
