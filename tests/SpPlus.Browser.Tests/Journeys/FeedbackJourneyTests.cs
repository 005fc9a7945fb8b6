using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SpPlus.Browser.Tests.Infrastructure;

namespace SpPlus.Browser.Tests.Journeys;

/// <summary>
/// The listening area in a real browser, with axe on every page: the referent imports an export of the national
/// platform (one rejected row, one row of an unknown structure label), assigns the unknown label to the DDETSPP and saves
/// the mapping; the DDETSPP's correspondent drafts the answer from a template, is warned about an e-mail address,
/// removes it and submits; the referent returns it, the correspondent corrects it, the referent approves it on the
/// batch page then marks it published on the national platform.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FeedbackJourneyTests(BrowserFixture browser)
{
    /// <summary>When set, the folder where every page of the journey is saved as a full-page picture (to look at).</summary>
    public const string ScreenshotFolderVariable = "SPPLUS_FEEDBACK_SHOTS";

    private const string ImportsPath = "/Feedback/Imports";
    private const string MappingsPath = "/Feedback/Mappings";
    private const string ExperiencesPath = "/Feedback/Experiences";
    private const string AnswersPath = "/Feedback/Answers";
    private const string TemplatesPath = "/Feedback/AnswerTemplates";
    private const string MetricsPath = "/Feedback/Metrics";
    private const string DocumentsPath = "/Feedback/Documents";

    private const string FixtureName = "export-ecoute-parcours.csv";
    private const string DdetsppName = "DDETSPP de l'Aube";
    private const string DdetsppCorrespondent = "correspondant.ddetspp-aube@demo.spplus.fr";
    private const string UnknownLabel = "DDETSPP de l'Aube - Pôle protection des populations";
    private const string ExperienceTitle = "Affichage des allergènes au marché couvert";
    private const string TemplateTitle = "Excuses (avis négatif)";
    private const string EmailAddress = "camille.durand@exemple.fr";
    private const string EmailSentence = "Pour toute question, écrivez à " + EmailAddress + ".";

    /// <summary>The line of the fixture whose date of writing (31/02/2026) does not exist, the header being line 1.</summary>
    private const int InvalidDateLine = 8;

    [Fact]
    public async Task An_imported_experience_is_mapped_answered_returned_corrected_approved_and_marked_published()
    {
        var returnComment = $"Précisez que le rappel sera fait aux commerçants du marché (essai {Guid.NewGuid().ToString("N")[..8]}).";
        string detailsPath;

        // 1. The referent imports the export, reads the preview, confirms, and assigns the unknown label.
        await using (var tab = await browser.NewPageAsync())
        {
            await tab.LoginAsync(DemoUsers.Referent);
            await tab.GotoAsync(ImportsPath);
            await CheckPageAsync(tab, "Referent: import page", "01-import");
            await Assertions.Expect(tab.Heading).ToHaveTextAsync("Importer un export de la plateforme nationale");

            await tab.Page.GetByLabel("Fichier d'export de la plateforme nationale").SetInputFilesAsync(FixturePath());
            await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Voir l'aperçu de l'import" }));
            await CheckPageAsync(tab, "Referent: import preview", "02-apercu");
            await Assertions.Expect(tab.Heading).ToHaveTextAsync("Aperçu de l'import");
            var counts = tab.Page.GetByRole(AriaRole.Table, new() { Name = "Résumé de l'import" });
            await Assertions.Expect(CountRow(counts, "Nouvelles expériences")).ToContainTextAsync("2");
            await Assertions.Expect(CountRow(counts, "Expériences mises à jour")).ToContainTextAsync("0");
            await Assertions.Expect(CountRow(counts, "Lignes rejetées")).ToContainTextAsync("1");
            await Assertions.Expect(CountRow(counts, "Nouvelles expériences sans structure (à affecter)")).ToContainTextAsync("1");
            var rejections = tab.Page.GetByRole(AriaRole.Table, new() { Name = "Lignes rejetées et motifs" });
            await Assertions.Expect(rejections.Locator("tbody tr")).ToHaveCountAsync(1);
            var rejected = rejections.Locator("tbody tr").First;
            await Assertions.Expect(rejected.Locator("td").First).ToHaveTextAsync(InvalidDateLine.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Assertions.Expect(rejected).ToContainTextAsync("31/02/2026");
            await Assertions.Expect(rejected).ToContainTextAsync("JJ/MM/AAAA attendu");

            await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Confirmer l'import" }));
            await CheckPageAsync(tab, "Referent: import page after confirming", "03-import-confirme");
            Assert.Equal(ImportsPath, new Uri(tab.Page.Url).AbsolutePath);
            await Assertions.Expect(tab.Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("L'import a été enregistré : 2 nouvelles expériences");
            var history = tab.Page.GetByRole(AriaRole.Table, new() { Name = "Imports précédents" });
            await Assertions.Expect(history.GetByRole(AriaRole.Row).Filter(new() { HasText = FixtureName })).ToHaveCountAsync(1);

            await tab.ClickAndWaitForDocumentAsync(await tab.RevealMenuLinkAsync(MappingsPath));
            await CheckPageAsync(tab, "Referent: structure mappings", "04-correspondances");
            await Assertions.Expect(tab.Heading).ToHaveTextAsync("Correspondances des structures");
            var group = tab.Page.GetByRole(AriaRole.Region, new() { Name = $"« {UnknownLabel} »", Exact = true });
            await Assertions.Expect(group).ToContainTextAsync(ExperienceTitle);
            await group.GetByLabel($"Structure pour « {UnknownLabel} »").SelectOptionAsync(new SelectOptionValue { Label = DdetsppName });
            var save = group.GetByLabel("Enregistrer la correspondance", new() { Exact = false });
            await Assertions.Expect(save).ToBeCheckedAsync();
            await tab.ClickAndWaitForDocumentAsync(group.GetByRole(AriaRole.Button, new() { Name = $"Affecter les expériences « {UnknownLabel} »" }));
            await CheckPageAsync(tab, "Referent: structure mappings after assigning", "05-correspondances-affectees");
            await Assertions.Expect(tab.Page.GetByRole(AriaRole.Status).First)
                .ToContainTextAsync($"1 expérience a été affectée à {DdetsppName} ; la correspondance « {UnknownLabel} » est enregistrée");
            var mappings = tab.Page.GetByRole(AriaRole.Table, new() { Name = "Correspondances enregistrées" });
            await Assertions.Expect(mappings.GetByRole(AriaRole.Row).Filter(new() { HasText = UnknownLabel })).ToContainTextAsync(DdetsppName);
            await Assertions.Expect(tab.Page.GetByRole(AriaRole.Region, new() { Name = $"« {UnknownLabel} »", Exact = true })).ToHaveCountAsync(0);

            await tab.GotoAsync(TemplatesPath);
            await CheckPageAsync(tab, "Referent: answer templates", "06-modeles");
            await Assertions.Expect(tab.Page.GetByRole(AriaRole.Main)).ToContainTextAsync(TemplateTitle);
        }

        // 2. The DDETSPP's correspondent finds the experience, drafts from a template, is warned, fixes and submits.
        await using (var tab = await browser.NewPageAsync())
        {
            await tab.LoginAsync(DdetsppCorrespondent);
            await CheckPageAsync(tab, "Correspondent: Mon espace", "07-mon-espace-correspondant");
            await Assertions.Expect(tab.Page.GetByRole(AriaRole.Main)).ToContainTextAsync(ExperienceTitle);

            await tab.ClickAndWaitForDocumentAsync(await tab.RevealMenuLinkAsync(ExperiencesPath));
            await CheckPageAsync(tab, "Correspondent: experiences", "08-experiences");
            await tab.Page.GetByLabel("Rechercher dans les titres").FillAsync("allergènes");
            await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Filtrer", Exact = true }));
            await CheckPageAsync(tab, "Correspondent: experiences found by their title", "09-experiences-recherche");
            await Assertions.Expect(tab.Page.Locator("#nombre-experiences")).ToContainTextAsync("1 expérience");
            var list = tab.Page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^Expériences usagers") });
            await Assertions.Expect(list.Locator("tbody tr")).ToHaveCountAsync(1);
            await Assertions.Expect(list.Locator("tbody tr")).ToContainTextAsync(DdetsppName);
            await Assertions.Expect(list.Locator("tbody tr")).ToContainTextAsync("03/11/2026");

            await tab.ClickAndWaitForDocumentAsync(list.GetByRole(AriaRole.Link, new() { Name = ExperienceTitle, Exact = true }));
            await CheckPageAsync(tab, "Correspondent: experience to answer", "10-experience");
            await Assertions.Expect(tab.Heading).ToHaveTextAsync(ExperienceTitle);
            detailsPath = new Uri(tab.Page.Url).AbsolutePath;
            // The multi-line description of the export, line breaks kept.
            await Assertions.Expect(tab.Page.Locator("#description")).ToContainTextAsync("personne ne savait me répondre.");
            await Assertions.Expect(tab.Page.Locator("#description br")).ToHaveCountAsync(2);

            var start = tab.Page.GetByRole(AriaRole.Form, new() { Name = "Rédiger la réponse", Exact = true });
            await start.GetByLabel("Modèle de réponse").SelectOptionAsync(new SelectOptionValue { Label = TemplateTitle });
            await tab.ClickAndWaitForDocumentAsync(start.GetByRole(AriaRole.Button, new() { Name = "Rédiger la réponse" }));
            await CheckPageAsync(tab, "Correspondent: answer editor from the template", "11-reponse-modele");
            await Assertions.Expect(tab.Heading).ToHaveTextAsync("Rédiger la réponse");
            var text = AnswerText(tab);
            var drafted = await text.InputValueAsync();
            Assert.Contains("Bonjour", drafted, StringComparison.Ordinal);
            Assert.Contains(DdetsppName, drafted, StringComparison.Ordinal);
            Assert.Contains("02/11/2026", drafted, StringComparison.Ordinal);
            Assert.DoesNotContain("{", drafted, StringComparison.Ordinal);

            var withEmail = drafted.Replace("Nous restons à votre disposition", EmailSentence + "\n\nNous restons à votre disposition", StringComparison.Ordinal);
            Assert.Contains(EmailAddress, withEmail, StringComparison.Ordinal);
            await text.FillAsync(withEmail);
            await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Vérifier et soumettre", Exact = true }));
            await CheckPageAsync(tab, "Correspondent: answer editor with the warnings", "12-reponse-avertissement");
            var warnings = tab.Page.Locator("#avertissements");
            await Assertions.Expect(warnings).ToContainTextAsync($"Le texte contient une adresse électronique ({EmailAddress})");
            await Assertions.Expect(warnings.Locator("li")).ToHaveCountAsync(1);
            // Nothing typed is lost.
            Assert.Equal(Normalize(withEmail), Normalize(await AnswerText(tab).InputValueAsync()));

            await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Corriger", Exact = true }).ClickAsync();
            await Assertions.Expect(AnswerText(tab)).ToBeFocusedAsync();
            await AnswerText(tab).FillAsync(drafted);
            await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Vérifier de nouveau et soumettre", Exact = true }));
            await CheckPageAsync(tab, "Correspondent: experience with the submitted answer", "13-reponse-soumise");
            Assert.Equal(detailsPath, new Uri(tab.Page.Url).AbsolutePath);
            await Assertions.Expect(tab.Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("La réponse a été soumise au référent.");
            await Assertions.Expect(AnswerRegion(tab)).ToContainTextAsync("Soumis");
            await Assertions.Expect(AnswerRegion(tab)).Not.ToContainTextAsync(EmailAddress);
        }

        // 3. The referent finds it to approve, and returns it with a comment.
        await using (var tab = await browser.NewPageAsync())
        {
            await tab.LoginAsync(DemoUsers.Referent);
            await Assertions.Expect(tab.Page.GetByRole(AriaRole.Main)).ToContainTextAsync(ExperienceTitle);
            await tab.ClickAndWaitForDocumentAsync(await tab.RevealMenuLinkAsync(AnswersPath));
            await CheckPageAsync(tab, "Referent: answers to approve", "14-reponses-a-approuver");
            await Assertions.Expect(SubmittedRow(tab)).ToContainTextAsync(DdetsppName);
            await Assertions.Expect(SubmittedRow(tab)).ToContainTextAsync("Aucun");

            await tab.ClickAndWaitForDocumentAsync(SubmittedRow(tab).GetByRole(AriaRole.Link, new() { Name = ExperienceTitle }));
            await CheckPageAsync(tab, "Referent: experience with the submitted answer", "15-experience-referent");
            var returnForm = tab.Page.GetByRole(AriaRole.Form, new() { Name = "Renvoyer pour correction", Exact = true });
            await returnForm.GetByLabel("Commentaire pour le correspondant").FillAsync(returnComment);
            await ReviewAsync(tab, "Renvoyer pour correction", "La réponse a été renvoyée au correspondant pour correction.");
            await CheckPageAsync(tab, "Referent: experience with the returned answer", "16-reponse-renvoyee");
        }

        // 4. The correspondent reads the comment, corrects and submits again.
        await using (var tab = await browser.NewPageAsync())
        {
            await tab.LoginAsync(DdetsppCorrespondent);
            await tab.GotoAsync(detailsPath);
            await CheckPageAsync(tab, "Correspondent: experience with the returned answer", "17-reponse-a-corriger");
            await Assertions.Expect(AnswerRegion(tab)).ToContainTextAsync("Renvoyée pour correction");
            await Assertions.Expect(tab.Page.GetByRole(AriaRole.Table, new() { Name = "Historique de la relecture" })).ToContainTextAsync(returnComment);

            await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Link, new() { Name = "Modifier la réponse" }));
            await CheckPageAsync(tab, "Correspondent: answer editor of the returned answer", "18-reponse-correction");
            var text = AnswerText(tab);
            var corrected = (await text.InputValueAsync()).Replace(
                "Nous restons à votre disposition",
                "Un rappel de la règle d'affichage sera fait aux commerçants du marché.\n\nNous restons à votre disposition",
                StringComparison.Ordinal);
            await text.FillAsync(corrected);
            await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Vérifier et soumettre", Exact = true }));
            await tab.AssertSoundPageAsync("Correspondent: experience with the answer submitted again");
            await Assertions.Expect(tab.Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("La réponse a été soumise au référent.");
            await Assertions.Expect(AnswerRegion(tab)).ToContainTextAsync("rappel de la règle d'affichage");
        }

        // 5. The referent approves it on the batch page, then marks it published on the national platform.
        await using (var tab = await browser.NewPageAsync())
        {
            await tab.LoginAsync(DemoUsers.Referent);
            await tab.GotoAsync(AnswersPath);
            // Every submitted answer comes ticked: the referent unticks the demo's, as one checking the list would.
            var box = SubmittedRow(tab).GetByRole(AriaRole.Checkbox, new() { Name = $"{DdetsppName} : réponse à « {ExperienceTitle} »", Exact = true });
            await Assertions.Expect(box).ToBeCheckedAsync();
            var others = tab.Page.GetByRole(AriaRole.Main).Locator("tbody tr").Filter(new() { HasNotText = ExperienceTitle });
            var otherCount = await others.CountAsync();
            for (var i = 0; i < otherCount; i++)
            {
                await others.Nth(i).Locator("label").ClickAsync();
                await Assertions.Expect(others.Nth(i).GetByRole(AriaRole.Checkbox)).Not.ToBeCheckedAsync();
            }

            await Assertions.Expect(box).ToBeCheckedAsync();
            await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Approuver la sélection" }));
            await CheckPageAsync(tab, "Referent: answers to approve after approving", "19-reponses-approuvees");
            await Assertions.Expect(tab.Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("La réponse a été approuvée.");
            await Assertions.Expect(SubmittedRow(tab)).ToHaveCountAsync(0);
            await Assertions.Expect(tab.Page.GetByRole(AriaRole.Main).Locator("tbody tr")).ToHaveCountAsync(otherCount);

            await tab.GotoAsync(detailsPath);
            await CheckPageAsync(tab, "Referent: experience with the approved answer", "20-reponse-approuvee");
            await Assertions.Expect(tab.Page.GetByLabel("Texte de la réponse approuvée", new() { Exact = false })).ToHaveValueAsync(
                new Regex("rappel de la règle d'affichage"));
            await Assertions.Expect(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Copier la réponse" })).ToBeVisibleAsync();

            // Yesterday in Paris: never in the future, whatever the hour of the run.
            var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
            var postedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, paris)).AddDays(-1);
            var publish = tab.Page.GetByRole(AriaRole.Form, new() { Name = "Marquer comme publiée sur la plateforme nationale", Exact = true });
            await publish.GetByLabel("Date de publication sur la plateforme nationale", new() { Exact = false })
                .FillAsync(postedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await tab.ClickAndWaitForDocumentAsync(publish.GetByRole(AriaRole.Button, new() { Name = "Marquer comme publiée sur la plateforme nationale" }));
            await CheckPageAsync(tab, "Referent: experience with the published answer", "21-reponse-publiee");
            await Assertions.Expect(tab.Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("La réponse est marquée comme publiée sur la plateforme nationale.");
            await Assertions.Expect(tab.Page.Locator("ul.fr-badges-group")).ToContainTextAsync("Publiée");
            await Assertions.Expect(AnswerRegion(tab)).ToContainTextAsync(
                $"Publiée sur la plateforme nationale le {postedOn.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)}");

            await tab.GotoAsync($"{ExperiencesPath}?Status=Published&Search=allerg%C3%A8nes");
            await CheckPageAsync(tab, "Referent: published experiences", "22-experiences-publiees");
            var published = tab.Page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^Expériences usagers") });
            await Assertions.Expect(published.Locator("tbody tr")).ToHaveCountAsync(1);
            await Assertions.Expect(published.Locator("tbody tr")).ToContainTextAsync("Publiée");
        }
    }

    [Fact]
    public async Task The_metrics_and_the_hard_to_understand_documents_are_sound_and_accessible()
    {
        await using var tab = await browser.NewPageAsync();
        await tab.LoginAsync(DemoUsers.Referent);

        await tab.GotoAsync(MetricsPath);
        await CheckPageAsync(tab, "Referent: listening metrics", "30-indicateurs");
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Main).Locator("svg").First).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Table).First).ToBeVisibleAsync();

        await tab.GotoAsync(DocumentsPath);
        await CheckPageAsync(tab, "Referent: hard-to-understand documents", "31-documents");

        await tab.GotoAsync($"{DocumentsPath}/Create");
        await CheckPageAsync(tab, "Referent: new hard-to-understand document", "32-document-nouveau");
    }

    /// <summary>The page is sound and accessible; its picture is saved when <see cref="ScreenshotFolderVariable"/> names a folder.</summary>
    private static async Task CheckPageAsync(BrowserPage tab, string description, string shotName)
    {
        await tab.AssertSoundAndAccessibleAsync(description);
        if (Environment.GetEnvironmentVariable(ScreenshotFolderVariable) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await tab.Page.EvaluateAsync("() => document.fonts.ready");
            await tab.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, shotName + ".png"), FullPage = true });
        }
    }

    /// <summary>Presses an action of the review panel and checks the confirmation on the experience's page.</summary>
    private static async Task ReviewAsync(BrowserPage tab, string action, string confirmation)
    {
        var form = tab.Page.GetByRole(AriaRole.Form, new() { Name = action, Exact = true });
        await tab.ClickAndWaitForDocumentAsync(form.GetByRole(AriaRole.Button, new() { Name = action, Exact = true }));
        await tab.AssertSoundPageAsync($"After \"{action}\"");
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Status).First).ToContainTextAsync(confirmation);
    }

    private static string FixturePath() => Path.Combine(AppContext.BaseDirectory, "Fixtures", FixtureName);

    private static ILocator CountRow(ILocator table, string header) =>
        table.GetByRole(AriaRole.Row).Filter(new() { Has = table.Page.GetByRole(AriaRole.Rowheader, new() { Name = header, Exact = true }) });

    private static ILocator AnswerText(BrowserPage tab) => tab.Page.GetByRole(AriaRole.Textbox, new() { Name = "Texte de la réponse", Exact = false });

    private static ILocator AnswerRegion(BrowserPage tab) => tab.Page.GetByRole(AriaRole.Region, new() { Name = "Réponse", Exact = true });

    private static ILocator SubmittedRow(BrowserPage tab) =>
        tab.Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Row).Filter(new() { HasText = ExperienceTitle });

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
