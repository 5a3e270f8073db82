namespace Collaboration.Grains.Meetings;

/// <summary>
/// What the chair types to open a motion: the resolution ("il est résolu que…", as typed), the proposer and
/// seconder (two members marked present or remote), open or secret, and whether members see the running totals.
/// The agenda item is the current one unless given.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MotionInput(
    string Text, Guid ProposerId, Guid SeconderId, MotionKind Kind, bool TotalsVisible, Guid? AgendaItemId = null);
