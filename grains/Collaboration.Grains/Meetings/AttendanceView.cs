using Collaboration.Grains.Tables;

namespace Collaboration.Grains.Meetings;

[GenerateSerializer, Immutable]
public sealed record AttendanceView(Guid MemberId, AttendanceStatus Status, DateTimeOffset? ArrivedAt, string SetBy, long Version);
