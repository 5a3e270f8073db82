using Collaboration.Grains.Meetings;
using Collaboration.Grains.Tables;

namespace Collaboration.Grains.Tests.Meetings;

/// <summary>The meeting's list of documents: the size rules, an item's documents going with it, a closed meeting read-only.</summary>
public sealed class MeetingDocumentsGrainTests(GrainsSilo silo) : IClassFixture<GrainsSilo>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private async Task<(IMeetingGrain Grain, Guid[] Items)> MeetingAsync()
    {
        var member = new RosterMember(Guid.NewGuid(), "Membre", "Organisme", Sector.Economique, MemberRole.Member);
        var grain = silo.Grains.GetGrain<IMeetingGrain>(Guid.NewGuid());
        await grain.CreateAsync(new MeetingSetup(Guid.NewGuid(), "Table", "Rencontre", silo.Clock.GetUtcNow(), "", 1, [member], [], "org")).WaitAsync(Timeout);
        var items = new[] { Guid.NewGuid(), Guid.NewGuid() };
        foreach (var item in items) await grain.AddAgendaItemAsync(item, new AgendaItemInput($"Point {item}", "", 10, "")).WaitAsync(Timeout);
        return (grain, items);
    }

    private static AgendaDocument Document(Guid item, long size, string name = "ordre-du-jour.pdf") =>
        new(Guid.NewGuid(), item, name, "application/pdf", size, "Organisatrice", null, default);

    [Fact]
    public async Task Documents_UpTo200MegabytesPerMeeting_AreListed_AndOneMoreIsRefused()
    {
        // Arrange: ten documents of 20 MB, the meeting's whole allowance.
        var (grain, items) = await MeetingAsync();
        for (var i = 0; i < 10; i++)
            Assert.Equal(MeetingOutcome.Applied, (await grain.AttachDocumentAsync(Document(items[i % 2], MeetingGrain.MaxDocumentBytes))).Outcome);

        // Act
        var refused = await grain.AttachDocumentAsync(Document(items[0], 1)).WaitAsync(Timeout);

        // Assert: refused, and nothing listed past the ten.
        Assert.Equal(MeetingOutcome.DocumentsFull, refused.Outcome);
        Assert.Equal(10, (await grain.GetAsync())!.Documents!.Count);
        Assert.Equal(MeetingGrain.MaxMeetingDocumentBytes, (await grain.GetAsync())!.Documents!.Sum(d => d.Size));
    }

    [Fact]
    public async Task Document_OverItsLimit_OrOnAnUnknownItem_IsRefused()
    {
        var (grain, items) = await MeetingAsync();

        Assert.Equal(MeetingOutcome.Invalid, (await grain.AttachDocumentAsync(Document(items[0], MeetingGrain.MaxDocumentBytes + 1))).Outcome);
        Assert.Equal(MeetingOutcome.Invalid, (await grain.AttachDocumentAsync(Document(items[0], 0))).Outcome);
        Assert.Equal(MeetingOutcome.UnknownItem, (await grain.AttachDocumentAsync(Document(Guid.NewGuid(), 10))).Outcome);
        Assert.Empty((await grain.GetAsync())!.Documents!);
    }

    [Fact]
    public async Task RemovingAnItem_RemovesItsDocuments_AndTheOthersStay()
    {
        var (grain, items) = await MeetingAsync();
        var onFirst = Document(items[0], 100);
        var onSecond = Document(items[1], 100);
        await grain.AttachDocumentAsync(onFirst).WaitAsync(Timeout);
        await grain.AttachDocumentAsync(onSecond).WaitAsync(Timeout);
        var item = (await grain.GetAsync())!.Agenda.First(i => i.Id == items[0]);

        await grain.RemoveAgendaItemAsync(items[0], item.Version).WaitAsync(Timeout);

        Assert.Equal([onSecond.Id], (await grain.GetAsync())!.Documents!.Select(d => d.Id));
    }

    [Fact]
    public async Task RemovedDocument_IsNoLongerListed_AndAClosedMeetingTakesNoMore()
    {
        var (grain, items) = await MeetingAsync();
        var document = Document(items[0], 100);
        await grain.AttachDocumentAsync(document).WaitAsync(Timeout);

        Assert.Equal(MeetingOutcome.Applied, (await grain.RemoveDocumentAsync(document.Id)).Outcome);
        Assert.Empty((await grain.GetAsync())!.Documents!);
        await grain.StartAsync().WaitAsync(Timeout);
        await grain.CloseAsync().WaitAsync(Timeout);
        Assert.Equal(MeetingOutcome.ReadOnly, (await grain.AttachDocumentAsync(Document(items[0], 100))).Outcome);
    }
}
