using System.Diagnostics.CodeAnalysis;

namespace Collaboration.Grains.Participation;

/// <summary>
/// An event people took part in, named by one string key (<c>workshop:{id}</c>, <c>colloque:{id}</c>,
/// <c>atelier:{colloqueId}:{sessionId}</c>): the key of its evaluation grains and of its attestations.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record EventSubject([property: Id(0)] SubjectKind Kind, [property: Id(1)] Guid Id, [property: Id(2)] Guid? SessionId = null)
{
    public string Key => Kind switch
    {
        SubjectKind.Workshop => $"workshop:{Id:N}",
        SubjectKind.Colloque => $"colloque:{Id:N}",
        _ => $"atelier:{Id:N}:{SessionId:N}",
    };

    public static EventSubject Workshop(Guid sessionId) => new(SubjectKind.Workshop, sessionId);

    public static EventSubject Colloque(Guid colloqueId) => new(SubjectKind.Colloque, colloqueId);

    public static EventSubject Atelier(Guid colloqueId, Guid sessionId) => new(SubjectKind.Atelier, colloqueId, sessionId);

    public static bool TryParse(string? key, [NotNullWhen(true)] out EventSubject? subject)
    {
        subject = null;
        var parts = key?.Split(':');
        if (parts is null || parts.Length is < 2 or > 3 || !Guid.TryParseExact(parts[1], "N", out var id)) return false;
        subject = (parts[0], parts.Length) switch
        {
            ("workshop", 2) => Workshop(id),
            ("colloque", 2) => Colloque(id),
            ("atelier", 3) when Guid.TryParseExact(parts[2], "N", out var session) => Atelier(id, session),
            _ => null,
        };
        return subject is not null;
    }

    public override string ToString() => Key;
}
