namespace Collaboration.Grains.Platform;

/// <summary>A grain state that carries effects (see <see cref="AfterCommitGrain{TState}"/>).</summary>
public interface IEffectState
{
    EffectOutbox Effects { get; }
}
