namespace Collaboration.Silo.ChangeFeed;

/// <summary>Tells the other nodes that this node committed a write (PostgreSQL: NOTIFY, batched).</summary>
public interface ICommitNotifier
{
    void Notify(GrainCommit commit);
}
