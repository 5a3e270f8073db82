using Collaboration.Grains.Meetings;
using Collaboration.Grains.Tables;
using Collaboration.Web.Demo;

namespace Collaboration.Web.Meetings;

/// <summary>
/// A Table régionale with a member of each sector, a closed meeting last month that left open
/// action items, and this week's meeting in progress (agenda, attendance, decisions, action items).
/// </summary>
public sealed class MeetingsDemoData(IGrainFactory grains, MeetingsService service, TimeProvider clock, ILogger<MeetingsDemoData> logger) : IDemoData
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var tableId = await service.CreateTableAsync("Table régionale en immigration du Bas-Saint-Laurent", 4, "demo");
        var people = new (string Name, string Organisation, Sector Sector, string Email, MemberRole Role)[]
        {
            ("Amina Diallo", "Carrefour d'intégration du Bas-Saint-Laurent", Sector.Communautaire, "amina.diallo@exemple.qc.ca", MemberRole.Secretary),
            ("Marc-André Pelletier", "Services Québec — Rimouski", Sector.Institutionnel, "marc-andre.pelletier@exemple.qc.ca", MemberRole.Member),
            ("Julie Bérubé", "Chambre de commerce de la région", Sector.Economique, "julie.berube@exemple.qc.ca", MemberRole.Member),
            ("Simon Gagnon", "Ville de Rimouski", Sector.Municipal, "simon.gagnon@exemple.qc.ca", MemberRole.Member),
            ("Lucía Hernández", "Cégep de Rimouski", Sector.Institutionnel, "lucia.hernandez@exemple.qc.ca", MemberRole.Member),
            ("Paul Ouellet", "Citoyen engagé", Sector.Autre, "paul.ouellet@exemple.qc.ca", MemberRole.Member),
        };
        var ids = new List<Guid>();
        foreach (var p in people)
        {
            var (_, memberId, token) = await service.AddMemberAsync(tableId, new NewTableMember(p.Name, p.Organisation, p.Sector, p.Email, p.Role));
            ids.Add(memberId);
            if (ids.Count == 1) logger.LogInformation("Demo sign-in link for {Member} (secretary): /join.html#t={Token}", p.Name, token);
        }
        var table = (await grains.GetGrain<ITableGrain>(tableId).GetAsync())!;

        // Last month's meeting, closed, with two open action items.
        var (_, earlierId) = await service.CreateMeetingAsync(table, "Rencontre d'octobre", now.AddDays(-30), "Salle du conseil, hôtel de ville", "demo");
        var earlier = grains.GetGrain<IMeetingGrain>(earlierId);
        var e1 = await AgendaAsync(earlier, "Bilan de l'accueil estival", "Amina Diallo", 20);
        await AgendaAsync(earlier, "Logement des travailleurs saisonniers", "Simon Gagnon", 30);
        await service.StartAsync((await earlier.GetAsync())!);
        foreach (var id in ids.Take(4)) await earlier.SetAttendanceAsync(id, AttendanceStatus.Present, "demo", null);
        await earlier.RecordDecisionAsync(Guid.NewGuid(), e1, "Reconduire la trousse d'accueil en 2027.");
        await earlier.AddActionItemAsync(Guid.NewGuid(), new ActionItemInput("Recenser les logements disponibles avec les municipalités", ids[3], DateOnly.FromDateTime(now.AddDays(10).UtcDateTime), e1));
        await earlier.AddActionItemAsync(Guid.NewGuid(), new ActionItemInput("Préparer la fiche d'accueil en espagnol", ids[4], DateOnly.FromDateTime(now.AddDays(5).UtcDateTime), e1));
        await earlier.CloseAsync();

        // This week's meeting, in progress on its second item.
        var (_, currentId) = await service.CreateMeetingAsync(table, "Rencontre de novembre", now.AddMinutes(-25), "Cégep de Rimouski, local B-204 et visioconférence", "demo");
        var meeting = grains.GetGrain<IMeetingGrain>(currentId);
        var c1 = await AgendaAsync(meeting, "Mot de bienvenue et adoption de l'ordre du jour", "Amina Diallo", 5);
        var c2 = await AgendaAsync(meeting, "Retour sur les suivis d'octobre", "Amina Diallo", 15);
        await AgendaAsync(meeting, "Projet de colloque régional au printemps", "Julie Bérubé", 30);
        await AgendaAsync(meeting, "Varia et prochaine rencontre", "", 10);
        await service.StartAsync((await meeting.GetAsync())!);
        await meeting.SetAttendanceAsync(ids[0], AttendanceStatus.Present, "demo", null);
        await meeting.SetAttendanceAsync(ids[1], AttendanceStatus.Remote, "demo", null);
        await meeting.SetAttendanceAsync(ids[2], AttendanceStatus.Present, "demo", null);
        await meeting.SetAttendanceAsync(ids[5], AttendanceStatus.Excused, "demo", null);
        await meeting.RecordDecisionAsync(Guid.NewGuid(), c1, "L'ordre du jour est adopté tel que présenté.");
        await meeting.SetItemDoneAsync(c1, true);
        await meeting.SetCurrentItemAsync(c2);
        await meeting.AddActionItemAsync(Guid.NewGuid(), new ActionItemInput("Envoyer le sondage aux employeurs membres", ids[2], DateOnly.FromDateTime(now.AddDays(14).UtcDateTime), c2));
    }

    private static async Task<Guid> AgendaAsync(IMeetingGrain meeting, string title, string presenter, int minutes)
    {
        var id = Guid.NewGuid();
        await meeting.AddAgendaItemAsync(id, new AgendaItemInput(title, presenter, minutes, ""));
        return id;
    }
}
