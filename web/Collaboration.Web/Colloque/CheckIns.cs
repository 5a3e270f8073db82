using System.Collections.Concurrent;
using Collaboration.Grains.Platform;
using Collaboration.Grains.Colloque;

namespace Collaboration.Web.Colloque;

/// <summary>
/// Orchestrates a check-in: the registration grain decides (the truth) and the desk gets its
/// answer as soon as that write is durable; the colloque's aggregates are then told, with the
/// registration's check-in version, in the background (calls queued meanwhile on the colloque
/// grain are committed together). That second write is idempotent, so it can be repeated: after
/// a crash between the two writes, the next scan of the same badge (already-checked-in), the
/// desk's resend of the same nonce, or a rebuild (POST …/stats/rebuild) repairs it.
/// </summary>
public sealed class CheckIns(IGrainFactory grains, ILogger<CheckIns> logger)
{
    /// <summary>The desk an organiser's own check-ins are counted under (its id and name).</summary>
    public const string OrganiserDeskId = Desk.OrganiserDeskId, OrganiserDeskName = "Organisation";

    private const int MirrorAttempts = 6;

    private readonly ConcurrentDictionary<Task, byte> _mirrors = new();

    /// <param name="admitWaitlisted">An organiser's override: a waitlisted attendee is given a place at the door.</param>
    public async Task<CheckInAnswer> CheckInAsync(string code, CheckInRequest request, bool admitWaitlisted = false)
    {
        var registration = grains.GetGrain<IRegistrationGrain>(code);
        var answer = await registration.CheckInAsync(request);
        // A self-registration's place is decided by the signups grain: ask it, and once it says
        // confirmed (at once, after a promotion, or given now by the organiser) the registration remembers and admits.
        var signups = grains.GetGrain<IColloqueSignupsGrain>(request.ColloqueId);
        if (answer.Result == CheckInResult.Waitlisted &&
            (await signups.GetSignupAsync(code) is { Status: PlaceStatus.Confirmed } ||
             admitWaitlisted && (await signups.AdmitWaitlistedAsync(code)).Signup is { Status: PlaceStatus.Confirmed }))
        {
            await registration.ConfirmPlaceAsync();
            answer = await registration.CheckInAsync(request);
        }
        if (answer.Result is CheckInResult.CheckedIn or CheckInResult.AlreadyCheckedIn && answer.CheckedInAt is not null)
            Track(MirrorAsync(request.ColloqueId, new ArrivalChange(code, answer.CheckInVersion, true, answer.Category ?? AttendeeCategory.Other,
                answer.DeskId, answer.DeskName, answer.Operator, answer.CheckedInAt, answer.Name ?? "", answer.Organisation ?? "")));
        return answer;
    }

    /// <summary>Completes when the aggregate updates started so far are done (tests, benchmarks, shutdown).</summary>
    public Task WhenMirroredAsync() => Task.WhenAll(_mirrors.Keys);

    private void Track(Task mirror)
    {
        if (mirror.IsCompleted) return;
        _mirrors.TryAdd(mirror, 0);
        mirror.ContinueWith(t => _mirrors.TryRemove(t, out _), TaskScheduler.Default);
    }

    public async Task<UndoAnswer> UndoAsync(string code, UndoRequest request)
    {
        var registration = grains.GetGrain<IRegistrationGrain>(code);
        var answer = await registration.UndoCheckInAsync(request);
        if (answer.Result is UndoResult.Undone or UndoResult.NotCheckedIn && await registration.GetAsync() is { } view)
            await MirrorAsync(request.ColloqueId, ChangeOf(view));
        return answer;
    }

    /// <summary>Re-applies every registration's check-in to the colloque's aggregates; returns how many changed.</summary>
    public async Task<int> RebuildAsync(Guid colloqueId)
    {
        var entries = await grains.GetGrain<IColloqueDirectoryGrain>(colloqueId).ListAsync();
        var changed = 0;
        foreach (var chunk in entries.Chunk(200))
        {
            var views = await Task.WhenAll(chunk.Select(e => grains.GetGrain<IRegistrationGrain>(e.Code).GetAsync()));
            var changes = views.Where(v => v is not null && v.ColloqueId == colloqueId && v.CheckInVersion > 0).Select(v => ChangeOf(v!)).ToList();
            changed += await grains.GetGrain<IColloqueGrain>(colloqueId).ApplyArrivalsAsync(changes);
        }
        return changed;
    }

    public static ArrivalChange ChangeOf(RegistrationView view) => new(view.Code, view.CheckInVersion, view.CheckIn is not null, view.Category,
        view.CheckIn?.DeskId, view.CheckIn?.DeskName, view.CheckIn?.Operator, view.CheckIn?.At, view.Name, view.Organisation);

    /// <summary>
    /// The aggregates are a mirror: when the colloque grain's write fails (storage briefly down) we
    /// try again here; if it still fails the desk keeps its answer (the registration is the truth)
    /// and the mirror is repaired by the next scan or a rebuild.
    /// </summary>
    private async Task MirrorAsync(Guid colloqueId, ArrivalChange change)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await grains.GetGrain<IColloqueGrain>(colloqueId).ApplyArrivalAsync(change);
                return;
            }
            catch (GrainStorageUnavailableException) when (attempt < MirrorAttempts)
            {
                await Task.Delay(Random.Shared.Next(5, 25 * attempt));
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Colloque {Colloque}: arrival of {Code} v{Version} not mirrored yet; repaired by the next scan or a rebuild",
                    colloqueId, change.Code, change.CheckInVersion);
                return;
            }
        }
    }
}
