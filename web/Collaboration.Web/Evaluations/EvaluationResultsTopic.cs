using System.Security.Claims;
using Collaboration.Grains.Evaluations;
using Collaboration.Grains.Live;
using Collaboration.Grains.Participation;
using Collaboration.Web.Accounts;
using Collaboration.Web.Live;

namespace Collaboration.Web.Evaluations;

/// <summary>
/// "evaluation-results:{subject}": organisers only. Each event says how many answers there are; the snapshot is the
/// results (counts, distributions, means, texts), so a page re-reads them when an answer arrives. No name ever.
/// </summary>
public sealed class EvaluationResultsTopic(IGrainFactory grains) : ILiveTopic
{
    public string Prefix => "evaluation-results";

    public string Feed => "evaluation-results";

    public ValueTask<bool> CanSubscribeAsync(ClaimsPrincipal user, string key) =>
        ValueTask.FromResult(EventSubject.TryParse(key, out _) && user.IsInRole(Roles.Organiser));

    public ILiveFeedGrain Source(string key) => grains.GetGrain<IEvaluationResultsGrain>(key);

    public async Task<LiveSnapshot> SnapshotAsync(string key)
    {
        var results = grains.GetGrain<IEvaluationResultsGrain>(key);
        var version = await results.GetVersionAsync();
        var view = await grains.GetGrain<IEvaluationGrain>(key).GetAsync();
        if (view is null) return new LiveSnapshot(version, new { missing = true });
        return new LiveSnapshot(version, EvaluationSummary.Of(view, await results.GetAnswersAsync()));
    }
}
