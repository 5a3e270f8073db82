namespace Collaboration.Grains.Runtime;

/// <summary>
/// Hands out grain references. A reference is a proxy: every call on it is queued on the host
/// for that key, so callers never hold a grain instance and never race on its state.
/// </summary>
public interface IGrainFactory
{
    TGrain GetGrain<TGrain>(string key) where TGrain : IGrainWithStringKey;

    TGrain GetGrain<TGrain>(Guid key) where TGrain : IGrainWithGuidKey;
}
