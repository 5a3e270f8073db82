namespace Collaboration.Web.Colloque;

public sealed record RegistrationCreated(string Code, bool Created);
