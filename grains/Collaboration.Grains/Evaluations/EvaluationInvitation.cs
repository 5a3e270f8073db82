using Collaboration.Grains.Partners;

namespace Collaboration.Grains.Evaluations;

/// <summary>
/// One person invited to answer (someone marked present): who they are, for their email and the organiser's
/// "answered or not", and their link's token only as its hash. Never their answer: that is in
/// <see cref="IEvaluationResultsGrain"/>, under a key only their token gives.
/// </summary>
[GenerateSerializer]
public sealed class EvaluationInvitation
{
    [Id(0)] public long Id { get; set; }
    [Id(1)] public string Reference { get; set; } = "";
    [Id(2)] public string Name { get; set; } = "";
    [Id(3)] public string Organisation { get; set; } = "";
    [Id(4)] public string Email { get; set; } = "";
    [Id(5)] public string? Language { get; set; }
    [Id(6)] public Mrc? Mrc { get; set; }
    [Id(7)] public string TokenHash { get; set; } = "";
    [Id(8)] public string? SealedToken { get; set; }
    [Id(9)] public DateTimeOffset InvitedAt { get; set; }
    [Id(10)] public DateTimeOffset? RemindedAt { get; set; }
    [Id(11)] public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>Rises with each answer or change: the results grain keeps the highest.</summary>
    [Id(12)] public int Revision { get; set; }

    /// <summary>Name, email and link are gone (retention period of links over, or the person erased); the counts stay.</summary>
    [Id(13)] public bool Forgotten { get; set; }
}
