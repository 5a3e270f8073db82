using Collaboration.Grains.Mail;

namespace Collaboration.Grains.Colloque;

/// <summary>See <see cref="IColloqueOutboxGrain"/>. Reentrant: reports go on while a rebuild waits for registrations.</summary>
[Reentrant]
[GrainType("colloque-outbox")]
public sealed class ColloqueOutboxGrain : Grain, IColloqueOutboxGrain
{
    /// <summary>Registrations asked at once during a rebuild.</summary>
    private const int RebuildConcurrency = 64;

    private readonly Dictionary<string, ColloqueMailReport> _reports = new(StringComparer.Ordinal);
    private Task? _rebuild;

    public Task ReportAsync(ColloqueMailReport report)
    {
        Apply(report);
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<(string Code, OutboxMailView Mail)>> ListNewestAsync(int limit)
    {
        var rebuild = _rebuild ??= RebuildAsync();
        try
        {
            await rebuild;
        }
        catch
        {
            if (_rebuild == rebuild) _rebuild = null; // the next request tries again
            throw;
        }
        return [.. _reports.Values.SelectMany(r => r.Mails.Select(m => (r.Code, Mail: m)))
            .OrderByDescending(p => p.Mail.CreatedAt).ThenByDescending(p => p.Code, StringComparer.Ordinal).ThenByDescending(p => p.Mail.Id)
            .Take(Math.Max(0, limit))];
    }

    private async Task RebuildAsync()
    {
        var entries = await GrainFactory.GetGrain<IColloqueDirectoryGrain>(this.GetPrimaryKey()).ListAsync();
        foreach (var chunk in entries.Chunk(RebuildConcurrency))
            foreach (var report in await Task.WhenAll(chunk.Select(e => GrainFactory.GetGrain<IRegistrationGrain>(e.Code).GetMailReportAsync())))
                Apply(report);
    }

    private void Apply(ColloqueMailReport report)
    {
        if (_reports.TryGetValue(report.Code, out var known) && known.Version >= report.Version) return;
        _reports[report.Code] = report;
    }
}
