using Collaboration.Grains.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Grains.Calendar;

[GrainType("person-feed")]
public sealed class PersonFeedGrain(
    [PersistentState("person-feed", StorageNames.Grains)] IPersistentState<PersonFeedState> state, TimeProvider clock)
    : DurableGrain<PersonFeedState>(state, clock), IPersonFeedGrain
{
    public async Task<string> GetOrIssueAsync() => State.TokenHash.Length > 0 ? State.SealedToken : await ResetAsync();

    public async Task<string> ResetAsync()
    {
        var token = SecretHash.NewToken();
        State.TokenHash = SecretHash.Of(token);
        State.SealedToken = ServiceProvider.GetRequiredService<ITokenSealer>().Seal(token);
        State.IssuedAt = Now;
        await WriteStateAsync();
        return State.SealedToken;
    }

    public Task<bool> IsCurrentAsync(string tokenHash) =>
        Task.FromResult(State.TokenHash.Length > 0 && SecretHash.Same(State.TokenHash, tokenHash));
}
