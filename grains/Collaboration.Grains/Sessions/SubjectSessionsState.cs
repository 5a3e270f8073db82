namespace Collaboration.Grains.Sessions;

[GenerateSerializer]
public sealed class SubjectSessionsState
{
    /// <summary>Sessions not known to have ended (pruned when listed or ended).</summary>
    [Id(0)] public List<string> SessionIds { get; set; } = [];
}
