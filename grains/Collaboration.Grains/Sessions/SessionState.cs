namespace Collaboration.Grains.Sessions;

[GenerateSerializer]
public sealed class SessionState
{
    [Id(0)] public bool Started { get; set; }
    [Id(1)] public List<string> Subjects { get; set; } = [];
    [Id(2)] public string Kind { get; set; } = "";
    [Id(3)] public string Label { get; set; } = "";
    [Id(4)] public DateTimeOffset StartedAt { get; set; }
    [Id(5)] public string? Address { get; set; }
    [Id(6)] public string? UserAgent { get; set; }
    [Id(7)] public DateTimeOffset? EndedAt { get; set; }
    [Id(8)] public string? EndReason { get; set; }
}
