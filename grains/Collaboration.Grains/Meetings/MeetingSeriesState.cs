using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Meetings;

[GenerateSerializer]
public sealed class MeetingSeriesState : IEffectState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public long Version { get; set; }
    [Id(2)] public string Title { get; set; } = "";
    [Id(3)] public string Location { get; set; } = "";
    [Id(4)] public SeriesRule Rule { get; set; } = new(1, DayOfWeek.Wednesday, 13, 30);
    [Id(5)] public List<AgendaTemplateItem> StandingItems { get; set; } = [];

    /// <summary>The meetings created from the series, in date order.</summary>
    [Id(6)] public List<SeriesOccurrence> Occurrences { get; set; } = [];

    /// <summary>When the series was set up: its first meeting is the rule's first date after it.</summary>
    [Id(7)] public DateTimeOffset Since { get; set; }

    /// <summary>The meetings still to create and list on the table (see <see cref="CreateSeriesMeeting"/>).</summary>
    [Id(90)] public EffectOutbox Effects { get; set; } = new();
}
