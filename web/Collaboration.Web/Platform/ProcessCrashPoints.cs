using System.Diagnostics;
using Collaboration.Grains.Platform;

namespace Collaboration.Web.Platform;

/// <summary>
/// Test-only: <c>Testing:CrashAt = "Delivered:ApplyArrival"</c> (a <see cref="CrashPoint"/>, a colon, an effect's type
/// name, and optionally <c>:N</c>) makes the node kill itself (SIGKILL: no shutdown code runs) when the first (or Nth)
/// distinct effect of that type reaches that step, so a test hits each step of the after-commit path reliably. Effects
/// are told apart by value (they are records): one still pending when the next write commits, or retried, is not counted
/// again, so "the session's third email" names the same message however the deliveries interleave. Off unless set;
/// refused in Production.
/// </summary>
public sealed class ProcessCrashPoints(CrashPoint point, string effect, int occurrence) : ICrashPoints
{
    public const string Setting = "Testing:CrashAt";

    private readonly HashSet<IEffect> _reached = [];

    public void Reached(CrashPoint reached, IEffect what)
    {
        if (reached != point || what.GetType().Name != effect) return;
        bool kill;
        lock (_reached) kill = _reached.Add(what) && _reached.Count == occurrence;
        if (kill) Process.GetCurrentProcess().Kill();
    }

    public static void Add(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration[Setting] is not { Length: > 0 } value) return;
        if (environment.IsProduction())
            throw new InvalidOperationException($"{Setting} is a test-only setting: it is refused in Production.");
        var parts = value.Split(':');
        var occurrence = 1;
        if (parts.Length is < 2 or > 3 || !Enum.TryParse<CrashPoint>(parts[0], out var point) || parts.Length == 3 && !int.TryParse(parts[2], out occurrence))
            throw new InvalidOperationException($"{Setting} is \"Committed|Delivering|Delivered:EffectTypeName[:N]\", not \"{value}\".");
        services.AddSingleton<ICrashPoints>(new ProcessCrashPoints(point, parts[1], occurrence));
    }
}
