using Collaboration.Grains.Colloque;
using Collaboration.Grains.Regions;

namespace Collaboration.Web.Colloque;

public sealed record AttendeeRequest(string? Name, string? Organisation, string? Category, string? Email, string? Mrc = null);
