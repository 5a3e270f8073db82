using System.Text.RegularExpressions;

namespace Collaboration.Browser.Tests.Meetings;

[Collection(BrowserCollection.Name)]
public sealed class TablesPageTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Organiser_CreatesATable_AddsAMemberWithALink_AndOpensANewMeeting()
    {
        // Arrange
        await using var session = await fixture.NewSessionAsync(output);
        var page = session.Page;
        await page.Context.APIRequest.PostAsync("/api/auth/login", new() { DataObject = new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword } });
        await page.GotoAsync("/meetings.html");

        // Act: a table
        await page.GetByLabel("Nom de la table").FillAsync("Table de Rimouski-Neigette");
        await page.GetByLabel("Quorum").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer" }).First.ClickAsync();

        // Assert
        await Expect(page.GetByTestId("table-name")).ToHaveTextAsync("Table de Rimouski-Neigette");

        // Act: a member
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync("Julie Bérubé");
        await page.GetByLabel("Organisme").FillAsync("Chambre de commerce");
        await page.GetByLabel("Secteur").SelectOptionAsync("economique");
        await page.GetByLabel("Courriel", new() { Exact = true }).FillAsync("julie@exemple.qc.ca"); // exact: the "Courriels" (outbox) section is labelled too
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter un membre" }).ClickAsync();

        // Assert: the personal link is shown once, the member is listed
        await Expect(page.GetByTestId("sign-in-link").Locator("input")).ToHaveValueAsync(new Regex("/join\\.html#t=.{20,}"));
        await Expect(page.GetByTestId("member")).ToContainTextAsync("Julie Bérubé");
        await Expect(page.GetByTestId("member")).ToContainTextAsync("Économique");

        // Act: a meeting
        await page.GetByLabel("Titre").FillAsync("Rencontre de janvier");
        await page.GetByLabel("Début").FillAsync("2027-01-20T13:30");
        await page.GetByLabel("Lieu").FillAsync("Hôtel de ville");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer" }).Last.ClickAsync();

        // Assert: straight into the room, in draft, with the member on the attendance list
        await Expect(page).ToHaveURLAsync(new Regex("/meeting\\.html\\?id="));
        await Expect(page.GetByTestId("meeting-title")).ToHaveTextAsync("Rencontre de janvier");
        await Expect(page.GetByTestId("meeting-status")).ToHaveTextAsync("En préparation");
        await Expect(page.GetByTestId("attendee")).ToContainTextAsync("Julie Bérubé");
        await Expect(page.GetByTestId("start-meeting")).ToBeVisibleAsync();
    }
}
