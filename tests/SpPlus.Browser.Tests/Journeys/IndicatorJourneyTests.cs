using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SpPlus.Browser.Tests.Infrastructure;
using SpPlus.Core.Common;

namespace SpPlus.Browser.Tests.Journeys;

/// <summary>
/// The indicators area in a real browser, with axe on every page: the referent filters the completeness board, reads a
/// structure's trends, changes a target, approves two submitted reports at once; a correspondent downloads the Excel
/// template of a draft and uploads it back.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class IndicatorJourneyTests(BrowserFixture browser)
{
    private const string BoardPath = "/Indicators/Board";
    private const string TrendsPath = "/Indicators/Trends";
    private const string CataloguePath = "/Indicators/Catalogue";
    private const string BatchPath = "/Indicators/Reports/Batch";
    private const string PickedUpIndicator = "Taux de décroché (par un agent)";
    private const string PickedUpCode = "TAUX-DECROCHE";

    /// <summary>The demo data's latest quarter: the one before the current quarter.</summary>
    private static readonly Quarter Latest = Quarter.Containing(DateOnly.FromDateTime(DateTime.UtcNow)).Previous;

    [Fact]
    public async Task The_referent_filters_the_completeness_board_by_type_of_structure()
    {
        await using var tab = await browser.NewPageAsync();
        await tab.LoginAsync(DemoUsers.Referent);
        await tab.GotoAsync(BoardPath);
        await tab.AssertSoundAndAccessibleAsync("Referent: completeness board");
        await Assertions.Expect(tab.Heading).ToHaveTextAsync("Tableau de complétude");
        var board = tab.Page.GetByRole(AriaRole.Table, new() { Name = "Résultats trimestriels par structure et par trimestre" });
        var allRows = await board.Locator("tbody tr").CountAsync();

        await tab.Page.GetByLabel("Type de structure").SelectOptionAsync(new SelectOptionValue { Label = "Sous-préfecture" });
        await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Filtrer", Exact = true }));

        await tab.AssertSoundAndAccessibleAsync("Referent: completeness board of the sub-prefectures");
        Assert.Contains("StructureType=SubPrefecture", tab.Page.Url, StringComparison.Ordinal);
        var headers = await board.Locator("tbody th[scope=row]").AllInnerTextsAsync();
        Assert.Equal(2, headers.Count);
        Assert.True(allRows > headers.Count, $"The filter kept {headers.Count} of {allRows} structures.");
        Assert.All(headers, h => Assert.Contains("Sous-préfecture", h, StringComparison.Ordinal));
        await Assertions.Expect(tab.Page.GetByLabel("Type de structure")).ToHaveValueAsync("SubPrefecture");
    }

    [Fact]
    public async Task The_referent_reads_the_trend_of_one_indicator_for_one_structure()
    {
        await using var tab = await browser.NewPageAsync();
        await tab.LoginAsync(DemoUsers.Referent);
        await tab.GotoAsync(TrendsPath);
        await tab.AssertSoundAndAccessibleAsync("Referent: trends of the département");

        await tab.Page.GetByLabel("Périmètre").SelectOptionAsync(new SelectOptionValue { Label = DemoUsers.DdtName });
        await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Afficher", Exact = true }));

        await tab.AssertSoundAndAccessibleAsync("Referent: trends of the DDT");
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Main)).ToContainTextAsync($"{DemoUsers.DdtName} : chaque indicateur");
        var indicator = tab.Page.GetByRole(AriaRole.Region, new() { Name = PickedUpIndicator, Exact = true });
        await indicator.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(indicator.Locator("svg").First).ToBeVisibleAsync();
        var data = indicator.GetByRole(AriaRole.Table);
        await Assertions.Expect(data).ToBeVisibleAsync();
        await Assertions.Expect(data).ToContainTextAsync("Trimestre");
        // The demo publishes the two oldest of its four quarters for every structure: their values are in the table.
        var oldest = Latest.Previous.Previous.Previous;
        var oldestRow = data.GetByRole(AriaRole.Row).Filter(new() { Has = tab.Page.GetByRole(AriaRole.Rowheader, new() { Name = oldest.ToString() }) });
        await Assertions.Expect(oldestRow).ToContainTextAsync(new Regex(@"\d+(,\d+)?\s*%"));
    }

    [Fact]
    public async Task The_referent_changes_the_target_of_one_structure_in_the_catalogue()
    {
        const string structure = "Sous-préfecture de Bar-sur-Aube";
        await using var tab = await browser.NewPageAsync();
        await tab.LoginAsync(DemoUsers.Referent);
        await tab.GotoAsync(CataloguePath);
        await tab.AssertSoundAndAccessibleAsync("Referent: indicator catalogue");

        await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Link, new() { Name = $"Objectifs par structure : {PickedUpCode}", Exact = true }));
        await tab.AssertSoundAndAccessibleAsync("Referent: targets of the pick-up rate");
        await Assertions.Expect(tab.Heading).ToHaveTextAsync($"Objectifs par structure : {PickedUpCode}");
        var target = tab.Page.GetByLabel($"Objectif de {structure}", new() { Exact = true });
        await target.FillAsync("92,5");
        await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les objectifs" }));

        await tab.AssertSoundAndAccessibleAsync("Referent: catalogue after saving the targets");
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Les objectifs ont été enregistrés.");
        Assert.Equal(CataloguePath, new Uri(tab.Page.Url).AbsolutePath);
        await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Link, new() { Name = $"Objectifs par structure : {PickedUpCode}", Exact = true }));
        await Assertions.Expect(tab.Page.GetByLabel($"Objectif de {structure}", new() { Exact = true })).ToHaveValueAsync("92,5");
    }

    [Fact]
    public async Task The_referent_approves_two_submitted_reports_at_once()
    {
        await using var tab = await browser.NewPageAsync();
        await tab.LoginAsync(DemoUsers.Referent);
        await tab.GotoAsync("/Indicators/Reports");
        await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Link, new() { Name = "Approuver ou publier plusieurs résultats" }));
        await tab.AssertSoundAndAccessibleAsync("Referent: batch page");
        await Assertions.Expect(tab.Heading).ToHaveTextAsync("Traitement groupé des résultats trimestriels");

        await tab.Page.GetByLabel("Action").SelectOptionAsync(new SelectOptionValue { Label = "Approuver les résultats soumis" });
        await tab.Page.GetByLabel("Trimestre").SelectOptionAsync(new SelectOptionValue { Label = Latest.ToString() });
        await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Afficher", Exact = true }));
        await tab.AssertSoundAndAccessibleAsync("Referent: batch page, submitted reports of the latest quarter");

        var table = tab.Page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex($"^Résultats soumis du trimestre {Latest}") });
        var boxes = table.GetByRole(AriaRole.Checkbox);
        await Assertions.Expect(boxes).ToHaveCountAsync(2);
        var names = await table.Locator("tbody label").AllInnerTextsAsync();

        // Untick one, then tick it again, as a user checking the list would.
        var first = table.GetByLabel(names[0], new() { Exact = true });
        var firstLabel = table.Locator("label").Filter(new() { HasText = names[0] });
        await firstLabel.ClickAsync();
        await Assertions.Expect(first).Not.ToBeCheckedAsync();
        await firstLabel.ClickAsync();
        await Assertions.Expect(first).ToBeCheckedAsync();
        await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Approuver la sélection" }));

        await tab.AssertSoundAndAccessibleAsync("Referent: batch page after approving");
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("2 résultats trimestriels ont été approuvés.");
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Main)).ToContainTextAsync($"Aucun résultat soumis n'attend d'être approuvé pour le trimestre {Latest}.");

        // Both now wait for publication on the same page.
        await tab.Page.GetByLabel("Action").SelectOptionAsync(new SelectOptionValue { Label = "Publier les résultats approuvés" });
        await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Afficher", Exact = true }));
        await tab.AssertSoundPageAsync("Referent: batch page, approved reports of the latest quarter");
        var approved = await tab.Page.GetByRole(AriaRole.Table).Locator("tbody label").AllInnerTextsAsync();
        Assert.All(names, n => Assert.Contains(n, approved));
    }

    [Fact]
    public async Task A_correspondent_downloads_the_excel_template_and_uploads_it_back()
    {
        await using var tab = await browser.NewPageAsync();
        await tab.LoginAsync(DemoUsers.PrefectureCorrespondent);
        // The demo: the préfecture's latest quarter is a draft, filled in.
        await tab.GotoAsync($"/Indicators/Reports?structureId=&quarter={Latest.ToSlug()}");
        await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Link, new() { Name = $"Préfecture de l'Aube : {Latest}" }));
        await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Link, new() { Name = "Saisir les valeurs" }));
        await tab.AssertSoundAndAccessibleAsync("Correspondent: entry form of the draft");
        var editPath = new Uri(tab.Page.Url).AbsolutePath;
        var pickedUp = tab.Page.GetByLabel("Appels décrochés par un agent", new() { Exact = true });
        var before = await pickedUp.InputValueAsync();

        var download = await tab.Page.RunAndWaitForDownloadAsync(() =>
            tab.Page.GetByRole(AriaRole.Link, new() { Name = "Télécharger le modèle Excel" }).ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var file = Path.Combine(Path.GetTempPath(), $"spplus-modele-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(file);
        try
        {
            Assert.True(new FileInfo(file).Length > 1000, "The template is too small to be a workbook.");
            Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(file), 0, 2));

            await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Link, new() { Name = "Importer un fichier Excel" }));
            await tab.AssertSoundAndAccessibleAsync("Correspondent: template upload page");
            await Assertions.Expect(tab.Heading).ToContainTextAsync("Importer un fichier de résultats");
            await tab.Page.GetByLabel("Fichier de résultats").SetInputFilesAsync(file);
            await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Importer", Exact = true }));

            await tab.AssertSoundAndAccessibleAsync("Correspondent: entry form after the upload");
            Assert.Equal(editPath, new Uri(tab.Page.Url).AbsolutePath);
            await Assertions.Expect(tab.Page.GetByRole(AriaRole.Status)).ToContainTextAsync(new Regex(@"Le fichier a été importé : \d+ indicateurs? renseignés?\."));
            await Assertions.Expect(tab.Page.GetByLabel("Appels décrochés par un agent", new() { Exact = true })).ToHaveValueAsync(before);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
