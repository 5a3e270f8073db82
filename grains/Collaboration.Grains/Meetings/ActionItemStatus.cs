using Collaboration.Grains.Tables;

namespace Collaboration.Grains.Meetings;

public enum ActionItemStatus { Open, Done }
