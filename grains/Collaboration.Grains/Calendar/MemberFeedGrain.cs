using Collaboration.Grains.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Grains.Calendar;

[GrainType("member-feed")]
public sealed class MemberFeedGrain(
    [PersistentState("member-feed", StorageNames.Grains)] IPersistentState<MemberFeedState> state, TimeProvider clock)
    : DurableGrain<MemberFeedState>(state, clock), IMemberFeedGrain
{
    public async Task<string> GetOrIssueAsync(Guid tableId)
    {
        if (State.TokenHash.Length > 0 && State.TableId == tableId) return State.SealedToken;
        return await ResetAsync(tableId);
    }

    public async Task<string> ResetAsync(Guid tableId)
    {
        var token = SecretHash.NewToken();
        State.TableId = tableId;
        State.TokenHash = SecretHash.Of(token);
        State.SealedToken = ServiceProvider.GetRequiredService<ITokenSealer>().Seal(token);
        State.IssuedAt = Now;
        await WriteStateAsync();
        return State.SealedToken;
    }

    public Task<Guid?> ResolveAsync(string tokenHash) =>
        Task.FromResult<Guid?>(State.TokenHash.Length > 0 && SecretHash.Same(State.TokenHash, tokenHash) ? State.TableId : null);
}
