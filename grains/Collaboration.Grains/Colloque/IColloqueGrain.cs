using Collaboration.Grains.Live;

namespace Collaboration.Grains.Colloque;

/// <summary>
/// A colloque: its details, desks and arrival aggregates (counts by category and desk, recent
/// arrivals). It is NOT the truth about who is checked in — each <see cref="IRegistrationGrain"/>
/// is — it mirrors them through <see cref="ApplyArrivalAsync"/>, which each registration calls through
/// the after-commit path (<see cref="ApplyArrival"/>) and which is idempotent per code and check-in version.
/// </summary>
[Alias("colloque")]
public interface IColloqueGrain : IGrainWithGuidKey, ILiveFeedGrain
{
    Task<bool> CreateAsync(ColloqueDetails details);

    Task<ColloqueView?> GetAsync();

    /// <summary>Title, date and venue only: what a page or an email needs, without the day's arrivals.</summary>
    Task<ColloqueDetails?> GetDetailsAsync();

    Task<Desk?> AddDeskAsync(string deskId, string name);

    Task<ArrivalApplication> ApplyArrivalAsync(ArrivalChange change);

    /// <summary>An operator's tool: re-reads every registration's check-in and applies what is missing (the product is correct without it); returns how many changed.</summary>
    Task<int> RebuildAsync();

    /// <summary>Forgets the name of an erased attendee in the recent arrivals (counts are kept).</summary>
    Task ForgetNameAsync(string code);
}
