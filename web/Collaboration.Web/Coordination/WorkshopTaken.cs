namespace Collaboration.Web.Coordination;

public sealed record WorkshopTaken(Guid SessionId, string TitleFr, string TitleEn, DateTimeOffset StartsAt, int Registrations, int Seats, int Attended);
