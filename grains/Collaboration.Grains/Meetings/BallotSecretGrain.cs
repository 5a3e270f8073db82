using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Meetings;

[GrainType("ballot-secret")]
public sealed class BallotSecretGrain(
    [PersistentState("ballot-secret", StorageNames.Grains)] IPersistentState<BallotSecretState> state, TimeProvider clock)
    : DurableGrain<BallotSecretState>(state, clock), IBallotSecretGrain
{
    public async Task<string> GetOrSetAsync(string sealedCandidate)
    {
        if (State.Sealed.Length > 0) return State.Sealed;
        State.Sealed = sealedCandidate;
        await WriteStateAsync();
        return State.Sealed;
    }
}
