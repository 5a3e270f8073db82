using Collaboration.Grains.Colloque;
using Collaboration.Grains.Regions;

namespace Collaboration.Web.Colloque;

/// <summary><c>Override</c> (organiser only): admit although the category is full.</summary>
public sealed record WalkInBody(string? Name, string? Organisation, string? Category, string? Email, string? Nonce, string? Operator, string? Mrc = null,
    bool? Override = null);
