using System.Text;
using System.Text.RegularExpressions;

namespace Collaboration.Browser.Tests.Colloque;

[Collection(BrowserCollection.Name)]
public sealed class OrganiserPageTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Organiser_CreatesAColloque_PreviewsAnImportWithLineErrors_AppliesIt_AndPairsADesk()
    {
        // Arrange
        await using var session = await fixture.NewSessionAsync(output);
        var page = session.Page;
        await page.GotoAsync("/login.html?returnUrl=/colloque.html");
        await page.GetByLabel("Courriel").FillAsync(BrowserAppFixture.OrganiserEmail);
        await page.GetByLabel("Mot de passe").FillAsync(BrowserAppFixture.OrganiserPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync("**/colloque.html");
        var rows = string.Join("\n", Enumerable.Range(0, 600).Select(i => $"Personne {i};Org;{(i == 7 ? "Astronaute" : "MRC")};p{i}@exemple.qc.ca"));
        var csv = Encoding.UTF8.GetBytes("Nom;Organisation;Catégorie;Courriel\n" + rows);

        // Act
        await page.GetByLabel("Titre", new() { Exact = true }).FillAsync("Colloque de l'organisateur");
        await page.GetByLabel("Date").FillAsync("2026-11-26");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le colloque" }).ClickAsync();
        await page.WaitForURLAsync("**/colloque.html?id=*");
        // The page wires the import form once the colloque has loaded (its title shows).
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Colloque de l'organisateur", Exact = false }))
            .ToBeVisibleAsync(new() { Timeout = Timeouts.Ui });
        await page.GetByTestId("import-file").SetInputFilesAsync(new FilePayload { Name = "inscrits.csv", MimeType = "text/csv", Buffer = csv });

        // Assert: the preview names the bad line, nothing is stored yet; applying fills the progress bar.
        await Expect(page.GetByTestId("import-preview")).ToContainTextAsync("600 ligne(s) lue(s)", new() { Timeout = Timeouts.Ui });
        await Expect(page.Locator("[data-testid=import-errors] li")).ToHaveTextAsync(new Regex("^Ligne 9 : Catégorie inconnue"), new() { Timeout = Timeouts.Ui });
        await page.GetByTestId("import-apply").ClickAsync();
        await Expect(page.Locator("[data-import-result]")).ToHaveTextAsync("Import terminé : 599 ajoutée(s), 0 mise(s) à jour, 1 ligne(s) ignorée(s).", new() { Timeout = Timeouts.Reconnect });
        await Expect(page.GetByTestId("import-progress")).ToHaveAttributeAsync("value", "600", new() { Timeout = Timeouts.Ui });

        // Act: a desk and its pairing code.
        await page.GetByLabel("Nom de l’accueil").FillAsync("Accueil principal");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter un accueil" }).ClickAsync();

        // Assert
        await Expect(page.GetByTestId("pairing-code")).ToContainTextAsync(new Regex("Code : [A-Z0-9]{4}-[A-Z0-9]{4}"), new() { Timeout = Timeouts.Ui });
    }
}
