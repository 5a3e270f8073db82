namespace Collaboration.Grains.Meetings;

/// <summary>One item of a series' agenda template; <see cref="AdoptsMinutes"/> marks the slot of "Adoption du procès-verbal…".</summary>
[GenerateSerializer, Immutable]
public sealed record AgendaTemplateItem([property: Id(0)] string Title, [property: Id(1)] int PlannedMinutes, [property: Id(2)] bool AdoptsMinutes = false);
