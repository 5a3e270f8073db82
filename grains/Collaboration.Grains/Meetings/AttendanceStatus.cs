using Collaboration.Grains.Tables;

namespace Collaboration.Grains.Meetings;

public enum AttendanceStatus { Present, Remote, Absent, Excused }
