namespace Collaboration.Grains.Colloque;

[GenerateSerializer, Immutable]
public sealed record UndoAnswer(UndoResult Result, long CheckInVersion = 0);
