using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using Orleans.Storage;

namespace Collaboration.Grains.Platform;

/// <summary>
/// A grain's list that grows with its audience (a colloque's sign-ups, its directory), stored so that a write carries what
/// changed, not the whole list.
/// <para>
/// <b>Where entries live.</b> Sealed entries sit in chunks of <see cref="ChunkSize"/>, each a row of its own in the grain
/// storage (<c>{name}.{n}</c>); an entry never changes chunk. Every entry added or changed since its chunk was last written
/// is in the <see cref="LedgerHead{TEntry}"/>, inside the grain's own state: it commits with the grain's change, in the
/// same write, so the grain's ordinary write stays the one commit point.
/// </para>
/// <para>
/// <b>Sealing.</b> Once the head holds <see cref="RecentLimit"/> entries, the next write takes copies of the chunks they
/// belong to (new entries fill the last chunk, then a new one); once that write has committed, the chunks are written,
/// then the entries that did not change meanwhile leave the head, and the head is written again. A node that dies
/// anywhere in between leaves a head that still holds every entry: loading lays the head over the chunks, and a chunk
/// row past the sealed count is ignored until it is written again. A chunk is only ever written with committed data.
/// </para>
/// <para>Entries are keyed by <c>keyOf</c>; a mutable entry must be <see cref="Put"/> again after every change.</para>
/// </summary>
public sealed class Ledger<TEntry> where TEntry : class
{
    public const int ChunkSize = 256;

    /// <summary>The head is sealed once it holds this many entries: a write carries at most about this many, plus the burst's.</summary>
    public const int RecentLimit = 64;

    private const int LoadConcurrency = 8;

    private readonly string _name;
    private readonly GrainId _grainId;
    private readonly IServiceProvider _services;
    private readonly Func<LedgerHead<TEntry>> _head;
    private readonly Func<TEntry, string> _keyOf;

    private readonly Dictionary<string, TEntry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _chunkOf = new(StringComparer.Ordinal);
    private readonly List<List<string>> _members = [];
    private readonly Dictionary<int, GrainState<LedgerChunk<TEntry>>> _rows = [];
    private readonly Dictionary<string, long> _changedAt = new(StringComparer.Ordinal);
    private long _changes;
    private bool _sealSoon;
    private LedgerSealing<TEntry>? _due;
    private bool _sealing;

    /// <param name="name">The chunks' state name prefix: the grain's own state name, so two grain types never share rows.</param>
    /// <param name="head">The head inside the grain's live state (read each time: the state object is replaced on reload).</param>
    public Ledger(string name, GrainId grainId, IServiceProvider services, Func<LedgerHead<TEntry>> head, Func<TEntry, string> keyOf)
    {
        _name = name;
        _grainId = grainId;
        _services = services;
        _head = head;
        _keyOf = keyOf;
    }

    /// <summary>Every entry, sealed or recent.</summary>
    public IReadOnlyDictionary<string, TEntry> Entries => _entries;

    /// <summary>Rows written so far that hold entries (for the benchmark and the tests' write-size reading).</summary>
    public int SealedChunks => _head().SealedChunks;

    /// <summary>Reads the sealed chunks and lays the head over them; called once, on activation.</summary>
    public async Task LoadAsync()
    {
        var head = _head();
        var storage = Storage;
        for (var first = 0; first < head.SealedChunks; first += LoadConcurrency)
        {
            var batch = Enumerable.Range(first, Math.Min(LoadConcurrency, head.SealedChunks - first)).ToList();
            var rows = batch.Select(_ => new GrainState<LedgerChunk<TEntry>>(new())).ToList();
            await Task.WhenAll(batch.Select((chunk, i) => storage.ReadStateAsync(RowName(chunk), _grainId, rows[i])));
            foreach (var (chunk, row) in batch.Zip(rows))
            {
                _rows[chunk] = row;
                var stored = row.State?.Entries ?? [];
                var members = new List<string>(stored.Count);
                foreach (var entry in stored)
                {
                    var key = _keyOf(entry);
                    if (!_chunkOf.TryAdd(key, chunk)) continue;
                    _entries[key] = entry;
                    members.Add(key);
                }
                _members.Add(members);
            }
        }
        foreach (var (key, entry) in head.Recent) _entries[key] = entry;
    }

