namespace Collaboration.Web.Colloque;

public sealed record CancelRequest(bool Cancelled);
