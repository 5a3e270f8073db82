namespace Collaboration.Grains.Colloque;

public enum UndoResult { Undone, NotCheckedIn, Unknown, OtherDesk, TooLate }