    /// <summary>
    /// Adds or replaces an entry, or records that a mutable one changed; it is written with the grain's next write.
    /// <paramref name="sealSoon"/>: its chunk is rewritten after that write, whatever the head holds (an erasure must
    /// not linger in an old chunk).
    /// </summary>
    public void Put(TEntry entry, bool sealSoon = false)
    {
        var key = _keyOf(entry);
        _entries[key] = entry;
        _head().Recent[key] = entry;
        _changedAt[key] = ++_changes;
        _sealSoon |= sealSoon;
    }

    /// <summary>Called by the grain as a write begins: takes the chunks to seal once it commits, when the head is full.</summary>
    public void OnWriting()
    {
        var head = _head();
        if (_sealing || _due is not null || head.Recent.Count == 0 || (head.Recent.Count < RecentLimit && !_sealSoon)) return;
        _sealSoon = false;
        var chunks = new SortedSet<int>();
        foreach (var key in head.Recent.Keys) chunks.Add(_chunkOf.TryGetValue(key, out var chunk) ? chunk : Assign(key));
        var copier = _services.GetRequiredService<DeepCopier<List<TEntry>>>();
        _due = new(
            [.. chunks.Select(c => (c, copier.Copy(_members[c].Select(k => _entries[k]).ToList())))],
            head.Recent.Keys.ToDictionary(k => k, k => _changedAt.GetValueOrDefault(k), StringComparer.Ordinal));
    }

    /// <summary>Called by the grain once that write committed: seals the chunks, then <paramref name="writeHead"/> records it.</summary>
    public void OnCommitted(Action writeHead)
    {
        if (_due is not { } due) return;
        _due = null;
        _sealing = true;
        _ = SealAsync(due, writeHead);
    }

    private async Task SealAsync(LedgerSealing<TEntry> due, Action writeHead)
    {
        try
        {
            foreach (var (chunk, entries) in due.Chunks)
            {
                var row = await RowAsync(chunk);
                row.State = new LedgerChunk<TEntry> { Entries = entries };
                await Storage.WriteStateAsync(RowName(chunk), _grainId, row);
            }
        }
        catch (Exception ex)
        {
            // The head still holds every entry: nothing is lost, and the next write tries again (rows read afresh).
            _services.GetService<ILoggerFactory>()?.CreateLogger<Ledger<TEntry>>()
                .LogWarning(ex, "Sealing {Name} of {GrainId} failed; its entries stay in the grain's state", _name, _grainId);
            _rows.Clear();
            _sealing = false;
            return;
        }
        var head = _head();
        foreach (var (key, stamp) in due.Stamps)
            if (_changedAt.GetValueOrDefault(key) == stamp) head.Recent.Remove(key);
        head.SealedChunks = Math.Max(head.SealedChunks, due.Chunks.Max(c => c.Chunk) + 1);
        _sealing = false;
        writeHead();
    }

    /// <summary>New entries fill the last chunk, then open the next.</summary>
    private int Assign(string key)
    {
        if (_members.Count == 0 || _members[^1].Count >= ChunkSize) _members.Add([]);
        var chunk = _members.Count - 1;
        _members[chunk].Add(key);
        _chunkOf[key] = chunk;
        return chunk;
    }

    /// <summary>A chunk's row with its ETag; one past the sealed count is read first (a sealing cut short may have left it).</summary>
    private async Task<GrainState<LedgerChunk<TEntry>>> RowAsync(int chunk)
    {
        if (_rows.TryGetValue(chunk, out var row)) return row;
        row = new GrainState<LedgerChunk<TEntry>>(new());
        await Storage.ReadStateAsync(RowName(chunk), _grainId, row);
        return _rows[chunk] = row;
    }

    private string RowName(int chunk) => $"{_name}.{chunk}";

    private IGrainStorage Storage => _services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Grains);
}
