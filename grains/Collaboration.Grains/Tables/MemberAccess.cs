namespace Collaboration.Grains.Tables;

/// <summary>
/// What a request's permission check needs of one member: their role, whether their access is revoked, and the stamp
/// their cookie must carry. A few bytes, where <see cref="ITableGrain.GetAsync"/> copies every member.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MemberAccess(MemberRole Role, bool Revoked, int Stamp);
