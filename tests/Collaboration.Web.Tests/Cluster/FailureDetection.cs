using Orleans.Configuration;

namespace Collaboration.Web.Tests.Cluster;

/// <summary>Membership settings of the test silos only: a dead silo is declared dead in seconds, not tens of seconds.</summary>
public static class FailureDetection
{
    /// <summary>
    /// Probes every 2 s (adaptive, bounded at 4 s), suspicion after 2 missed probes; with two silos
    /// one vote declares death. Loose enough that a busy 2-core machine does not suspect a live silo.
    /// </summary>
    public static void Fast(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(2);
        options.MaxProbeTimeout = TimeSpan.FromSeconds(4);
        options.NumMissedProbesLimit = 2;
        options.TableRefreshTimeout = TimeSpan.FromSeconds(2);
    }
}
