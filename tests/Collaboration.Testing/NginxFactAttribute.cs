using Xunit;

namespace Collaboration.Testing;

/// <summary>
/// A test that needs Debian's nginx (<see cref="NginxProxy.NginxPath"/>): skipped, with the reason, where it is not
/// installed. CI installs it (.ci/run), so there it always runs.
/// </summary>
public sealed class NginxFactAttribute : FactAttribute
{
    public NginxFactAttribute()
    {
        if (!NginxProxy.IsInstalled) Skip = $"{NginxProxy.NginxPath} is not installed (Debian: apt-get install -y nginx).";
    }
}
