using Collaboration.Grains.Colloque;
using Collaboration.Grains.Evaluations;
using Collaboration.Grains.Participation;
using Collaboration.Grains.Platform;
using Collaboration.Grains.Workshops;

namespace Collaboration.Grains.Retention;

/// <summary>
/// An anonymisation decided by the retention grain (a period over, or one person on request), owed to the grains that
/// hold the data. Every receiver is idempotent (anonymising twice changes nothing); once they all answered, the log
/// line says it is complete.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("effect.anonymise")]
public sealed record Anonymise(
    [property: Id(0)] long LogId,
    [property: Id(1)] RetentionKind Kind,
    [property: Id(2)] string Subject,
    [property: Id(3)] string? Reference = null) : IEffect
{
    public async Task<EffectResult> DeliverAsync(EffectContext context)
    {
        var grains = context.Grains;
        if (!EventSubject.TryParse(Subject, out var subject)) return EffectResult.Delivered;
        switch (Kind)
        {
            case RetentionKind.WorkshopRegistrations:
                await grains.GetGrain<IWorkshopSessionGrain>(subject.Id).AnonymiseAsync(null);
                await grains.GetGrain<IEvaluationGrain>(Subject).ForgetLinksAsync();
                break;
            case RetentionKind.ColloqueRegistrations:
                var codes = (await grains.GetGrain<IColloqueDirectoryGrain>(subject.Id).ListAsync()).Select(e => e.Code).ToList();
                foreach (var batch in codes.Chunk(32))
                    await Task.WhenAll(batch.Select(code => grains.GetGrain<IRegistrationGrain>(code).EraseAsync(subject.Id, "retention")));
                foreach (var key in await ColloqueEvaluationsAsync(grains, subject.Id))
                    await grains.GetGrain<IEvaluationGrain>(key).ForgetLinksAsync();
                break;
            case RetentionKind.EvaluationLinks:
                await grains.GetGrain<IEvaluationGrain>(Subject).ForgetLinksAsync();
                break;
            case RetentionKind.PersonErasure when Reference is { } code:
                if (subject.Kind == SubjectKind.Workshop) await grains.GetGrain<IWorkshopSessionGrain>(subject.Id).AnonymiseAsync(code);
                else await grains.GetGrain<IRegistrationGrain>(code).EraseAsync(subject.Id, "request");
                var evaluations = subject.Kind == SubjectKind.Workshop ? [Subject] : await ColloqueEvaluationsAsync(grains, subject.Id);
                foreach (var key in evaluations) await grains.GetGrain<IEvaluationGrain>(key).ForgetPersonAsync(code);
                break;
        }
        if (((RetentionState)context.State).Log.Find(l => l.Id == LogId) is { CompletedAt: null } line)
        {
            line.CompletedAt = context.Now;
            context.StateChanged = true;
        }
        return EffectResult.Delivered;
    }

    /// <summary>The colloque's evaluation and its ateliers'.</summary>
    public static async Task<IReadOnlyList<string>> ColloqueEvaluationsAsync(IGrainFactory grains, Guid colloqueId)
    {
        var programme = await grains.GetGrain<IColloqueSignupsGrain>(colloqueId).GetProgrammeAsync();
        return [EventSubject.Colloque(colloqueId).Key, .. programme.Sessions.Where(s => s.Kind == SessionKind.Atelier)
            .Select(s => EventSubject.Atelier(colloqueId, s.Id).Key)];
    }
}
