using Collaboration.Grains.Mail;

namespace Collaboration.Grains.Colloque;

/// <summary>One registration's outbox as it reports it to its colloque's ledger; a higher <see cref="Version"/> replaces a lower one.</summary>
[GenerateSerializer, Immutable]
public sealed record ColloqueMailReport(string Code, long Version, IReadOnlyList<OutboxMailView> Mails);
