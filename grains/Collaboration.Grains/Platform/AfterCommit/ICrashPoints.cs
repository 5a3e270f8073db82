namespace Collaboration.Grains.Platform;

/// <summary>
/// Test-only: lets a node kill itself at a named step of the after-commit path, so a test hits each
/// step reliably (see the web node's <c>Testing:CrashAt</c>, refused in Production). The default does nothing.
/// </summary>
public interface ICrashPoints
{
    void Reached(CrashPoint point, IEffect effect);

    public static readonly ICrashPoints None = new NoCrashPoints();

    private sealed class NoCrashPoints : ICrashPoints
    {
        public void Reached(CrashPoint point, IEffect effect) { }
    }
}
