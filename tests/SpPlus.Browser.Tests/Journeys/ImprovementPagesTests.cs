using Microsoft.Playwright;
using SpPlus.Browser.Tests.Infrastructure;

namespace SpPlus.Browser.Tests.Journeys;

/// <summary>
/// The improvement pages that neither the menu nor the journeys open, checked with axe as the referent reaches them:
/// a grid version and its criterion forms, the list with a framework still without grid and the empty grid it creates,
/// an action of a draft plan with its edit and removal pages, a meeting's edit form. Only the 2023 grid is saved (after
/// the 2021 grid's pages are visited); the other forms are only opened.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ImprovementPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_grid_action_and_meeting_forms_are_sound_and_accessible()
    {
        await using var tab = await browser.NewPageAsync();
        await tab.LoginAsync(DemoUsers.Referent);

        await tab.GotoAsync("/SelfAssessments/Grids");
        await VisitFirstAsync(tab, "a[href*='/SelfAssessments/Grids/Details/']", "grid version");
        await VisitFirstAsync(tab, "a[href*='/SelfAssessments/Grids/AddCriterion/']", "add a criterion", back: true);
        await VisitFirstAsync(tab, "a[href*='/SelfAssessments/Grids/EditCriterion/']", "edit a criterion", back: true);
        await VisitFirstAsync(tab, "a[href*='/SelfAssessments/Grids/Rename/']", "rename the grid");

        // The 2023 framework has no grid yet: the list offers « Créer la grille », which opens the new, empty grid.
        await tab.GotoAsync("/SelfAssessments/Grids");
        await tab.AssertSoundAndAccessibleAsync("Referent: grids with a framework without grid");
        await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Créer la grille du référentiel 2023" }));
        Assert.Contains("/SelfAssessments/Grids/Details/", tab.Page.Url, StringComparison.Ordinal);
        Assert.Contains("Grille incomplète", await tab.MainTextAsync(), StringComparison.Ordinal);
        await tab.AssertSoundAndAccessibleAsync("Referent: new empty grid");

        await tab.GotoAsync("/ActionPlans/Plans?state=Draft");
        await VisitFirstAsync(tab, "main table a[href*='/ActionPlans/Plans/Details/']", "draft plan");
        await VisitFirstAsync(tab, "main table a[href*='/ActionPlans/Actions/Details/']", "action of a draft plan");
        await VisitFirstAsync(tab, "a[href*='/ActionPlans/Actions/Edit/']", "edit the action", back: true);
        await VisitFirstAsync(tab, "a[href*='/ActionPlans/Actions/Delete/']", "remove the action (confirmation)");

        await tab.GotoAsync("/Governance/Meetings");
        await VisitFirstAsync(tab, "main table a[href*='/Governance/Meetings/Details/']", "meeting");
        await VisitFirstAsync(tab, "a[href*='/Governance/Meetings/Edit/']", "edit the meeting");
    }

    /// <summary>Opens the first link matching <paramref name="selector"/>, checks the page, and optionally comes back.</summary>
    private static async Task VisitFirstAsync(BrowserPage tab, string selector, string description, bool back = false)
    {
        var from = tab.Page.Url;
        var href = await tab.Page.Locator(selector).First.GetAttributeAsync("href");
        Assert.False(string.IsNullOrEmpty(href), $"No link for {description} on {from}.");
        await tab.GotoAsync(href!);
        await tab.AssertSoundAndAccessibleAsync($"Referent: {description}");
        if (back)
        {
            await tab.GotoAsync(from);
        }
    }
}
