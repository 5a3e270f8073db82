using Orleans.Storage;

namespace Collaboration.Silo.Storage.Postgres;

/// <summary>
/// Puts the grain's type into the state name the stock ADO.NET grain storage keys its rows by.
/// <para>
/// Orleans 10.4.2's <c>AdoNetGrainStorage</c> sends the <em>state name</em> of <c>[PersistentState("state", …)]</c> as
/// <c>@GrainTypeString</c> (and hashes it into <c>@GrainTypeHash</c>), and for a Guid- or integer-keyed grain the key
/// parameters carry only the key. So two grain types with the same key and the same state name — the colloque
/// grain and its directory grain, both keyed by the colloque's id and both naming their state "state" — read and
/// wrote ONE row: a new colloque's directory activated from the colloque's payload and failed to deserialize it.
/// Passing "{grain type}/{state name}" keeps every grain type's state in its own row; the SQLite storage keys by
/// the whole <see cref="GrainId"/> already.
/// </para>
/// </summary>
internal sealed class GrainTypeScopedStorage(IGrainStorage inner) : IGrainStorage
{
    private static string Scoped(string stateName, GrainId grainId) => $"{grainId.Type}/{stateName}";

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(Scoped(stateName, grainId), grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.WriteStateAsync(Scoped(stateName, grainId), grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(Scoped(stateName, grainId), grainId, grainState);
}
