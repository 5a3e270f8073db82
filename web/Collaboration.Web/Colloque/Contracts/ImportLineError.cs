using Collaboration.Web.Platform;

namespace Collaboration.Web.Colloque;

public sealed record ImportLineError(int Line, IReadOnlyList<BilingualText> Messages);
