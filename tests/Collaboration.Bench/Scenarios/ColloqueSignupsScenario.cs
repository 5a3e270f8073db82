using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Collaboration.Bench.Harness;
using Npgsql;

namespace Collaboration.Bench.Scenarios;

/// <summary>
/// Scenario: the colloque's registration burst, as when the invitation email goes out — 2,000
/// attendees registering within seconds through the public form's endpoint
/// (<c>POST /api/colloques/{id}/signups</c>) on TWO web nodes (real Kestrel, silos co-hosted, one
/// Orleans cluster on one PostgreSQL), 64 clients split across the nodes. Each registration is the
/// full path: the registration grain (personal fields, token hash), the colloque's signups grain
/// (the single activation that decides places, reentrant with group commit) and the directory.
/// Baseline, same run: raw Npgsql, 64 clients, one autocommitted single-row INSERT per registration.
/// Targets: ≥ 1,000 registrations/s, p99 ≤ 200 ms, zero oversold, zero errors.
/// </summary>
internal sealed class ColloqueSignupsScenario : IScenario
{
    public const int Clients = 64;
    public const int Registrations = 2_000;
    public const int TotalCapacity = 1_500;
    public const double TargetPerSecond = 1_000;
    public const double TargetP99Ms = 200;

    public string Name => "signups";

    public string Title => "Colloque registration burst on two nodes";

    /// <summary><c>ProcessMs</c>/<c>PostgresMs</c>: CPU per registration in the bench process (clients and both nodes) and in PostgreSQL — steady even when other work shares the machine.</summary>
    private sealed record Round(string Variant, double PerSecond, double P50, double P99, int Errors, string? FirstError, int Confirmed, int Waitlisted,
        double ProcessMs = 0, double PostgresMs = 0, double OtherSeconds = 0, double Seconds = 0, double? MailSeconds = null);

    public async Task<string> RunAsync(BenchContext context)
    {
        var cluster = await context.GetPostgresAsync();
        var database = await cluster.CreateDatabaseAsync("signups");
        await using var raw = NpgsqlDataSource.Create(await cluster.CreateDatabaseAsync("signups_raw"));
        await using (var create = raw.CreateCommand("CREATE TABLE signup (code text PRIMARY KEY, colloque uuid NOT NULL, name text, email text, category text)"))
            await create.ExecuteNonQueryAsync();
        Console.WriteLine("  starting two web nodes on one database…");
        await using var nodeA = await WebNode.StartAsync(database);
        await using var nodeB = await WebNode.StartAsync(database);
        var organiser = nodeA.NewHttpClient(await nodeA.OrganiserCookieAsync());
        HttpClient[] clients = [nodeA.NewHttpClient(), nodeB.NewHttpClient()];

        var rounds = context.Quick ? 1 : 3;
        var results = new List<Round>();
        Console.WriteLine("  warm-up round");
        await BurstAsync(organiser, clients);
        await RawAsync(raw);
        for (var i = 0; i < rounds; i++)
        {
            Console.WriteLine($"  round {i + 1}/{rounds}");
            results.Add(await RawAsync(raw));
            results.Add(await BurstAsync(organiser, clients));
        }
        try
        {
            Directory.Delete(WebNode.MailPickupDirectory, recursive: true); // 30 kB per email, thousands per round
        }
        catch (IOException)
        {
        }
        return Report(rounds, results);
    }

    private static async Task<Round> BurstAsync(HttpClient organiser, HttpClient[] nodes)
    {
        var created = await organiser.PostAsJsonAsync("/api/colloques", new { title = "Colloque du banc d'essai", date = "2027-05-13", venue = "Joliette" });
        created.EnsureSuccessStatusCode();
        var colloque = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await organiser.PutAsJsonAsync($"/api/colloques/{colloque}/registration-settings", new
        {
            opensAt = DateTimeOffset.UtcNow.AddMinutes(-1), closesAt = DateTimeOffset.UtcNow.AddDays(1), totalCapacity = TotalCapacity, waitlistCapacity = 100_000,
            // Quotas that leave the total (1,500) as the binding limit, so exactly 1,500 must end confirmed.
            categoryCapacity = new { employer = 800, electedOfficial = 250, communityOrganisation = 400, institution = 250, mrc = 250, other = 250 },
        })).EnsureSuccessStatusCode();
        string[] categories = ["employer", "employer", "employer", "communityOrganisation", "communityOrganisation", "institution", "electedOfficial", "other", "mrc"];

