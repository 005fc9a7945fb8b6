using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SpPlus.Browser.Tests.Infrastructure;
using SpPlus.Core.Common;

namespace SpPlus.Browser.Tests.Journeys;

/// <summary>
/// The life of a quarterly report: the DDT's correspondent opens the current quarter, enters every indicator and
/// submits; the referent returns it with a comment; the correspondent corrects and resubmits; the referent approves and
/// publishes; the public results page of the DDT shows the corrected value.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class QuarterlyReportJourneyTests(BrowserFixture browser)
{
    private const string ReportsPath = "/Indicators/Reports";
    private const string PublicResultsPath = "/resultats/ddt-aube";
    private const string PickedUpLabel = "Appels décrochés par un agent";
    private const string NeedingAgentLabel = "Appels nécessitant un agent";
    private const string PickedUpIndicator = "Taux de décroché (par un agent)";

    [Fact]
    public async Task A_quarterly_report_is_entered_returned_corrected_approved_and_published()
    {
        // The demo data holds the four quarters before the current one: the current quarter has no report yet.
        var quarter = Quarter.Containing(DateOnly.FromDateTime(DateTime.UtcNow)).ToString();
        var returnComment = $"Le nombre d'appels décrochés semble trop bas, merci de vérifier (essai {Guid.NewGuid().ToString("N")[..8]}).";
        string detailsPath;

        // 1. The correspondent opens the quarter, enters every indicator, saves and submits.
        await using (var tab = await browser.NewPageAsync())
        {
            await tab.LoginAsync(DemoUsers.DdtCorrespondent);
            await tab.GotoAsync(ReportsPath);
            await tab.AssertSoundAndAccessibleAsync("Correspondent: quarterly reports");
            await Assertions.Expect(tab.Heading).ToHaveTextAsync("Résultats trimestriels");

            var open = tab.Page.GetByRole(AriaRole.Region, new() { Name = "Ouvrir un trimestre", Exact = true });
            await open.GetByLabel("Structure").SelectOptionAsync(new SelectOptionValue { Label = DemoUsers.DdtName });
            await open.GetByLabel("Trimestre").SelectOptionAsync(new SelectOptionValue { Label = quarter });
            await tab.ClickAndWaitForDocumentAsync(open.GetByRole(AriaRole.Button, new() { Name = "Ouvrir le trimestre" }));

            await tab.AssertSoundAndAccessibleAsync("Correspondent: entry form of a new quarter");
            await Assertions.Expect(tab.Heading).ToHaveTextAsync($"Saisir les résultats du {quarter} — {DemoUsers.DdtName}");
            var filled = await FillEveryIndicatorAsync(tab.Page);
            Assert.True(filled >= 3, $"Only {filled} indicators to enter on the form.");
            // The call pick-up rate, low at first: 30 / 40.
            await tab.Page.GetByLabel(PickedUpLabel, new() { Exact = true }).FillAsync("30");
            await SaveAsync(tab, "Correspondent: entry form saved");
            await tab.AssertAccessibleAsync("Correspondent: entry form saved, with the confirmation");

            await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Link, new() { Name = "Voir les résultats et les soumettre" }));
            await tab.AssertSoundAndAccessibleAsync("Correspondent: details of the draft");
            await Assertions.Expect(tab.Heading).ToHaveTextAsync($"Résultats du {quarter} — {DemoUsers.DdtName}");
            await Assertions.Expect(IndicatorRow(tab.Page, PickedUpIndicator)).ToContainTextAsync("30 / 40");
            detailsPath = new Uri(tab.Page.Url).PathAndQuery;

            await ReviewAsync(tab, "Soumettre au référent", "Les résultats ont été soumis au référent.");
            await tab.AssertAccessibleAsync("Correspondent: details of the submitted report");
        }

        // 2. The referent returns it with a comment.
        await using (var tab = await browser.NewPageAsync())
        {
            await tab.LoginAsync(DemoUsers.Referent);
            await tab.GotoAsync(detailsPath);
            await tab.AssertSoundAndAccessibleAsync("Referent: details of the submitted report");
            var returnForm = tab.Page.GetByRole(AriaRole.Form, new() { Name = "Renvoyer pour correction", Exact = true });
            await returnForm.GetByLabel("Commentaire pour le correspondant").FillAsync(returnComment);
            await ReviewAsync(tab, "Renvoyer pour correction", "Les résultats ont été renvoyés au correspondant pour correction.");
        }

        // 3. The correspondent reads the comment, corrects one value and resubmits.
        await using (var tab = await browser.NewPageAsync())
        {
            await tab.LoginAsync(DemoUsers.DdtCorrespondent);
            await tab.GotoAsync(detailsPath);
            await tab.AssertSoundPageAsync("Correspondent: details of the returned report");
            await Assertions.Expect(tab.Page.GetByRole(AriaRole.Table, new() { Name = "Historique de la relecture" })).ToContainTextAsync(returnComment);

            await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Link, new() { Name = "Saisir les valeurs" }));
            await tab.AssertSoundPageAsync("Correspondent: entry form of the returned report");
            var pickedUp = tab.Page.GetByLabel(PickedUpLabel, new() { Exact = true });
            await Assertions.Expect(pickedUp).ToHaveValueAsync("30");
            await pickedUp.FillAsync("35");
            await SaveAsync(tab, "Correspondent: corrected entry form saved");

            await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Link, new() { Name = "Voir les résultats et les soumettre" }));
            await tab.AssertSoundPageAsync("Correspondent: details of the corrected report");
            await Assertions.Expect(IndicatorRow(tab.Page, PickedUpIndicator)).ToContainTextAsync("35 / 40");
            await ReviewAsync(tab, "Soumettre au référent", "Les résultats ont été soumis au référent.");
        }

        // 4. The referent approves, then publishes.
        await using (var tab = await browser.NewPageAsync())
        {
            await tab.LoginAsync(DemoUsers.Referent);
            await tab.GotoAsync(detailsPath);
            await tab.AssertSoundPageAsync("Referent: details of the resubmitted report");
            await ReviewAsync(tab, "Approuver", "Les résultats ont été approuvés.");
            await ReviewAsync(tab, "Publier", "Les résultats ont été publiés.");
            await tab.AssertAccessibleAsync("Referent: details of the published report");
            await Assertions.Expect(tab.Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Publié le");
        }

        // 5. Anyone reads the corrected value on the DDT's public results page.
        await using (var tab = await browser.NewPageAsync())
        {
            await tab.GotoAsync(PublicResultsPath);
            await tab.AssertSoundAndAccessibleAsync("Public: results of the DDT");
            var latest = tab.Page.GetByRole(AriaRole.Table, new() { Name = $"Résultats du trimestre {quarter}" });
            await Assertions.Expect(IndicatorRow(latest, PickedUpIndicator)).ToContainTextAsync(new Regex(@"87,5\s*%"));
        }
    }

    /// <summary>
    /// Fills every indicator of the entry form: ratios 35 / 40, averages 4 over 40 measures, scores 40. Returns how many
    /// indicators were filled.
    /// </summary>
    private static async Task<int> FillEveryIndicatorAsync(IPage page)
    {
        var indicators = page.GetByRole(AriaRole.Main).Locator("fieldset[aria-labelledby^='indicateur-']");
        var count = await indicators.CountAsync();
        for (var i = 0; i < count; i++)
        {
            var indicator = indicators.Nth(i);
            var numerator = indicator.Locator("input[name$='.Numerator']");
            var value = indicator.Locator("input[name$='.Value']");
            var measures = indicator.Locator("input[name$='.Count']");
            if (await numerator.CountAsync() == 1)
            {
                await numerator.FillAsync("35");
                await indicator.Locator("input[name$='.Denominator']").FillAsync("40");
            }
            else if (await measures.CountAsync() == 1)
            {
                await value.FillAsync("4");
                await measures.FillAsync("40");
            }
            else
            {
                await value.FillAsync("40");
            }
        }

        return count;
    }

    private static async Task SaveAsync(BrowserPage tab, string description)
    {
        await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Enregistrer", Exact = true }));
        await tab.AssertSoundPageAsync(description);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Les valeurs ont été enregistrées.");
    }

    /// <summary>Presses an action of the review panel and checks the confirmation on the report's page.</summary>
    private static async Task ReviewAsync(BrowserPage tab, string action, string confirmation)
    {
        var form = tab.Page.GetByRole(AriaRole.Form, new() { Name = action, Exact = true });
        await tab.ClickAndWaitForDocumentAsync(form.GetByRole(AriaRole.Button, new() { Name = action, Exact = true }));
        await tab.AssertSoundPageAsync($"After \"{action}\"");
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Status)).ToContainTextAsync(confirmation);
    }

    private static ILocator IndicatorRow(IPage page, string indicator) =>
        page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = indicator, Exact = false }) });

    private static ILocator IndicatorRow(ILocator table, string indicator) =>
        table.GetByRole(AriaRole.Row).Filter(new() { Has = table.Page.GetByRole(AriaRole.Rowheader, new() { Name = indicator, Exact = false }) });
}
