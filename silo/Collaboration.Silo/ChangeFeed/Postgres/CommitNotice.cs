using Collaboration.Grains.Runtime;

namespace Collaboration.Silo.ChangeFeed.Postgres;

/// <summary>
/// The NOTIFY payload: which node committed which grain from which version to which — never the
/// events themselves (the log has them, and NOTIFY payloads are small).
/// </summary>
public readonly record struct CommitNotice(Guid NodeId, GrainId GrainId, long FromVersion, long Version)
{
    public const string Channel = "concertation_commits";

    public string Format() => $"{NodeId:N}|{FromVersion}|{Version}|{GrainId}";

    public static bool TryParse(string payload, out CommitNotice notice)
    {
        notice = default;
        var parts = payload.Split('|', 4);
        if (parts.Length != 4 ||
            !Guid.TryParseExact(parts[0], "N", out var node) ||
            !long.TryParse(parts[1], out var from) ||
            !long.TryParse(parts[2], out var to) ||
            !GrainId.TryParse(parts[3], out var id))
            return false;
        notice = new CommitNotice(node, id, from, to);
        return true;
    }
}
