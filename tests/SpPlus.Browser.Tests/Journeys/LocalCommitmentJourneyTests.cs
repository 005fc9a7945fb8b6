using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SpPlus.Browser.Tests.Infrastructure;

namespace SpPlus.Browser.Tests.Journeys;

/// <summary>A correspondent updates one of their structure's local commitments, and the change is kept and published.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LocalCommitmentJourneyTests(BrowserFixture browser)
{
    private const string SavedMessage = "L'engagement local a été enregistré.";

    [Fact]
    public async Task A_correspondent_changes_a_local_commitment_of_their_structure()
    {
        await using var tab = await browser.NewPageAsync();
        await tab.LoginAsync(DemoUsers.DdtCorrespondent);

        await tab.ClickAndWaitForDocumentAsync(tab.MainNavigation.GetByRole(AriaRole.Link, new() { Name = "Engagements locaux", Exact = true }));
        await tab.AssertSoundAndAccessibleAsync("Correspondent: local commitments");
        await Assertions.Expect(tab.Heading).ToHaveTextAsync("Engagements locaux");

        // The DDT's own section, and the first of its commitments.
        var structure = tab.Page.GetByRole(AriaRole.Region, new() { Name = DemoUsers.DdtName, Exact = true });
        var firstRow = structure.GetByRole(AriaRole.Row).Filter(new() { Has = tab.Page.GetByRole(AriaRole.Link, new() { Name = "Modifier" }) }).First;
        var previousText = await firstRow.GetByRole(AriaRole.Cell).Nth(2).InnerTextAsync();
        Assert.False(string.IsNullOrWhiteSpace(previousText), "The first commitment of the DDT shows no text.");

        await tab.ClickAndWaitForDocumentAsync(firstRow.GetByRole(AriaRole.Link, new() { Name = "Modifier" }));
        await tab.AssertSoundAndAccessibleAsync("Correspondent: edit form of a local commitment");
        await Assertions.Expect(tab.Heading).ToHaveTextAsync("Modifier un engagement local");
        var text = tab.Page.GetByLabel(new Regex("^Engagement local"));
        await Assertions.Expect(text).ToHaveValueAsync(previousText.Trim());

        var newText = $"Accueil ouvert du lundi au vendredi de 8 h 30 à 12 h (essai {Guid.NewGuid().ToString("N")[..8]})";
        await text.FillAsync(newText);
        await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }));

        // Back on the list, with the confirmation and the new text in the structure's table.
        await tab.AssertSoundPageAsync("Correspondent: local commitments after saving");
        await Assertions.Expect(tab.Heading).ToHaveTextAsync("Engagements locaux");
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Status)).ToContainTextAsync(SavedMessage);
        await Assertions.Expect(structure.GetByRole(AriaRole.Cell, new() { Name = newText, Exact = true })).ToHaveCountAsync(1);
        await Assertions.Expect(structure.GetByRole(AriaRole.Cell, new() { Name = previousText.Trim(), Exact = true })).ToHaveCountAsync(0);
        await tab.AssertAccessibleAsync("Correspondent: local commitments after saving, with the confirmation");

        // Still there after a reload (the confirmation, shown once, is gone).
        await tab.Page.ReloadAsync();
        await Assertions.Expect(structure.GetByRole(AriaRole.Cell, new() { Name = newText, Exact = true })).ToHaveCountAsync(1);
        await Assertions.Expect(tab.Page.GetByText(SavedMessage)).ToHaveCountAsync(0);
        await tab.AssertSoundPageAsync("Correspondent: local commitments reloaded");

        // And published on the public page "Nos engagements", in the DDT's section once opened.
        await tab.GotoAsync(Paths.PublicEngagements);
        var section = tab.Page.GetByRole(AriaRole.Button, new() { Name = DemoUsers.DdtName, Exact = true });
        await section.ClickAsync();
        await Assertions.Expect(section).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(tab.Page.GetByText(newText)).ToBeVisibleAsync();
    }
}
