using Collaboration.Grains.Live;
using Collaboration.Grains.Tables;

namespace Collaboration.Grains.Meetings;

[GenerateSerializer]
public sealed class AgendaItemState
{
    [Id(0)] public Guid Id { get; set; }
    [Id(1)] public string Title { get; set; } = "";
    [Id(2)] public string Presenter { get; set; } = "";
    [Id(3)] public int PlannedMinutes { get; set; }
    [Id(4)] public string Notes { get; set; } = "";
    [Id(5)] public bool Done { get; set; }
    [Id(6)] public long Version { get; set; }

    /// <summary>Time spent as the current item before the present stint.</summary>
    [Id(7)] public int SpentSeconds { get; set; }

    /// <summary>When it became the current item (null when it is not current).</summary>
    [Id(8)] public DateTimeOffset? CurrentSince { get; set; }

    /// <summary>The earlier meeting whose minutes this item adopts ("Adoption du procès-verbal…").</summary>
    [Id(9)] public Guid? AdoptsMinutesOf { get; set; }
}
