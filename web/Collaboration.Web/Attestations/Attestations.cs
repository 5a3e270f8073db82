using Collaboration.Grains.Attestations;
using Collaboration.Grains.Participation;
using Collaboration.Web.Mail;

namespace Collaboration.Web.Attestations;

/// <summary>
/// Attestations of participation: only for someone marked present (workshop attendance, colloque check-in); the code is
/// issued once per person and event by <see cref="IAttestationRegistryGrain"/>, and a code verifies only while the event
/// still counts the person present (an erased or anonymised person's attestation stops verifying).
/// </summary>
public sealed class Attestations(IGrainFactory grains, IServiceProvider services, MailLinks links, IConfiguration configuration)
{
    public const string DefaultPartnership = "Table régionale en immigration de Lanaudière";

    public string Partnership => configuration["Attestations:Partnership"] is { Length: > 0 } name ? name : DefaultPartnership;

    private IAttestationRegistryGrain Registry => grains.GetGrain<IAttestationRegistryGrain>("all");

    public Uri VerifyUrl(string code) => new(links.Base, $"attestation/{code}");

    /// <summary>The person's attestation, or null when they were not marked present (or are unknown, erased, anonymised).</summary>
    public async Task<AttestationDocument?> ForAsync(EventSubject subject, string reference)
    {
        if (await ParticipationReader.EventAsync(grains, subject) is not { } ev) return null;
        if (await ParticipationReader.FindAsync(grains, services, subject, reference) is not { } person) return null;
        var code = (await Registry.IssueAsync([new AttestationEntry(subject.Key, person.Reference, default)]))[0];
        return Document(ev, person, code);
    }

    /// <summary>Everyone present, each with their code (issued in one call).</summary>
    public async Task<IReadOnlyList<AttestationDocument>> AllAsync(EventSubject subject)
    {
        if (await ParticipationReader.EventAsync(grains, subject) is not { } ev) return [];
        var people = await ParticipationReader.PresentAsync(grains, services, subject);
        var codes = await Registry.IssueAsync([.. people.Select(p => new AttestationEntry(subject.Key, p.Reference, default))]);
        return [.. people.Zip(codes, (person, code) => Document(ev, person, code))];
    }

    public async Task<bool> VerifyAsync(string code)
    {
        if (code.Length is < 4 or > 40 || await Registry.FindAsync(code) is not { } entry || !EventSubject.TryParse(entry.Subject, out var subject)) return false;
        return await ParticipationReader.FindAsync(grains, services, subject, entry.Reference) is not null;
    }

    public byte[] Pdf(AttestationDocument doc) => AttestationPdf.Build(doc, Partnership);

    public byte[] Zip(IEnumerable<AttestationDocument> docs) => AttestationPdf.Zip(docs, Partnership);

    private AttestationDocument Document(ParticipationEvent ev, Participant person, string code) =>
        new(person.Name, person.Organisation, ev.TitleFr, ev.TitleEn, ev.StartsAt, ev.Hours, ev.Place, code, VerifyUrl(code), person.Reference);
}
