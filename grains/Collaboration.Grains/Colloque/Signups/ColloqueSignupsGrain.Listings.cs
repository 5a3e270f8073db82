using Microsoft.Extensions.Logging;

namespace Collaboration.Grains.Colloque;

/// <summary>
/// The directory feed. A burst of self-registrations would otherwise make one directory call (and its share of
/// a rewrite of the whole directory) per registration; here the registrations given a place in one write go to
/// the directory in one call. The listings are part of that write, so a crash before the directory has them
/// only delays them: the next activation sends them again (an upsert, so twice is harmless). A registration is
/// acknowledged once its listing is in the directory, or — if the directory is unavailable — once it is pending.
/// </summary>
public sealed partial class ColloqueSignupsGrain
{
    private TaskCompletionSource? _nextListing;
    private Task _listing = Task.CompletedTask;

    /// <summary>Sends the pending listings (joining the next send if one is in flight); completes when the directory has them.</summary>
    private Task ListPendingAsync()
    {
        _nextListing ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listed = _nextListing.Task;
        if (_listing.IsCompleted) _listing = ListLoopAsync();
        return listed;
    }

    /// <summary>Waits for a send in flight, so that a cancellation or an erasure reaches the directory after it.</summary>
    private async Task ListingSettledAsync()
    {
        try
        {
            await _listing;
        }
        catch (Exception)
        {
            // Logged by the loop; the listing stays pending.
        }
    }

    private async Task ListLoopAsync()
    {
        while (_nextListing is { } batch)
        {
            _nextListing = null;
            var entries = State.PendingListings.Values.ToList();
            try
            {
                if (entries.Count > 0) await GrainFactory.GetGrain<IColloqueDirectoryGrain>(GrainGuidKey).UpsertAsync(entries);
            }
            catch (Exception ex)
            {
                Log().LogWarning(ex,
                    "{Count} directory listings stay pending; they go with the next registration's send or the next activation", entries.Count);
                batch.SetResult(); // the registrations hold: their listings stay pending
                continue;
            }
            // Only what was sent, unchanged meanwhile (a cancellation in between is sent again).
            var dropped = false;
            foreach (var entry in entries)
                if (State.PendingListings.TryGetValue(entry.Code, out var now) && now == entry) dropped |= State.PendingListings.Remove(entry.Code);
            batch.SetResult();
            // Persist the drop with the next write (during a burst there is one already coming).
            if (dropped) _ = WriteStateAsync().ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
        }
    }
}
