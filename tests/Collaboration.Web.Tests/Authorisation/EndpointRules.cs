namespace Collaboration.Web.Tests.Authorisation;

/// <summary>
/// THE authorisation rule of every endpoint the app maps, one line each ("METHOD pattern" as the
/// endpoint list spells it). <see cref="AuthorisationMatrixTests"/> fails when an endpoint has no
/// line here: add yours when you map a new one. Prefix lines (ending in "*") cover the endpoints
/// a library maps for itself (the Orleans dashboard).
/// Placeholders in bodies: {tableB} {memberB} {itemB} {code} (see the test's fixture).
/// </summary>
public static class EndpointRules
{
    public static readonly IReadOnlyDictionary<string, EndpointRule> All = new Dictionary<string, EndpointRule>
    {
        // Accounts
        ["POST /api/auth/login"] = EndpointRule.Public("""{"email":"organisateur@test.local","password":"Test-Password-2026!"}"""),
        ["POST /api/auth/logout"] = EndpointRule.Public() with { EndsSession = true },
        ["GET /api/auth/me"] = EndpointRule.Public(), // signed out is an answer ({signedIn:false})
        ["POST /api/auth/password"] = EndpointRule.Organiser("""{"currentPassword":"pas le bon mot de passe","newPassword":"Une autre phrase assez longue"}"""),
        ["POST /api/organisers"] = EndpointRule.Organiser("""{"email":"{unique}@exemple.qc.ca","displayName":"Nouvelle","password":"Une phrase de passe longue"}"""),
        ["GET /api/organisers"] = EndpointRule.Organiser(),
        ["POST /api/organisers/invitations"] = EndpointRule.Organiser("""{"email":"{unique}@exemple.qc.ca","displayName":"Invitée"}"""),
        ["POST /api/organisers/{email}/deactivate"] = EndpointRule.Organiser(),
        ["POST /api/organisers/{email}/reactivate"] = EndpointRule.Organiser(),
        ["POST /api/organisers/{email}/second-factor/reset"] = EndpointRule.Organiser(),
        ["POST /api/organisers/invitations/accept"] = EndpointRule.Public("""{"token":"pas-un-lien","password":"Une phrase de passe longue"}"""),
        ["POST /api/auth/password-reset"] = EndpointRule.Public("""{"email":"{unique}@exemple.qc.ca"}"""),
        ["POST /api/auth/password-reset/complete"] = EndpointRule.Public("""{"token":"pas-un-lien","password":"Une phrase de passe longue"}"""),
        ["POST /api/auth/second-factor/totp"] = EndpointRule.Organiser(),
        ["POST /api/auth/second-factor/totp/confirm"] = EndpointRule.Organiser("""{"code":"123456"}"""),

        // Meetings: tables and members
        ["GET /api/tables"] = EndpointRule.SignedIn(),
        ["POST /api/tables"] = EndpointRule.Organiser("""{"name":"Table {unique}","quorum":2}"""),
        ["GET /api/tables/{tableId:guid}"] = EndpointRule.TableMembers(),
        ["GET /api/tables/{tableId:guid}/meetings"] = EndpointRule.TableMembers(),
        ["POST /api/tables/{tableId:guid}/members"] = EndpointRule.Organiser("""{"name":"Membre","organisation":"Org","sector":"municipal","email":"{unique}@exemple.qc.ca"}"""),
        ["POST /api/tables/{tableId:guid}/members/{memberId:guid}/link"] = EndpointRule.Organiser(),
        ["POST /api/tables/{tableId:guid}/members/{memberId:guid}/revoke"] = EndpointRule.Organiser(),
        ["POST /api/tables/sign-in"] = EndpointRule.Public("""{"token":"un-lien-qui-n-existe-pas"}"""),
        ["POST /api/tables/sign-in-link"] = EndpointRule.Public("""{"email":"{unique}@exemple.qc.ca"}"""),

        // Meetings
        ["POST /api/meetings"] = EndpointRule.Organiser("""{"tableId":"{tableB}","title":"Rencontre","startsAt":"2027-03-01T14:00:00Z","location":"Joliette"}"""),
        ["GET /api/meetings/{id:guid}"] = EndpointRule.TableMembers(),
        ["POST /api/meetings/{id:guid}/agenda"] = EndpointRule.TableMembers("""{"title":"Point","presenter":"","plannedMinutes":5,"notes":""}"""),
        ["PUT /api/meetings/{id:guid}/agenda/order"] = EndpointRule.TableMembers("""{"order":["{itemB}"],"expectedVersion":1}"""),
        ["PUT /api/meetings/{id:guid}/agenda/{itemId:guid}"] = EndpointRule.TableMembers("""{"title":"Point","presenter":"","plannedMinutes":5,"notes":"","expectedVersion":1}"""),
        ["DELETE /api/meetings/{id:guid}/agenda/{itemId:guid}"] = EndpointRule.TableMembers(query: "?expectedVersion=1"),
        ["PUT /api/meetings/{id:guid}/agenda/{itemId:guid}/done"] = EndpointRule.TableMembers("""{"done":true}"""),
        ["PUT /api/meetings/{id:guid}/current"] = EndpointRule.TableMembers("""{"itemId":"{itemB}"}"""),
        ["POST /api/meetings/{id:guid}/start"] = EndpointRule.TableMembers(),
        ["POST /api/meetings/{id:guid}/close"] = EndpointRule.TableMembers(),
        ["PUT /api/meetings/{id:guid}/attendance/{memberId:guid}"] = EndpointRule.TableMembers("""{"status":"present"}"""),
        ["POST /api/meetings/{id:guid}/decisions"] = EndpointRule.TableMembers("""{"agendaItemId":"{itemB}","text":"Décision"}"""),
        ["POST /api/meetings/{id:guid}/action-items"] = EndpointRule.TableMembers("""{"text":"Tâche","ownerMemberId":"{memberB}"}"""),
        ["PATCH /api/meetings/{id:guid}/action-items/{itemId:guid}"] = EndpointRule.TableMembers("""{"status":"done","expectedVersion":1}"""),
        ["GET /api/meetings/{id:guid}/minutes"] = EndpointRule.TableMembers(),
        ["GET /api/meetings/{id:guid}/minutes.md"] = EndpointRule.TableMembers(),
        ["POST /api/meetings/{id:guid}/minutes/circulate"] = EndpointRule.TableMembers(),
        ["GET /api/meetings/{id:guid}/action-items.csv"] = EndpointRule.TableMembers(),
        ["GET /api/meetings/{id:guid}/meeting.ics"] = EndpointRule.TableMembers(),
        ["POST /api/meetings/{id:guid}/notice"] = EndpointRule.TableMembers(),
        ["POST /api/meetings/{id:guid}/cancel"] = EndpointRule.TableMembers(),
        ["POST /api/meetings/{id:guid}/motions"] = EndpointRule.TableMembers("""{"text":"la Table adopte l'ordre du jour","proposerId":"{memberB}","seconderId":"{itemB}"}"""),
        ["GET /api/meetings/{id:guid}/motions/{motionId:guid}"] = EndpointRule.TableMembers(),
        // Each member votes for themself only: the organiser counts hands instead, so no caller here may vote.
        ["PUT /api/meetings/{id:guid}/motions/{motionId:guid}/ballot"] = new(Callers.None, """{"choice":"for"}"""),
        ["PUT /api/meetings/{id:guid}/motions/{motionId:guid}/hands"] = EndpointRule.TableMembers("""{"for":1,"against":0,"abstain":0}"""),
        ["POST /api/meetings/{id:guid}/motions/{motionId:guid}/close"] = EndpointRule.TableMembers(),
        ["POST /api/meetings/{id:guid}/motions/{motionId:guid}/withdraw"] = EndpointRule.TableMembers(),
        ["PUT /api/meetings/{id:guid}/floor/hands/{memberId:guid}"] = EndpointRule.TableMembers(),
        ["DELETE /api/meetings/{id:guid}/floor/hands/{memberId:guid}"] = EndpointRule.TableMembers(),
        ["POST /api/meetings/{id:guid}/floor/next"] = EndpointRule.TableMembers("""{}"""),
        ["POST /api/meetings/{id:guid}/floor/end"] = EndpointRule.TableMembers(),
        ["PUT /api/meetings/{id:guid}/floor/limit"] = EndpointRule.TableMembers("""{"seconds":120}"""),
        ["POST /api/meetings/{id:guid}/agenda/{itemId:guid}/documents"] = EndpointRule.TableMembers("""{}""", query: "?name=document.pdf"),
        ["GET /api/meetings/{id:guid}/documents/{documentId:guid}"] = EndpointRule.TableMembers(),
        ["DELETE /api/meetings/{id:guid}/documents/{documentId:guid}"] = EndpointRule.TableMembers(),

        // Mail: the outboxes are the organisers'; unsubscribing needs the signed link only
        ["GET /api/workshops/{id:guid}/outbox"] = EndpointRule.Organiser(),
        ["POST /api/workshops/{id:guid}/outbox/{mailId:long}/resend"] = EndpointRule.Organiser(),
        ["GET /api/tables/{id:guid}/outbox"] = EndpointRule.Organiser(),
        ["POST /api/tables/{id:guid}/outbox/{mailId:long}/resend"] = EndpointRule.Organiser(),
        ["GET /api/meetings/{id:guid}/outbox"] = EndpointRule.Organiser(),
        ["POST /api/meetings/{id:guid}/outbox/{mailId:long}/resend"] = EndpointRule.Organiser(),
        ["GET /api/colloques/{id:guid}/outbox"] = EndpointRule.Organiser(),
        ["POST /api/colloques/{id:guid}/outbox/{code}/{mailId:long}/resend"] = EndpointRule.Organiser(),
        ["GET /api/mail/unsubscribe"] = EndpointRule.Public() with { Query = "?t=not-a-signed-link" },
        ["POST /api/mail/unsubscribe"] = EndpointRule.Public() with { Query = "?t=not-a-signed-link", CsrfExempt = true }, // RFC 8058 one-click: the signed link is the proof

        // Workshops
        ["GET /api/workshops"] = EndpointRule.Public(),
        ["POST /api/workshops"] = EndpointRule.Organiser("""{"titleFr":"Atelier","titleEn":"Workshop","startsAt":"2027-04-01T14:00:00Z","endsAt":"2027-04-01T16:00:00Z","place":"Joliette","capacity":10}"""),
        ["GET /api/workshops/{id:guid}"] = EndpointRule.Public(),
        ["PATCH /api/workshops/{id:guid}"] = EndpointRule.Organiser("""{"capacity":50}"""),
        ["GET /api/workshops/{id:guid}/calendar.ics"] = EndpointRule.Public(),
        ["POST /api/workshops/{id:guid}/registrations"] = EndpointRule.Public("""{"organisation":"Entreprise","contactName":"Contact","email":"{unique}@exemple.qc.ca","seats":1,"sector":"Commerce","consent":true}"""),
        ["POST /api/workshops/{id:guid}/manage-link"] = EndpointRule.Public("""{"email":"{unique}@exemple.qc.ca"}"""),
        ["GET /api/workshops/{id:guid}/registrants"] = EndpointRule.Organiser(),
        ["GET /api/workshops/{id:guid}/registrations.csv"] = EndpointRule.Organiser(),
        ["POST /api/workshops/{id:guid}/registrants/{code}/attendance"] = EndpointRule.Organiser("""{"attended":true}"""),
        ["GET /api/registrations/{id}"] = EndpointRule.TokenHolder(),

        // After the event: attestations, evaluations, calendar feeds, retention
        ["GET /api/registrations/{id}/attestation.pdf"] = EndpointRule.TokenHolder(),
        ["GET /api/signups/{code}/attestation.pdf"] = EndpointRule.TokenHolder(),
        ["GET /api/attestations/verify/{code}"] = EndpointRule.Public(),
        ["GET /api/attestations/{subject}"] = EndpointRule.Organiser(),
        ["GET /api/attestations/{subject}/all.zip"] = EndpointRule.Organiser(),
        ["GET /api/attestations/{subject}/{reference}.pdf"] = EndpointRule.Organiser(),
        ["GET /api/evaluations"] = EndpointRule.Organiser(),
        ["GET /api/evaluations/{subject}"] = EndpointRule.Organiser(),
        ["PUT /api/evaluations/{subject}"] = EndpointRule.Organiser("""{"questions":[]}"""),
        ["POST /api/evaluations/{subject}/send"] = EndpointRule.Organiser(),
        ["GET /api/evaluations/{subject}/results"] = EndpointRule.Organiser(),
        ["GET /api/evaluations/{subject}/results.csv"] = EndpointRule.Organiser(),
        ["GET /api/evaluations/{subject}/outbox"] = EndpointRule.Organiser(),
        ["POST /api/evaluations/{subject}/outbox/{mailId:long}/resend"] = EndpointRule.Organiser(),
        ["GET /api/evaluation/{subject}"] = EndpointRule.TokenHolder(),
        ["PUT /api/evaluation/{subject}"] = EndpointRule.TokenHolder("""{"answers":{}}"""),
        ["GET /calendar/workshops.ics"] = EndpointRule.Public(),
        ["GET /calendar/colloque/{id:guid}.ics"] = EndpointRule.Public(),
        ["GET /calendar/{feed}.ics"] = EndpointRule.Public(), // the feed's secret is its name: an unknown one is a 404 for anyone
        ["GET /api/calendar/feeds"] = new(Callers.OtherTableMember), // a member's own feeds: organisers and desks have none
        ["POST /api/calendar/feeds/{tableId:guid}/reset"] = new(Callers.None), // only a member of THAT table
        ["GET /api/retention"] = EndpointRule.Organiser(),
        ["PUT /api/retention/settings"] = EndpointRule.Organiser(),
        ["GET /api/retention/preview"] = EndpointRule.Organiser(),
        ["POST /api/retention/run"] = EndpointRule.Organiser(),
        ["POST /api/retention/erasures"] = EndpointRule.Organiser(),
        ["DELETE /api/registrations/{id}"] = EndpointRule.TokenHolder(),
        ["PATCH /api/registrations/{id}"] = EndpointRule.TokenHolder("""{"seats":1}"""),
        ["GET /api/registrations/{id}/qr.svg"] = EndpointRule.TokenHolder(),

        // Colloque: organisers
        ["POST /api/colloques"] = EndpointRule.Organiser("""{"title":"Colloque","date":"2027-05-20","venue":"Terrebonne"}"""),
        ["GET /api/colloques"] = EndpointRule.Organiser(),
        ["POST /api/colloques/{id:guid}/registrations"] = EndpointRule.Organiser("""{"name":"Personne","organisation":"Org","category":"autre","email":"{unique}@exemple.qc.ca"}"""),
        ["POST /api/colloques/{id:guid}/registrations/import"] = EndpointRule.Organiser("""{"not":"csv"}"""),
        ["GET /api/colloques/{id:guid}/registrations/{code}"] = EndpointRule.Organiser(),
        ["DELETE /api/colloques/{id:guid}/registrations/{code}"] = EndpointRule.Organiser(),
        ["POST /api/colloques/{id:guid}/registrations/{code}/cancel"] = EndpointRule.Organiser("""{"cancelled":false}"""),
        ["POST /api/colloques/{id:guid}/desks"] = EndpointRule.Organiser("""{"name":"Accueil {unique}"}"""),
        ["GET /api/colloques/{id:guid}/desks"] = EndpointRule.Organiser(),
        ["POST /api/colloques/{id:guid}/desks/{deskId}/pairing-code"] = EndpointRule.Organiser(),
        ["POST /api/colloques/{id:guid}/desks/{deskId}/revoke"] = EndpointRule.Organiser(),
        ["GET /api/colloques/{id:guid}/attendance.csv"] = EndpointRule.Organiser(),
        ["GET /api/colloques/{id:guid}/badges"] = EndpointRule.Organiser(),
        ["POST /api/colloques/{id:guid}/badges/printed"] = EndpointRule.Organiser("""{"codes":["{code}"]}"""),
        ["POST /api/colloques/{id:guid}/stats/rebuild"] = EndpointRule.Organiser(),

        // Colloque: organisers and the desks of that colloque
        ["GET /api/colloques/{id:guid}"] = EndpointRule.ColloqueDesks(),
        ["POST /api/colloques/{id:guid}/checkins"] = EndpointRule.ColloqueDesks("""{"code":"{code}","nonce":"{unique}"}"""),
        ["DELETE /api/colloques/{id:guid}/checkins/{code}"] = EndpointRule.ColloqueDesks(query: "?nonce=x"),
        ["POST /api/colloques/{id:guid}/walkins"] = EndpointRule.ColloqueDesks("""{"name":"Visiteur","organisation":"","category":"autre","nonce":"{unique}"}"""),
        ["GET /api/colloques/{id:guid}/stats"] = EndpointRule.ColloqueDesks(),
        ["GET /api/colloques/{id:guid}/search"] = EndpointRule.ColloqueDesks(query: "?q=a"),
        ["GET /api/colloques/{id:guid}/attendees"] = EndpointRule.ColloqueDesks(),
        ["GET /api/colloques/{id:guid}/registrations/{code}/badge"] = EndpointRule.ColloqueDesks(),
        ["GET /api/colloques/{id:guid}/registrations/{code}/qr.svg"] = EndpointRule.ColloqueDesks(),
        ["POST /api/colloques/{id:guid}/registrations/{code}/badge-printed"] = EndpointRule.ColloqueDesks(),
        ["POST /api/desks/pair"] = EndpointRule.Public("""{"pairingCode":"AAAA-BBBB"}"""),
        ["GET /api/desks/me"] = EndpointRule.Public(), // "not paired" is an answer

        // Partners: the public directory; organisers edit and link members
        ["GET /api/partners"] = EndpointRule.Public(),
        ["GET /api/partners/{slug}"] = EndpointRule.Public(),
        ["POST /api/partners"] = EndpointRule.Organiser("""{"name":"Organisme {unique}","mrc":"joliette","sector":"communautaire","services":["accueil"],"languages":["fr"],"isPublic":true}"""),
        ["PUT /api/partners/{id:guid}"] = EndpointRule.Organiser("""{"name":"Organisme","mrc":"joliette","sector":"communautaire","isPublic":true,"expectedVersion":1}"""),
        ["POST /api/partners/member-matching"] = EndpointRule.Organiser(query: "?mode=preview"),
        ["PUT /api/tables/{tableId:guid}/members/{memberId:guid}/organisation"] = EndpointRule.Organiser("""{"organisationId":null}"""),

        // Coordination board: organisers, and members for their own tables; the report is the organisers'
        ["GET /api/board"] = new(Callers.Organiser | Callers.OtherTableMember),
        ["PATCH /api/board/{tableId:guid}/items/{itemId:guid}"] = EndpointRule.TableMembers("""{"status":"done","expectedVersion":1}"""),
        ["POST /api/board/{tableId:guid}/rebuild"] = EndpointRule.Organiser(),
        ["GET /api/board/organisations/{organisationId:guid}"] = EndpointRule.Organiser(),
        ["GET /api/reports/activity"] = EndpointRule.Organiser(),
        ["GET /api/reports/activity.csv"] = EndpointRule.Organiser(),
        ["GET /api/reports/activity/list"] = EndpointRule.Organiser(query: "?figure=meetings"),

        // Portal content: anyone reads, organisers edit
        ["GET /api/portal/content"] = EndpointRule.Public(),
        ["PUT /api/portal/about"] = EndpointRule.Organiser("""{"markdownFr":"# À propos","markdownEn":"# About","expectedVersion":0}"""),
        ["POST /api/portal/news"] = EndpointRule.Organiser("""{"titleFr":"Nouvelle","titleEn":"News","markdownFr":"Texte","markdownEn":"Text"}"""),
        ["PUT /api/portal/news/{id:guid}"] = EndpointRule.Organiser("""{"titleFr":"Nouvelle","titleEn":"News","markdownFr":"Texte","markdownEn":"Text","expectedVersion":1}"""),
        ["DELETE /api/portal/news/{id:guid}"] = EndpointRule.Organiser(),

        // Live, platform, pages
        ["* /hubs/live/negotiate"] = EndpointRule.Public(method: "POST"),
        ["* /hubs/live"] = EndpointRule.Public(method: "GET"),
        ["* /health"] = EndpointRule.Public(method: "GET"),
        // Not by role but by network: direct requests from Telemetry:MetricsNetworks only, never through the proxy (MetricsEndpointTests).
        ["* /metrics"] = EndpointRule.Public(method: "GET"),
        ["GET /openapi/{documentName}.json"] = EndpointRule.Public(),
        ["GET /orleans*"] = EndpointRule.Organiser(),
        ["* /"] = EndpointRule.Public(method: "GET"),
        ["* /index.html"] = EndpointRule.Public(method: "GET"),
        ["* /login.html"] = EndpointRule.Public(method: "GET"),
        ["* /equipe"] = new(Callers.Organiser, Method: "GET"),
        ["* /evaluations/admin"] = new(Callers.Organiser, Method: "GET"),
        ["* /conservation"] = new(Callers.Organiser, Method: "GET"),
        ["* /evaluation"] = EndpointRule.Public(method: "GET"), // the personal link's page: its token is in the fragment
        ["* /attestation/{code}"] = EndpointRule.Public(method: "GET"),
        ["* /confidentialite"] = EndpointRule.Public(method: "GET"),
        ["* /acces-refuse"] = new(Callers.None, Method: "GET"), // the refusal itself: a 403 page for everyone
        ["* /equipe/invitation"] = EndpointRule.Public(method: "GET"),
        ["* /mot-de-passe/oublie"] = EndpointRule.Public(method: "GET"),
        ["* /mot-de-passe/nouveau"] = EndpointRule.Public(method: "GET"),
        ["* /join.html"] = EndpointRule.Public(method: "GET"),
        ["* /meetings.html"] = EndpointRule.Public(method: "GET"),
        ["* /meeting.html"] = EndpointRule.Public(method: "GET"),
        ["* /minutes.html"] = EndpointRule.Public(method: "GET"),
        ["* /colloque.html"] = EndpointRule.Public(method: "GET"),
        ["* /colloque-badge.html"] = EndpointRule.Public(method: "GET"),
        ["* /colloque-dashboard.html"] = EndpointRule.Public(method: "GET"),
        ["* /colloque-desk.html"] = EndpointRule.Public(method: "GET"),
        ["* /workshops"] = EndpointRule.Public(method: "GET"),
        ["* /workshops/index.html"] = EndpointRule.Public(method: "GET"),
        ["* /workshops/admin.html"] = EndpointRule.Public(method: "GET"),
        ["* /workshops/manage.html"] = EndpointRule.Public(method: "GET"),
        ["* /workshops/session.html"] = EndpointRule.Public(method: "GET"),
        ["* /a-propos"] = EndpointRule.Public(method: "GET"),
        ["* /coordination"] = new(Callers.All & ~Callers.OtherDesk, Method: "GET"), // a desk has no board
        ["* /coordination/organismes/{id:guid}"] = EndpointRule.Public(method: "GET"),
        ["* /nouvelles"] = EndpointRule.Public(method: "GET"),
        ["* /nouvelles/{slug}"] = EndpointRule.Public(method: "GET"),
        ["* /organismes/{slug}"] = EndpointRule.Public(method: "GET"),
        ["* /portail/gestion"] = EndpointRule.Public(method: "GET"),
        ["* /portail/organismes"] = new(Callers.Organiser, Method: "GET"),
        ["* /rapport"] = EndpointRule.Public(method: "GET"),
        ["* /rapport/liste"] = EndpointRule.Public(method: "GET"),
        ["* /repertoire"] = EndpointRule.Public(method: "GET"),
        ["* /colloque/{id:guid}"] = EndpointRule.Public(method: "GET"),
        ["* /colloque/{id:guid}/manage"] = EndpointRule.Public(method: "GET"),
        ["* /colloque/{id:guid}/screen"] = EndpointRule.Public(method: "GET"),

        // Colloque self-registration and programme (issue 9)
        ["GET /api/colloques/{id:guid}/public"] = EndpointRule.Public(),
        ["GET /api/colloques/{id:guid}/calendar.ics"] = EndpointRule.Public(),
        ["POST /api/colloques/{id:guid}/signups"] = EndpointRule.Public("""{"name":"Personne","organisation":"Org","email":"{unique}@exemple.qc.ca","category":"employer","mrc":"joliette","consent":true,"choices":[]}"""),
        ["POST /api/colloques/{id:guid}/manage-link"] = EndpointRule.Public("""{"email":"{unique}@exemple.qc.ca"}"""),
        ["GET /api/signups/{code}"] = EndpointRule.TokenHolder(),
        ["PATCH /api/signups/{code}"] = EndpointRule.TokenHolder("""{"needs":{"accessibility":"","dietary":""}}"""),
        ["DELETE /api/signups/{code}"] = EndpointRule.TokenHolder(),
        ["GET /api/signups/{code}/qr.svg"] = EndpointRule.TokenHolder(),
        ["PUT /api/colloques/{id:guid}/registration-settings"] = EndpointRule.Organiser("""{"opensAt":"2027-01-01T00:00:00Z","closesAt":"2027-05-01T00:00:00Z","totalCapacity":100,"categoryCapacity":{"employer":50}}"""),
        ["POST /api/colloques/{id:guid}/sessions"] = EndpointRule.Organiser("""{"titleFr":"Atelier","titleEn":"Atelier","kind":"atelier","room":"Salle","startsAt":"2027-05-20T14:00:00Z","endsAt":"2027-05-20T15:00:00Z","capacity":20,"speakers":[]}"""),
        ["PUT /api/colloques/{id:guid}/sessions/{sessionId:guid}"] = EndpointRule.Organiser("""{"titleFr":"Atelier","titleEn":"Atelier","kind":"atelier","room":"Salle","startsAt":"2027-05-20T14:00:00Z","endsAt":"2027-05-20T15:00:00Z","capacity":20,"speakers":[]}"""),
        ["DELETE /api/colloques/{id:guid}/sessions/{sessionId:guid}"] = EndpointRule.Organiser(),
        ["GET /api/colloques/{id:guid}/programme/stats"] = EndpointRule.Organiser(),
        ["GET /api/colloques/{id:guid}/sessions/{sessionId:guid}/attendees.csv"] = EndpointRule.Organiser(),
        ["PUT /api/colloques/{id:guid}/announcement"] = EndpointRule.Organiser("""{"text":"Bienvenue"}"""),
        ["PUT /api/colloques/{id:guid}/rooms/{room}/now"] = EndpointRule.ColloqueDesks("""{"follow":true}"""),
        ["POST /api/colloques/{id:guid}/rooms/{room}/advance"] = EndpointRule.ColloqueDesks(),
    };
}
