using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Collaboration.Bench.Harness;
using Collaboration.Grains.Colloque;
using Collaboration.Grains.Platform;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Collaboration.Bench.Scenarios;

/// <summary>
/// What one write of a colloque's signups grain carries at 1,500 and at 20,000 sign-ups: the state as the grain writes it
/// now (the ledger's head, at its fullest, plus the chunk rows a sealing writes, once per <see cref="Ledger{TEntry}.RecentLimit"/>
/// changes) against the baseline of the same attendees written whole at every write (the state before the ledger).
/// Bytes and the CPU to serialize them with the grain storage's Orleans serializer; no storage, no network.
/// </summary>
internal sealed class SignupsStateScenario : IScenario
{
    private static readonly int[] Sizes = [1_500, 20_000];

    public string Name => "signups-state";

    public string Title => "Colloque sign-ups: what one write carries";

    public Task<string> RunAsync(BenchContext context)
    {
        var serializer = new ServiceCollection().AddSerializer(s => s.AddAssembly(typeof(ColloqueSignupsState).Assembly))
            .BuildServiceProvider().GetRequiredService<Serializer>();
        var text = new StringBuilder();
        text.AppendLine("| sign-ups | written at each write, whole list (baseline) | CPU to serialize it | written at each write, ledger head at its fullest | CPU | one chunk row (written once per 64 changes) |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var size in Sizes)
        {
            var entries = Enumerable.Range(0, size).Select(Entry).ToList();
            var whole = new ColloqueSignupsState { Signups = entries, LastSequence = size };
            var head = new ColloqueSignupsState { LastSequence = size };
            head.Attendees.SealedChunks = size / Ledger<SignupEntry>.ChunkSize;
            foreach (var entry in entries.TakeLast(Ledger<SignupEntry>.RecentLimit)) head.Attendees.Recent[entry.Code] = entry;
            var chunk = new LedgerChunk<SignupEntry> { Entries = entries.Take(Ledger<SignupEntry>.ChunkSize).ToList() };
            var rounds = context.Quick ? 5 : 50;
            var (wholeBytes, wholeCpu) = Measure(serializer, whole, rounds);
            var (headBytes, headCpu) = Measure(serializer, head, rounds * 10);
            var (chunkBytes, _) = Measure(serializer, chunk, rounds);
            text.AppendLine($"| {size:N0} | {wholeBytes / 1024.0:N0} kB | {wholeCpu.TotalMilliseconds:N2} ms | {headBytes / 1024.0:N1} kB | {headCpu.TotalMilliseconds:N3} ms | {chunkBytes / 1024.0:N1} kB |");
        }
        text.AppendLine();
        text.AppendLine("Reading: before the ledger every write of the signups grain carried every attendee, so a sign-up at 20,000 wrote the");
        text.AppendLine("whole list; now a write carries the attendees changed since their chunk was sealed (at most 64 plus the burst's), and");
        text.AppendLine("a sealing writes the one or two chunks they belong to. The head does not grow with the list: the same at 1,500 and 20,000.");
        return Task.FromResult(text.ToString());
    }

    private static SignupEntry Entry(int i) => new()
    {
        Code = $"K{i:D4}-{i % 9973:D4}",
        MatchKey = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes($"personne.{i}@exemple.qc.ca"))),
        Category = (AttendeeCategory)(i % 6),
        Status = i < 1_000 ? PlaceStatus.Confirmed : PlaceStatus.Waitlisted,
        Sequence = i + 1,
        RegisteredAt = new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero).AddSeconds(i),
        Choices = [new ChoiceEntry { SessionId = Guid.NewGuid(), Status = ChoiceStatus.Confirmed, Sequence = i + 1 }],
    };

    /// <summary>Serialized size, and process CPU per serialization over <paramref name="rounds"/> (after one warm-up).</summary>
    private static (int Bytes, TimeSpan CpuPerWrite) Measure<T>(Serializer serializer, T value, int rounds)
    {
        var bytes = serializer.SerializeToArray(value).Length;
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.TotalProcessorTime;
        for (var i = 0; i < rounds; i++) serializer.SerializeToArray(value);
        process.Refresh();
        return (bytes, (process.TotalProcessorTime - before) / rounds);
    }
}