        var latencies = new ConcurrentBag<double>();
        var errors = 0;
        string? firstError = null;
        var next = -1;
        var mailsBefore = Mails();
        var cpuBefore = CpuSampler.Take();
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            var http = nodes[client % nodes.Length];
            int i;
            while ((i = Interlocked.Increment(ref next)) < Registrations)
            {
                var t0 = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.PostAsJsonAsync($"/api/colloques/{colloque}/signups", new
                    {
                        name = $"Personne {i}", organisation = $"Organisme {i % 97}", email = $"p{i}-{colloque:N}@bench.local",
                        category = categories[i % categories.Length], mrc = "joliette", consent = true, choices = Array.Empty<Guid>(),
                    });
                    if (response.StatusCode != HttpStatusCode.Created)
                        throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    latencies.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    if (Interlocked.Increment(ref errors) == 1) firstError = $"{e.GetType().Name}: {e.Message[..Math.Min(300, e.Message.Length)]}";
                }
            }
        })));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpu = CpuSampler.Take() - cpuBefore;
        var places = (await nodes[1].GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/public")).GetProperty("places");
        // Every registration is emailed (confirmed or on the waiting list): the burst is over for its attendees when the last email is out.
        double? mailSeconds = null;
        var mailDeadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 120;
        while (Stopwatch.GetTimestamp() < mailDeadline)
        {
            if (Mails() - mailsBefore >= Registrations - errors)
            {
                mailSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                break;
            }
            await Task.Delay(100);
        }
        var sorted = latencies.Order().ToArray();
        var round = new Round("burst", Registrations / elapsed.TotalSeconds, Stats.Percentile(sorted, 0.5), Stats.Percentile(sorted, 0.99), errors, firstError,
            places.GetProperty("confirmed").GetInt32(), places.GetProperty("waitlisted").GetInt32(),
            cpu.Process * 1000 / Registrations, cpu.Postgres * 1000 / Registrations, cpu.Other, elapsed.TotalSeconds, mailSeconds);
        Console.WriteLine($"    two nodes: {round.PerSecond:N0}/s, p99 {round.P99:0.0} ms, {round.Errors} errors, {round.Confirmed} confirmed + {round.Waitlisted} waitlisted, " +
            $"CPU/registration {round.ProcessMs:0.00} ms .NET + {round.PostgresMs:0.00} ms PostgreSQL (other work {cpu.Other:0.0} s), " +
            $"all emails out after {(mailSeconds is { } m ? $"{m:0.0} s" : "more than 120 s")}");
        return round;
    }

    /// <summary>Emails delivered so far by the nodes (the pickup folder's .eml files).</summary>
    private static int Mails() =>
        Directory.Exists(WebNode.MailPickupDirectory) ? Directory.EnumerateFiles(WebNode.MailPickupDirectory, "*.eml").Count() : 0;

    private static async Task<Round> RawAsync(NpgsqlDataSource raw)
    {
        var colloque = Guid.NewGuid();
        var latencies = new ConcurrentBag<double>();
        var next = -1;
        var cpuBefore = CpuSampler.Take();
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Registrations)
            {
                var t0 = Stopwatch.GetTimestamp();
                await using var command = raw.CreateCommand("INSERT INTO signup (code, colloque, name, email, category) VALUES ($1, $2, $3, $4, $5)");
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"{colloque:N}-{i}" });
                command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = colloque });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"Personne {i}" });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"p{i}@bench.local" });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "employer" });
                await command.ExecuteNonQueryAsync();
                latencies.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            }
        })));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpu = CpuSampler.Take() - cpuBefore;
        var sorted = latencies.Order().ToArray();
        Console.WriteLine($"    raw INSERT: {Registrations / elapsed.TotalSeconds:N0}/s, CPU/row {cpu.Process * 1000 / Registrations:0.00} ms .NET + {cpu.Postgres * 1000 / Registrations:0.00} ms PostgreSQL");
        return new Round("raw", Registrations / elapsed.TotalSeconds, Stats.Percentile(sorted, 0.5), Stats.Percentile(sorted, 0.99), 0, null, 0, 0,
            cpu.Process * 1000 / Registrations, cpu.Postgres * 1000 / Registrations);
    }

    private static string Report(int rounds, List<Round> all)
    {
        Round Median(string variant)
        {
            var rs = all.Where(r => r.Variant == variant).ToList();
            return rs.OrderBy(r => r.PerSecond).ElementAt(rs.Count / 2) with
            {
                Errors = rs.Sum(r => r.Errors), FirstError = rs.Select(r => r.FirstError).FirstOrDefault(e => e is not null),
            };
        }
        var raw = Median("raw");
        var burst = Median("burst");
        var bursts = all.Where(r => r.Variant == "burst").ToList();
        var exact = bursts.All(r => r.Confirmed == TotalCapacity && r.Confirmed + r.Waitlisted == Registrations - r.Errors);
        var met = burst.PerSecond >= TargetPerSecond && burst.P99 <= TargetP99Ms && burst.Errors == 0 && exact;

        var table = new MarkdownTable("what", "registrations/s", "p50", "p99", "CPU per registration (.NET + PostgreSQL)", "errors (all rounds)", "confirmed + waitlisted", "target");
        table.Row($"raw Npgsql INSERT, {Clients} clients (baseline)", $"{raw.PerSecond:N0}", $"{raw.P50:0.0} ms", $"{raw.P99:0.0} ms",
            $"{raw.ProcessMs:0.00} + {raw.PostgresMs:0.00} ms", "0", "–", "");
        table.Row($"**two web nodes**, {Clients} HTTP clients", $"{burst.PerSecond:N0}", $"{burst.P50:0.0} ms", $"{burst.P99:0.0} ms",
            $"{burst.ProcessMs:0.00} + {burst.PostgresMs:0.00} ms", $"{burst.Errors}", $"{burst.Confirmed:N0} + {burst.Waitlisted:N0}", $"≥ {TargetPerSecond:N0}/s, p99 ≤ {TargetP99Ms:0} ms, 0 errors, 0 oversold: {(met ? "**met**" : "**missed**")}");

        var text = new StringBuilder();
        text.AppendLine($"""
            {Registrations:N0} self-registrations per round into a new colloque (total capacity {TotalCapacity:N0}, a quota per category),
            over HTTP (`POST /api/colloques/{"{id}"}/signups`, the public form's call: validation, the registration grain, the signups
            grain's decision and the directory listing), {Clients} clients split across **two web nodes** (real Kestrel, silo co-hosted, one
            Orleans cluster on one PostgreSQL database). Every registration is acknowledged only after its writes committed.
            Baseline, same run: raw Npgsql, {Clients} clients, one autocommitted single-row INSERT per registration, {Registrations:N0} rows.
            Median of {rounds} round(s) (raw and burst interleaved), after a warm-up round of each. CPU is read from /proc around each
            round: the bench process (clients and both nodes), its PostgreSQL, and everything else on the machine ("other work").

            """);
        text.Append(table);
        text.AppendLine();
        text.AppendLine("Rounds: " + string.Join("; ", all.Select(r => $"{r.Variant} {r.PerSecond:N0}/s (p99 {r.P99:0} ms{(r.Errors > 0 ? $", {r.Errors} errors" : "")})")) + ".");
        var other = bursts.Sum(r => r.OtherSeconds);
        var burstSeconds = bursts.Sum(r => r.Seconds);
        text.AppendLine(other > 0.1 * burstSeconds
            ? $"Other work used {other:0.0} s of CPU during the {burstSeconds:0.0} s of bursts (of {burstSeconds * Environment.ProcessorCount:0} s available): read the rates as a floor; the CPU per registration is the steadier figure."
            : $"Other work used {other:0.0} s of CPU during the {burstSeconds:0.0} s of bursts: the machine was quiet.");
        var slowestMail = bursts.Max(r => r.MailSeconds ?? double.PositiveInfinity);
        text.AppendLine(double.IsPositiveInfinity(slowestMail)
            ? "**A round's confirmation emails were not all out within 120 s.**"
            : $"Every registration's email (confirmed, or waiting with its position) was out, in the nodes' pickup folder, at most {slowestMail:0.0} s after its round began (median round {burst.MailSeconds:0.0} s); the emails are composed and written while the burst runs, so their CPU is in the figures above.");
        if (burst.FirstError is { } error) text.AppendLine($"First error seen: `{error}`.");
        text.AppendLine(exact
            ? $"Every round ended with exactly {TotalCapacity:N0} confirmed and the rest waitlisted, read on the other node: no place oversold."
            : "**A round did not end with exactly the capacity confirmed**: see the rounds above.");
        text.AppendLine();
        text.AppendLine($"""
            **Reading.** The burst takes {burst.PerSecond:N0} registrations/s on two nodes ({Format.Ratio(burst.PerSecond / raw.PerSecond)} the raw INSERT's
            {raw.PerSecond:N0}/s), p99 {burst.P99:0} ms, for {burst.ProcessMs + burst.PostgresMs:0.00} ms of CPU per registration against the INSERT's
            {raw.ProcessMs + raw.PostgresMs:0.00} ms. Each registration is an HTTP request and one call to its own registration grain (the activation reads
            nothing, then writes once), which asks the signups grain for a place — its share of that grain's group commit
            (`[Reentrant]`: the registrations that arrive during a write, or within 50 ms of the last one, share the next) — and
            records the place, the confirmation email and the directory listing in that one write. Half of the calls to the signups
            grain cross to the other silo: its single activation is what makes "never oversold" hold across nodes without a lock
            or a retry. After the acknowledgement, the after-commit path: the signups grain's notice reaches the registration (no
            write: told already), the email is composed (MimeKit, the QR code as a PNG, the day's `.ics`) and written, its delivery
            is recorded (a second registration write), and the directory and the mail ledger take the registrations in coalesced
            writes. No reminder is written: the signups grain's notice covers the registration's effects. The clients, both nodes and
            PostgreSQL share the same {Environment.ProcessorCount} cores, so the burst is bounded by that CPU: at {burst.ProcessMs + burst.PostgresMs:0.0} ms per
            registration two cores give about {Environment.ProcessorCount * 1000 / (burst.ProcessMs + burst.PostgresMs):N0} registrations/s.
            """);
        return text.ToString();
    }
}
