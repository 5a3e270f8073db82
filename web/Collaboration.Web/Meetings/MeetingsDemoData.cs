using Collaboration.Grains.Meetings;
using Collaboration.Grains.Platform;
using Collaboration.Grains.Tables;
using Collaboration.Web.Demo;

namespace Collaboration.Web.Meetings;

/// <summary>
/// The Table régionale en immigration de Lanaudière, with a member from each MRC and sector: last
/// month's meeting, closed, that left open action items, and this month's meeting in progress
/// (agenda, attendance, decisions, action items). Meetings are named after the month they are in.
/// </summary>
public sealed class MeetingsDemoData(IGrainFactory grains, MeetingsService service, TimeProvider clock, ILogger<MeetingsDemoData> logger) : IDemoData
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = QuebecTime.Today(clock);
        var tableId = await service.CreateTableAsync("Table régionale en immigration de Lanaudière", 4, "demo");
        var people = new (string Name, string Organisation, Sector Sector, string Email, MemberRole Role)[]
        {
            ("Amina Diallo", "Lanaudière Économique", Sector.Economique, "amina.diallo@exemple.qc.ca", MemberRole.Secretary),
            ("Marc-André Dufresne", "Carrefour jeunesse-emploi D'Autray-Joliette", Sector.Communautaire, "marc-andre.dufresne@exemple.qc.ca", MemberRole.Member),
            ("Julie Beaulieu", "Ville de Terrebonne (MRC Les Moulins)", Sector.Municipal, "julie.beaulieu@exemple.qc.ca", MemberRole.Member),
            ("Simon Laporte", "MRC de Matawinie", Sector.Municipal, "simon.laporte@exemple.qc.ca", MemberRole.Member),
            ("Lucía Hernández", "Cégep régional de Lanaudière à L'Assomption", Sector.Institutionnel, "lucia.hernandez@exemple.qc.ca", MemberRole.Member),
            ("Paul Rivest", "Chambre de commerce de la MRC de Montcalm", Sector.Economique, "paul.rivest@exemple.qc.ca", MemberRole.Member),
            ("Nadia Benali", "Services Québec — Joliette", Sector.Institutionnel, "nadia.benali@exemple.qc.ca", MemberRole.Member),
            ("Catherine Malo", "Citoyenne engagée, Saint-Lin–Laurentides", Sector.Autre, "catherine.malo@exemple.qc.ca", MemberRole.Member),
        };
        var ids = new List<Guid>();
        foreach (var p in people)
        {
            var (_, memberId, token) = await service.AddMemberAsync(tableId, new NewTableMember(p.Name, p.Organisation, p.Sector, p.Email, p.Role));
            ids.Add(memberId);
            if (ids.Count == 1) logger.LogInformation("Demo sign-in link for {Member} (secretary): /join.html#t={Token}", p.Name, token);
        }
        var table = (await grains.GetGrain<ITableGrain>(tableId).GetAsync())!;

        // Last month's meeting (its second Tuesday, 9 h 30), closed, with two open action items.
        var lastMonth = today.AddMonths(-1);
        var earlierAt = DemoCalendar.At(DemoCalendar.MeetingDay(lastMonth.Year, lastMonth.Month), 9, 30);
        var (_, earlierId) = await service.CreateMeetingAsync(table, $"Rencontre de {DemoCalendar.FrenchMonth(earlierAt)}", earlierAt,
            "Lanaudière Économique, salle du conseil, Joliette", "demo");
        var earlier = grains.GetGrain<IMeetingGrain>(earlierId);
        var e1 = await AgendaAsync(earlier, "Bilan de l'accueil des travailleurs saisonniers", "Amina Diallo", 20);
        await AgendaAsync(earlier, "Logement des personnes nouvellement arrivées dans Les Moulins", "Julie Beaulieu", 30);
        await service.StartAsync((await earlier.GetAsync())!);
        foreach (var id in ids.Take(5)) await earlier.SetAttendanceAsync(id, AttendanceStatus.Present, "demo", null);
        await earlier.RecordDecisionAsync(Guid.NewGuid(), e1, "Reconduire la trousse d'accueil régionale l'an prochain.");
        await earlier.AddActionItemAsync(Guid.NewGuid(), new ActionItemInput("Recenser les logements disponibles avec les municipalités de Matawinie",
            ids[3], DemoCalendar.WorkingDayFrom(today.AddDays(10)), e1));
        await earlier.AddActionItemAsync(Guid.NewGuid(), new ActionItemInput("Préparer la fiche d'accueil en espagnol",
            ids[4], DemoCalendar.WorkingDayFrom(today.AddDays(5)), e1));
        await earlier.CloseAsync();

        // This month's meeting, in progress on its second item.
        var currentAt = now.AddMinutes(-25);
        var (_, currentId) = await service.CreateMeetingAsync(table, $"Rencontre de {DemoCalendar.FrenchMonth(currentAt)}", currentAt,
            "Hôtel de ville de Repentigny, salle Jean-Coutu et visioconférence", "demo");
        var meeting = grains.GetGrain<IMeetingGrain>(currentId);
        var c1 = await AgendaAsync(meeting, "Mot de bienvenue et adoption de l'ordre du jour", "Amina Diallo", 5);
        var c2 = await AgendaAsync(meeting, "Retour sur les suivis de la dernière rencontre", "Amina Diallo", 15);
        await AgendaAsync(meeting, "Colloque régional : programme et inscriptions", "Paul Rivest", 30);
        await AgendaAsync(meeting, "Varia et prochaine rencontre", "", 10);
        await service.StartAsync((await meeting.GetAsync())!);
        await meeting.SetAttendanceAsync(ids[0], AttendanceStatus.Present, "demo", null);
        await meeting.SetAttendanceAsync(ids[1], AttendanceStatus.Remote, "demo", null);
        await meeting.SetAttendanceAsync(ids[2], AttendanceStatus.Present, "demo", null);
        await meeting.SetAttendanceAsync(ids[5], AttendanceStatus.Present, "demo", null);
        await meeting.SetAttendanceAsync(ids[6], AttendanceStatus.Excused, "demo", null);
        await meeting.RecordDecisionAsync(Guid.NewGuid(), c1, "L'ordre du jour est adopté tel que présenté.");
        await meeting.SetItemDoneAsync(c1, true);
        await meeting.SetCurrentItemAsync(c2);
        await meeting.AddActionItemAsync(Guid.NewGuid(), new ActionItemInput("Envoyer le sondage aux employeurs de Montcalm et de D'Autray",
            ids[5], DemoCalendar.WorkingDayFrom(today.AddDays(14)), c2));
    }

    private static async Task<Guid> AgendaAsync(IMeetingGrain meeting, string title, string presenter, int minutes)
    {
        var id = Guid.NewGuid();
        await meeting.AddAgendaItemAsync(id, new AgendaItemInput(title, presenter, minutes, ""));
        return id;
    }
}
