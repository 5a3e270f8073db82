using Collaboration.Grains.Colloque;
using Collaboration.Grains.Platform;
using Collaboration.Grains.Workshops;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Grains.Participation;

/// <summary>
/// Who took part in an event, read from the grains that decide it: a workshop session's attendance (confirmed and
/// marked present), a colloque's check-ins (not cancelled, not erased), an atelier's seat holders who were checked in
/// at the colloque. A read, not an effect: it changes nothing.
/// </summary>
public static class ParticipationReader
{
    public static async Task<ParticipationEvent?> EventAsync(IGrainFactory grains, EventSubject subject)
    {
        switch (subject.Kind)
        {
            case SubjectKind.Workshop:
                var view = await grains.GetGrain<IWorkshopSessionGrain>(subject.Id).GetAsync();
                return view is null ? null : new ParticipationEvent(view.Details.TitleFr, view.Details.TitleEn, view.Details.StartsAt,
                    view.Details.EndsAt, view.Details.Place ?? view.Details.OnlineLink, view.Counts.Status == WorkshopStatus.Cancelled);
            case SubjectKind.Colloque:
                var details = await grains.GetGrain<IColloqueGrain>(subject.Id).GetDetailsAsync();
                if (details is null) return null;
                var sessions = (await grains.GetGrain<IColloqueSignupsGrain>(subject.Id).GetProgrammeAsync()).Sessions;
                var (starts, ends) = sessions.Count > 0
                    ? (sessions.Min(s => s.StartsAt), sessions.Max(s => s.EndsAt))
                    : (QuebecDay(details.Date, 8), QuebecDay(details.Date, 17));
                return new ParticipationEvent(details.Title, details.Title, starts, ends, details.Venue);
            default:
                var colloque = await grains.GetGrain<IColloqueGrain>(subject.Id).GetDetailsAsync();
                var session = (await grains.GetGrain<IColloqueSignupsGrain>(subject.Id).GetProgrammeAsync()).Sessions
                    .FirstOrDefault(s => s.Id == subject.SessionId);
                return colloque is null || session is null ? null : new ParticipationEvent(
                    $"{session.TitleFr} — {colloque.Title}", $"{session.TitleEn} — {colloque.Title}", session.StartsAt, session.EndsAt,
                    $"{colloque.Venue} ({session.Room})");
        }
    }

    /// <summary>Everyone present, with an address (those erased or cancelled are not).</summary>
    public static async Task<IReadOnlyList<Participant>> PresentAsync(IGrainFactory grains, IServiceProvider services, EventSubject subject)
    {
        var mrcOf = await MrcsAsync(services);
        switch (subject.Kind)
        {
            case SubjectKind.Workshop:
                var registrants = await grains.GetGrain<IWorkshopSessionGrain>(subject.Id).GetRegistrantsAsync();
                return [.. registrants.Where(r => r.Status == RegistrationStatus.Confirmed && r.Attended == true && r.Email.Length > 0)
                    .Select(r => new Participant(r.Code, r.ContactName, r.Organisation, r.Email, r.Language, mrcOf(r.Organisation)))];
            case SubjectKind.Colloque:
                var arrived = (await grains.GetGrain<IColloqueGrain>(subject.Id).GetAsync())?.Arrivals.Select(a => a.Code).Distinct().ToList() ?? [];
                return await AttendeesAsync(grains, subject.Id, arrived, mrcOf);
            default:
                var seats = await grains.GetGrain<IColloqueSignupsGrain>(subject.Id).GetSessionListAsync(subject.SessionId!.Value);
                return await AttendeesAsync(grains, subject.Id, [.. seats.Where(s => s.Status == ChoiceStatus.Confirmed).Select(s => s.Code)], mrcOf);
        }
    }

    /// <summary>One person, if they took part (an attestation's check: absent, erased or unknown gives null).</summary>
    public static async Task<Participant?> FindAsync(IGrainFactory grains, IServiceProvider services, EventSubject subject, string reference)
    {
        if (subject.Kind == SubjectKind.Workshop)
            return (await PresentAsync(grains, services, subject)).FirstOrDefault(p => p.Reference == reference);
        if (subject.Kind == SubjectKind.Atelier)
        {
            var seats = await grains.GetGrain<IColloqueSignupsGrain>(subject.Id).GetSessionListAsync(subject.SessionId!.Value);
            if (!seats.Any(s => s.Code == reference && s.Status == ChoiceStatus.Confirmed)) return null;
        }
        return (await AttendeesAsync(grains, subject.Id, [reference], await MrcsAsync(services))).FirstOrDefault();
    }

    private static async Task<IReadOnlyList<Participant>> AttendeesAsync(IGrainFactory grains, Guid colloqueId, IReadOnlyList<string> codes,
        Func<string, Mrc?> mrcOf)
    {
        var views = await Task.WhenAll(codes.Select(code => grains.GetGrain<IRegistrationGrain>(code).GetAsync()));
        return [.. views.Where(v => v is { Erased: false, Cancelled: false, CheckIn: not null } && v.ColloqueId == colloqueId)
            .Select(v => new Participant(v!.Code, v.Name, v.Organisation, v.Email, v.Language, v.Mrc is { } given
                ? Enum.Parse<Mrc>(given.ToString()) : mrcOf(v.Organisation)))];
    }

    private static async Task<Func<string, Mrc?>> MrcsAsync(IServiceProvider services) =>
        services.GetService<IOrganisationMrcs>() is { } mrcs ? await mrcs.LoadAsync() : _ => null;

    private static DateTimeOffset QuebecDay(DateOnly date, int hour) => QuebecTime.At(date, new TimeOnly(hour, 0));
}
