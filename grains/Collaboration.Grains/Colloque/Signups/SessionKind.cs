namespace Collaboration.Grains.Colloque;

/// <summary>What a programme session is. Only ateliers are chosen (and may have a capacity); everyone attends the rest.</summary>
public enum SessionKind { Plenary, Panel, Atelier }
