using Collaboration.Grains.Colloque;

namespace Collaboration.Web.Colloque;

public sealed record UndoResponse(UndoResult Result);
