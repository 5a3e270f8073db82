using System.Diagnostics;
using Collaboration.Grains.Platform;

namespace Collaboration.Web.Platform;

/// <summary>
/// Test-only: <c>Testing:CrashAt = "Delivered:ApplyArrival"</c> (a <see cref="CrashPoint"/>, a colon, an effect's type
/// name, and optionally <c>:N</c>) makes the node kill itself (SIGKILL: no shutdown code runs) the first (or Nth) time
/// that step is reached for that effect, so a test hits each step of the after-commit path reliably. Off unless set;
/// refused in Production.
/// </summary>
public sealed class ProcessCrashPoints(CrashPoint point, string effect, int occurrence) : ICrashPoints
{
    public const string Setting = "Testing:CrashAt";

    private int _reached;

    public void Reached(CrashPoint reached, IEffect what)
    {
        if (reached == point && what.GetType().Name == effect && Interlocked.Increment(ref _reached) == occurrence) Process.GetCurrentProcess().Kill();
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
