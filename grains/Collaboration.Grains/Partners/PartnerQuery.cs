namespace Collaboration.Grains.Partners;

/// <summary>
/// A directory search: every word of <see cref="Text"/> must start a word of the organisation's
/// name, other names, MRC, services, sector, address, contact or languages (accents and case
/// ignored); every service in <see cref="Services"/> must be offered. Non-public organisations only
/// when <see cref="IncludeNonPublic"/> (organisers).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PartnerQuery(
    string? Text = null,
    Mrc? Mrc = null,
    IReadOnlyList<ServiceTag>? Services = null,
    string? Language = null,
    bool IncludeNonPublic = false,
    int Skip = 0,
    int Take = 50);
