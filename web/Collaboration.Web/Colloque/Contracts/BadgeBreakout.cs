using Collaboration.Grains.Colloque;

namespace Collaboration.Web.Colloque;

public sealed record BadgeBreakout(Guid SessionId, string TitleFr, string TitleEn, string Room, DateTimeOffset StartsAt, DateTimeOffset EndsAt, ChoiceStatus Status);
