namespace Collaboration.Grains.Meetings;

/// <summary>The earlier meeting whose minutes a new meeting adopts: its agenda gets "Adoption du procès-verbal de la rencontre du …".</summary>
[GenerateSerializer, Immutable]
public sealed record MinutesToAdopt(Guid MeetingId, string ItemTitle);
