using Collaboration.Grains.Colloque;
using Collaboration.Grains.Evaluations;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Collaboration.Grains.Tests.Regions;

/// <summary>
/// States written before <see cref="Mrc"/> merged <c>Colloque.Mrc</c> and <c>Partners.Mrc</c> read back as the same MRC:
/// the bytes below were written by the grain storage serializer with the old enums.
/// </summary>
public sealed class StoredMrcTests(GrainsSilo silo) : IClassFixture<GrainsSilo>
{
    /// <summary>A RegistrationState { Exists = true, Mrc = Colloque.Mrc.LesMoulins }.</summary>
    private const string RegistrationWithColloqueMrc =
        "IAADQSEAAAAAAAAAAAAAAAAAAAAAQQHBCQkDAcEJAQEBASGAAAAAAAAAAACBAAAAAAAAAADgwQHBAQEBIeAh4AkDFQEBAQHBCcEBQQVmcsEBISDgAQHgwQnBAQEBAQEBAcEJwQEnfSDgAQHg4A==";

    /// <summary>A StoredAnswer { Revision = 1, Mrc = Partners.Mrc.Montcalm }.</summary>
    private const string AnswerWithPartnersMrc = "IAAFCQMRIeBhAAAAAOA=";

    private Serializer Serializer => silo.Cluster.Silos[0].ServiceProvider.GetRequiredService<Serializer>();

    [Fact]
    public void A_registration_written_with_the_colloque_enum_keeps_its_mrc()
    {
        var state = Serializer.Deserialize<RegistrationState>(Convert.FromBase64String(RegistrationWithColloqueMrc))!;

        Assert.True(state.Exists);
        Assert.Equal(Mrc.LesMoulins, state.Mrc);
    }

    [Fact]
    public void An_answer_written_with_the_partners_enum_keeps_its_mrc()
    {
        var answer = Serializer.Deserialize<StoredAnswer>(Convert.FromBase64String(AnswerWithPartnersMrc))!;

        Assert.Equal(1, answer.Revision);
        Assert.Equal(Mrc.Montcalm, answer.Mrc);
    }
}
