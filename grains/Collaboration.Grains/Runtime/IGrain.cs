namespace Collaboration.Grains.Runtime;

/// <summary>Marker for grain interfaces. Every method returns <see cref="Task"/> or <see cref="Task{T}"/>.</summary>
public interface IGrain;

/// <summary>A grain addressed by a string key (an email, a registration code…).</summary>
public interface IGrainWithStringKey : IGrain;

/// <summary>A grain addressed by a <see cref="Guid"/> key (a meeting, a workshop session…).</summary>
public interface IGrainWithGuidKey : IGrain;
