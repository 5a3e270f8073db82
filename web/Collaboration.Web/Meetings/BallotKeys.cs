using System.Security.Cryptography;
using System.Text;
using Collaboration.Grains.Meetings;
using Microsoft.AspNetCore.DataProtection;

namespace Collaboration.Web.Meetings;

/// <summary>
/// A member's key for one secret vote: HMAC-SHA256 of the motion and member under the cluster's ballot secret
/// (<see cref="IBallotSecretGrain"/>, sealed by the data-protection key ring). The meeting grain stores the choice
/// under this key only, so its state — and a copy of the database — never says who voted what; the member's own
/// node can still find their ballot to show it back or change it.
/// </summary>
public sealed class BallotKeys(IGrainFactory grains, IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Concertation.Meetings.BallotSecret");
    private byte[]? _secret;

    public async Task<string> ForAsync(Guid motionId, Guid memberId)
    {
        var secret = _secret ??= await LoadAsync();
        return Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes($"{motionId:N}/{memberId:N}")));
    }

    /// <summary>The keys of the secret motions of a meeting for one member (to show their own choices back).</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> ForMeetingAsync(MeetingView meeting, Guid memberId)
    {
        var keys = new Dictionary<Guid, string>();
        foreach (var motion in (meeting.Motions ?? []).Where(m => m.Kind == MotionKind.Secret))
            keys[motion.Id] = await ForAsync(motion.Id, memberId);
        return keys;
    }

    private async Task<byte[]> LoadAsync()
    {
        var candidate = _protector.Protect(RandomNumberGenerator.GetBytes(32));
        var stored = await grains.GetGrain<IBallotSecretGrain>("default").GetOrSetAsync(Convert.ToBase64String(candidate));
        return _protector.Unprotect(Convert.FromBase64String(stored));
    }
}
