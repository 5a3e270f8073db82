using Collaboration.Grains.Partners;

namespace Collaboration.Grains.Evaluations;

/// <summary>
/// One answer as the results grain keeps it: the values, the MRC it counts for in the report, and the day. No name,
/// email, registration code or invitation id: the key it is stored under comes from the link's token by a one-way hash.
/// </summary>
[GenerateSerializer]
public sealed class StoredAnswer
{
    [Id(0)] public int Revision { get; set; }
    [Id(1)] public Mrc? Mrc { get; set; }
    [Id(2)] public Dictionary<string, string> Values { get; set; } = [];
    [Id(3)] public DateOnly Day { get; set; }
}
