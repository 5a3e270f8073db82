namespace Collaboration.Grains.Workshops.Events;

/// <summary>Every workshop event carries the seat counts: all that the public topic shows of it.</summary>
public interface IWorkshopEvent
{
    WorkshopCounts Counts { get; }
}
