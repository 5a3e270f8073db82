using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Colloque;

/// <summary>Badge codes ("K7QM4TZPXW": 10 characters, no look-alikes, about 50 bits).</summary>
public static class BadgeCodes
{
    public static string New() => ReadableCodes.New(10);
}
