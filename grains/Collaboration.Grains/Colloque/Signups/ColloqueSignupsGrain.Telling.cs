using Collaboration.Grains.Platform;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collaboration.Grains.Colloque;

/// <summary>
/// Telling registrations their place (the outbox pattern). A decision on a public sign-up and every
/// promotion put the code in <see cref="ColloqueSignupsState.ToTell"/> in the write that decides;
/// after that write commits, this activation calls each registration's
/// <see cref="IRegistrationGrain.TellPlaceAsync"/> (which records the attendee's email in its own
/// write, idempotently) and removes the code once it answered. A crash in between leaves the code
/// in the state: the next activation tells it again.
/// </summary>
public sealed partial class ColloqueSignupsGrain
{
    /// <summary>Registrations told at once.</summary>
    private const int TellConcurrency = 32;

    /// <summary>A registration that does not exist (yet: its write may land after the decision) is asked again this many times.</summary>
    private const int UnknownAttempts = 6;

    private bool _telling;
    private bool _tellAgain;
    private readonly Dictionary<string, (int Attempts, long DueAtTick)> _tellRetries = new(StringComparer.Ordinal);
    private IGrainTimer? _tellTimer;

    private void Tell(string code)
    {
        State.ToTell[code] = ++State.LastTell;
        _tellRetries.Remove(code);
    }

    private void DriveTelling()
    {
        if (State.ToTell.Count == 0) return;
        if (_telling)
        {
            _tellAgain = true;
            return;
        }
        _telling = true;
        _ = TellAllAsync();
    }

    private async Task TellAllAsync()
    {
        try
        {
            do
            {
                _tellAgain = false;
                var now = Environment.TickCount64;
                var due = State.ToTell.Where(p => !_tellRetries.TryGetValue(p.Key, out var r) || r.DueAtTick <= now).ToList();
                var told = new List<KeyValuePair<string, long>>();
                foreach (var chunk in due.Chunk(TellConcurrency))
                {
                    var results = await Task.WhenAll(chunk.Select(async p => (Pair: p, Done: await TellOneAsync(p.Key))));
                    told.AddRange(results.Where(r => r.Done).Select(r => r.Pair));
                }
                var removed = 0;
                foreach (var (code, sequence) in told)
                    if (State.ToTell.TryGetValue(code, out var latest) && latest == sequence && State.ToTell.Remove(code))
                    {
                        _tellRetries.Remove(code);
                        removed++;
                    }
                if (removed > 0) await WriteStateAsync();
            }
            while (_tellAgain);
        }
        catch (GrainStorageUnavailableException)
        {
            return; // the activation is discarded; the next one tells what is left
        }
        finally
        {
            _telling = false;
        }
        if (State.ToTell.Count > 0) ScheduleTelling();
    }

    /// <summary>True when the code needs no more telling (told, or forgotten); false to try again later.</summary>
    private async Task<bool> TellOneAsync(string code)
    {
        if (!_byCode.TryGetValue(code, out var entry)) return true;
        try
        {
            if (await GrainFactory.GetGrain<IRegistrationGrain>(code).TellPlaceAsync(GrainGuidKey, Notice(entry))) return true;
            var attempts = _tellRetries.GetValueOrDefault(code).Attempts + 1;
            if (attempts >= UnknownAttempts)
            {
                Log().LogWarning("Registration {Code} of colloque {ColloqueId} does not exist: its place is not told", code, GrainGuidKey);
                return true;
            }
            _tellRetries[code] = (attempts, Environment.TickCount64 + (1000L << Math.Min(attempts, 10)));
        }
        catch (Exception e) when (e is not GrainStorageUnavailableException)
        {
            var attempts = _tellRetries.GetValueOrDefault(code).Attempts + 1;
            _tellRetries[code] = (attempts, Environment.TickCount64 + (1000L << Math.Min(attempts, 6)));
            Log().LogInformation(e, "Registration {Code} not told its place yet; retried", code);
        }
        return false;
    }

    private void ScheduleTelling()
    {
        var next = _tellRetries.Count == 0 ? Environment.TickCount64 + 1000 : _tellRetries.Values.Min(r => r.DueAtTick);
        var delay = TimeSpan.FromMilliseconds(Math.Max(50, next - Environment.TickCount64));
        _tellTimer?.Dispose();
        _tellTimer = this.RegisterGrainTimer(() =>
        {
            DriveTelling();
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan) { Interleave = true });
    }

    /// <summary>The attendee's place, breakouts and the day, as their email shows them.</summary>
    private PlaceNotice Notice(SignupEntry entry)
    {
        var view = View(entry);
        var breakouts = view.Choices
            .Select(c => (Choice: c, Session: State.Sessions.Find(s => s.Id == c.SessionId)))
            .Where(p => p.Session is not null)
            .Select(p => new BreakoutNotice(p.Session!.TitleFr, p.Session.TitleEn, p.Session.Room, p.Session.StartsAt, p.Session.EndsAt,
                p.Choice.Status, p.Choice.Position))
            .OrderBy(b => b.StartsAt)
            .ToList();
        var sessions = State.Sessions;
        return new PlaceNotice(entry.Status, view.Position, breakouts,
            sessions.Count > 0 ? sessions.Min(s => s.StartsAt) : null, sessions.Count > 0 ? sessions.Max(s => s.EndsAt) : null,
            State.Settings?.VenueAddress ?? "", Version);
    }

    private ILogger Log() => ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<ColloqueSignupsGrain>();
}
