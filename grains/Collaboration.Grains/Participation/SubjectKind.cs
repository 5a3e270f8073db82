namespace Collaboration.Grains.Participation;

/// <summary>What people took part in: an employer workshop session, a colloque, or one atelier of a colloque.</summary>
public enum SubjectKind { Workshop, Colloque, Atelier }
