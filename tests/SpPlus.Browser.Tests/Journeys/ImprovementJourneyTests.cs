using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SpPlus.Browser.Tests.Infrastructure;
using SpPlus.Core.Data.Seeding;

namespace SpPlus.Browser.Tests.Journeys;

/// <summary>
/// Continuous improvement in a real browser, with axe on every page: a correspondent rates next year's self-assessment
/// of a sub-prefecture (one criterion "non engagé"), reads the scores and the radar, creates an action from the weak
/// criterion, submits the plan and the assessment; the referent approves both; a COPIL member records a meeting and
/// validates both against it; the correspondent then updates the action's progress, logged with their name. Next year
/// and the sub-prefecture of Nogent-sur-Seine are used by no other journey, so the demo data stays as it is.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ImprovementJourneyTests(BrowserFixture browser)
{
    private const string AssessmentsPath = "/SelfAssessments/Assessments";
    private const string ActionsPath = "/ActionPlans/Actions";
    private const string MeetingsPath = "/Governance/Meetings";
    private const string DecisionsPath = "/Governance/Decisions";

    private const string StructureName = "Sous-préfecture de Nogent-sur-Seine";
    private const string CorrespondentName = "Correspondant démo (" + StructureName + ")";
    private const string OtherParticipant = "Camille Durand — représentante des usagers";
    private const string Owner = "Dominique Martin — service de l'accueil";
    private const string ProgressComment = "Les nouveaux panneaux de l'accueil sont commandés.";

    private static readonly string Correspondent = DemoDataSeeder.CorrespondentEmail("sous-prefecture-nogent-sur-seine");
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    [Fact]
    public async Task An_assessment_and_its_plan_go_from_rating_to_COPIL_validation_and_progress_follow_up()
    {
        var parisToday = ParisToday();
        var year = parisToday.Year + 1;
        var yearText = year.ToString(CultureInfo.InvariantCulture);
        var place = $"Sous-préfecture de Nogent-sur-Seine — salle {Guid.NewGuid().ToString("N")[..6]}";
        var decision = $"Le plan d'action {yearText} de la sous-préfecture de Nogent-sur-Seine est validé.";
        var meetingDay = parisToday.AddDays(-1);
        var meetingLabel = $"COPIL du {meetingDay.ToString("dd/MM/yyyy", French)} — {place}";
        var dueOn = new DateOnly(year, 6, 30);
        string assessmentPath;
        string planPath;
        string actionPath;
        string actionTitle;

        // 1. The correspondent opens next year's assessment, rates every criterion, creates an action from the weak one.
        await using (var tab = await browser.NewPageAsync())
        {
            await tab.LoginAsync(Correspondent);
            await tab.GotoAsync(AssessmentsPath);
            await CheckAsync(tab, "Correspondent: self-assessments");
            var open = tab.Page.GetByRole(AriaRole.Region, new() { Name = "Ouvrir une auto-évaluation", Exact = true });
            await Assertions.Expect(open.GetByLabel("Structure", new() { Exact = true })).ToHaveValueAsync(new Regex(@"^\d+$"));
            await open.GetByLabel("Année", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = yearText });
            await tab.ClickAndWaitForDocumentAsync(open.GetByRole(AriaRole.Button, new() { Name = "Ouvrir l'auto-évaluation" }));
            await CheckAsync(tab, "Correspondent: rating form of the new assessment");
            await Assertions.Expect(tab.Heading).ToHaveTextAsync($"Auto-évaluation {yearText} — {StructureName}");

            var levels = tab.Page.GetByRole(AriaRole.Group, new() { NameRegex = new Regex("^Niveau du critère ") });
            var count = await levels.CountAsync();
            Assert.True(count >= 18, $"The 2021 grid has at least two criteria per engagement; the form shows {count}.");
            var weak = CriterionNumber(await levels.First.Locator("legend").InnerTextAsync());
            var evidence = $"Aucune signalétique ne mentionne le nom de l'agent au guichet (constat du {parisToday.ToString("dd/MM/yyyy", French)}).";
            var comment = "Les badges nominatifs ont été commandés pour tous les agents de l'accueil.";
            for (var i = 0; i < count; i++)
            {
                var level = i == 0 ? "1 — Non engagé" : i % 3 == 0 ? "4 — Exemplaire" : "3 — Atteint";
                await CheckChoiceAsync(levels.Nth(i), level);
            }

            await tab.Page.GetByLabel($"Éléments de preuve du critère {weak} (facultatif)", new() { Exact = false }).FillAsync(evidence);
            await tab.Page.GetByLabel($"Commentaire sur le critère {weak} (facultatif)", new() { Exact = false }).FillAsync(comment);
            await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Enregistrer", Exact = true }));
            await CheckAsync(tab, "Correspondent: rating form after saving");
            await Assertions.Expect(tab.Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("L'auto-évaluation a été enregistrée.");
            await Assertions.Expect(levels.First.GetByLabel("1 — Non engagé", new() { Exact = true })).ToBeCheckedAsync();
            await Assertions.Expect(levels.Nth(1).GetByLabel("3 — Atteint", new() { Exact = true })).ToBeCheckedAsync();
            await Assertions.Expect(tab.Page.GetByLabel($"Éléments de preuve du critère {weak} (facultatif)", new() { Exact = false })).ToHaveValueAsync(evidence);

            await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Link, new() { Name = "Voir l'auto-évaluation et la soumettre" }));
            await CheckAsync(tab, "Correspondent: assessment with its scores and radar");
            assessmentPath = new Uri(tab.Page.Url).AbsolutePath;
            var scores = tab.Page.GetByRole(AriaRole.Table, new() { Name = $"Scores {yearText} et {year - 1} par engagement" });
            await Assertions.Expect(scores.GetByRole(AriaRole.Row).Filter(new() { HasText = "Score global" })).ToContainTextAsync(new Regex(@"\d+(,\d+)?\s*%"));
            var radar = tab.Page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex($"^Scores par engagement, {Regex.Escape(StructureName)}, {yearText}") });
            await Assertions.Expect(radar).ToBeVisibleAsync();
            await Assertions.Expect(radar.Locator("polygon.sp-chart__series")).Not.ToHaveCountAsync(0);
            var weakRow = tab.Page.GetByRole(AriaRole.Row).Filter(new() { Has = tab.Page.GetByRole(AriaRole.Rowheader, new() { NameRegex = new Regex($"^{Regex.Escape(weak)} — ") }) });
            await Assertions.Expect(weakRow).ToContainTextAsync("1 — Non engagé");
            await Assertions.Expect(weakRow).ToContainTextAsync(evidence);
            await Assertions.Expect(weakRow).ToContainTextAsync(comment);
            var wording = (await weakRow.GetByRole(AriaRole.Rowheader).InnerTextAsync()).Trim()[(weak.Length + 3)..];
            // Only the weak criterion offers an action.
            await Assertions.Expect(tab.Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Créer une action") })).ToHaveCountAsync(1);

            await tab.ClickAndWaitForDocumentAsync(weakRow.GetByRole(AriaRole.Link, new() { Name = $"Créer une action pour le critère {weak}", Exact = true }));
            await CheckAsync(tab, "Correspondent: new action from the weak criterion");
            await Assertions.Expect(tab.Heading).ToHaveTextAsync("Ajouter une action");
            await Assertions.Expect(tab.Page.GetByRole(AriaRole.Main)).ToContainTextAsync($"{StructureName} — {yearText}");
            await Assertions.Expect(tab.Page.GetByLabel("Titre de l'action", new() { Exact = false })).ToHaveValueAsync($"Améliorer : {wording}");
            await Assertions.Expect(tab.Page.GetByLabel("Origine de l'action", new() { Exact = false })).ToHaveValueAsync("Criterion");
            await Assertions.Expect(tab.Page.Locator("#source-action")).ToHaveTextAsync($"Critère : {wording}");
            var engagementNumber = weak.Split('.')[0];
            var engagement = tab.Page.GetByLabel("Engagement", new() { Exact = true });
            Assert.StartsWith($"{engagementNumber}. ", await engagement.Locator("option:checked").InnerTextAsync(), StringComparison.Ordinal);
            await Assertions.Expect(tab.Page.GetByLabel("Précision sur l'origine", new() { Exact = false })).ToHaveValueAsync(new Regex($"Non engagé.*{yearText}"));

            await tab.Page.GetByLabel("Pilote (facultatif)", new() { Exact = false }).FillAsync(Owner);
            await tab.Page.GetByLabel("Échéance (facultatif)", new() { Exact = false }).FillAsync(dueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Ajouter l'action", Exact = true }));
            await CheckAsync(tab, "Correspondent: the new action");
            await Assertions.Expect(tab.Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("L'action a été ajoutée au plan.");
            actionTitle = $"Améliorer : {wording}";
            await Assertions.Expect(tab.Heading).ToHaveTextAsync(actionTitle);
            actionPath = new Uri(tab.Page.Url).AbsolutePath;
            await Assertions.Expect(tab.Page.Locator("a#source-action")).ToHaveTextAsync($"{wording} (auto-évaluation {yearText})");
            await Assertions.Expect(tab.Page.Locator("a#source-action")).ToHaveAttributeAsync("href", assessmentPath);

            await tab.ClickAndWaitForDocumentAsync(tab.Page.Locator("main dl").GetByRole(AriaRole.Link, new() { Name = $"{StructureName} — {yearText}", Exact = true }));
            await CheckAsync(tab, "Correspondent: the plan with its action");
            planPath = new Uri(tab.Page.Url).AbsolutePath;
            await Assertions.Expect(tab.Heading).ToHaveTextAsync($"Plan d'action {yearText} — {StructureName}");
            var actions = tab.Page.GetByRole(AriaRole.Table, new() { Name = $"Actions du plan {yearText} : 1", Exact = true });
            var row = actions.GetByRole(AriaRole.Row).Filter(new() { HasText = actionTitle });
            await Assertions.Expect(row).ToContainTextAsync(Owner);
            await Assertions.Expect(row).ToContainTextAsync(dueOn.ToString("dd/MM/yyyy", French));
            await Assertions.Expect(row).ToContainTextAsync("Prévue");
            await Assertions.Expect(tab.Page.GetByRole(AriaRole.Link, new() { Name = "Ajouter une action", Exact = true })).ToBeVisibleAsync();

            // 2. The correspondent submits the plan, then the assessment.
            await ReviewAsync(tab, "Soumettre au référent", "Le plan d'action a été soumis au référent.");
            await CheckAsync(tab, "Correspondent: the submitted plan");
            await Assertions.Expect(tab.Page.GetByRole(AriaRole.Link, new() { Name = "Ajouter une action", Exact = true })).ToHaveCountAsync(0);

            await tab.GotoAsync(assessmentPath);
            await CheckAsync(tab, "Correspondent: the assessment before submitting");
            await ReviewAsync(tab, "Soumettre au référent", "L'auto-évaluation a été soumise au référent.");
            await CheckAsync(tab, "Correspondent: the submitted assessment");
            await Assertions.Expect(tab.Page.GetByRole(AriaRole.Link, new() { Name = "Modifier", Exact = true })).ToHaveCountAsync(0);
        }

        // 3. The referent approves both from their review panels.
        await using (var tab = await browser.NewPageAsync())
        {
            await tab.LoginAsync(DemoUsers.Referent);
            await tab.GotoAsync(assessmentPath);
            await CheckAsync(tab, "Referent: the submitted assessment");
            await ReviewAsync(tab, "Approuver", "L'auto-évaluation a été approuvée : elle attend la validation du COPIL.");
            await CheckAsync(tab, "Referent: the approved assessment");

            await tab.GotoAsync(planPath);
            await CheckAsync(tab, "Referent: the submitted plan");
            await ReviewAsync(tab, "Approuver", "Le plan d'action a été approuvé : il attend la validation du COPIL.");
            await CheckAsync(tab, "Referent: the approved plan");
        }

        // 4. A COPIL member records the meeting, then validates the plan and the assessment against it.
        string meetingPath;
        await using (var tab = await browser.NewPageAsync())
        {
            await tab.LoginAsync(DemoUsers.CopilMember);
            await tab.GotoAsync(MeetingsPath);
            await CheckAsync(tab, "COPIL member: meetings");
            await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Link, new() { Name = "Nouvelle réunion", Exact = true }));
            await CheckAsync(tab, "COPIL member: new meeting form");
            await CheckChoiceAsync(tab.Page.GetByRole(AriaRole.Group, new() { Name = "Type de réunion" }), "COPIL");
            await tab.Page.GetByLabel("Date", new() { Exact = false }).First.FillAsync(meetingDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await tab.Page.GetByLabel("Lieu", new() { Exact = true }).FillAsync(place);
            await CheckChoiceAsync(tab.Page.GetByRole(AriaRole.Group, new() { Name = "Participants ayant un compte sur le portail" }), CorrespondentName);
            await tab.Page.GetByLabel("Autres participants (facultatif)", new() { Exact = false }).FillAsync(OtherParticipant);
            await tab.Page.GetByLabel("Décisions (facultatif)", new() { Exact = false }).FillAsync(decision);
            await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la réunion", Exact = true }));
            await CheckAsync(tab, "COPIL member: the new meeting");
            var meetingTitle = $"COPIL du {meetingDay.ToString("dd/MM/yyyy", French)}";
            await Assertions.Expect(tab.Page.GetByRole(AriaRole.Status).First).ToContainTextAsync($"La réunion « {meetingTitle} » a été enregistrée.");
            await Assertions.Expect(tab.Heading).ToHaveTextAsync(meetingTitle);
            meetingPath = new Uri(tab.Page.Url).AbsolutePath;
            var participants = tab.Page.GetByRole(AriaRole.Region, new() { Name = "Participants", Exact = true });
            await Assertions.Expect(participants).ToContainTextAsync(CorrespondentName);
            await Assertions.Expect(participants).ToContainTextAsync(OtherParticipant);
            await Assertions.Expect(tab.Page.GetByRole(AriaRole.Region, new() { Name = "Décisions", Exact = true })).ToContainTextAsync(decision);

            await tab.GotoAsync(planPath);
            await CheckAsync(tab, "COPIL member: the approved plan");
            // A COPIL member validates or returns; the content is not theirs to change.
            await Assertions.Expect(tab.Page.GetByRole(AriaRole.Link, new() { Name = "Ajouter une action", Exact = true })).ToHaveCountAsync(0);
            await ValidateAsync(tab, meetingLabel, "Le plan d'action a été validé en COPIL.");
            await CheckAsync(tab, "COPIL member: the validated plan");
            await Assertions.Expect(tab.Page.GetByRole(AriaRole.Table, new() { Name = "Historique de la relecture" })
                .GetByRole(AriaRole.Link, new() { Name = meetingLabel, Exact = true })).ToHaveAttributeAsync("href", meetingPath);

            await tab.GotoAsync(assessmentPath);
            await CheckAsync(tab, "COPIL member: the approved assessment");
            await Assertions.Expect(tab.Page.GetByRole(AriaRole.Link, new() { Name = "Modifier", Exact = true })).ToHaveCountAsync(0);
            await ValidateAsync(tab, meetingLabel, "L'auto-évaluation a été validée en COPIL.");
            await CheckAsync(tab, "COPIL member: the validated assessment");

            await tab.GotoAsync(meetingPath);
            await CheckAsync(tab, "COPIL member: the meeting with its validations");
            var validations = tab.Page.GetByRole(AriaRole.Table, new() { Name = $"Validations enregistrées lors du {meetingTitle}", Exact = true });
            await Assertions.Expect(validations.Locator("tbody tr")).ToHaveCountAsync(2);
            var planRow = validations.GetByRole(AriaRole.Row).Filter(new() { HasText = $"Plan d'action {yearText}" });
            await Assertions.Expect(planRow).ToContainTextAsync(StructureName);
            await Assertions.Expect(planRow).ToContainTextAsync("Validé en COPIL");
            await Assertions.Expect(planRow).ToContainTextAsync("Chloé Copil");
            await Assertions.Expect(planRow.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", planPath);
            var assessmentRow = validations.GetByRole(AriaRole.Row).Filter(new() { HasText = $"Auto-évaluation {yearText}" });
            await Assertions.Expect(assessmentRow).ToContainTextAsync(StructureName);
            await Assertions.Expect(assessmentRow.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", assessmentPath);
        }

        // 5. After the validation, the correspondent updates the action's progress; the plan no longer takes new actions.
        await using (var tab = await browser.NewPageAsync())
        {
            await tab.LoginAsync(Correspondent);
            await tab.GotoAsync(planPath);
            await CheckAsync(tab, "Correspondent: the validated plan");
            await Assertions.Expect(tab.Page.GetByRole(AriaRole.Link, new() { Name = "Ajouter une action", Exact = true })).ToHaveCountAsync(0);
            await Assertions.Expect(tab.Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Pour ajouter ou retirer une action, le référent doit rouvrir le plan.");

            await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Link, new() { Name = $"Mettre à jour l'avancement de « {actionTitle} »", Exact = true }));
            await CheckAsync(tab, "Correspondent: progress form");
            await Assertions.Expect(tab.Heading).ToHaveTextAsync("Mettre à jour l'avancement");
            await tab.Page.GetByLabel("Statut", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "En cours" });
            await tab.Page.GetByLabel("Avancement (en %)", new() { Exact = false }).FillAsync("40");
            await tab.Page.GetByLabel("Commentaire (facultatif)", new() { Exact = false }).FillAsync(ProgressComment);
            await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'avancement", Exact = true }));
            await CheckAsync(tab, "Correspondent: the action after the progress update");
            Assert.Equal(actionPath, new Uri(tab.Page.Url).AbsolutePath);
            await Assertions.Expect(tab.Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("L'avancement de l'action a été mis à jour.");
            await Assertions.Expect(tab.Page.Locator("#avancement")).ToHaveTextAsync(new Regex(@"^\s*40\s*%\s*$"));
            var log = tab.Page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^Mises à jour du statut et de l'avancement") });
            await Assertions.Expect(log.Locator("tbody tr")).ToHaveCountAsync(1);
            var update = log.Locator("tbody tr").First;
            await Assertions.Expect(update).ToContainTextAsync(CorrespondentName);
            await Assertions.Expect(update).ToContainTextAsync("Prévue → En cours");
            await Assertions.Expect(update).ToContainTextAsync(new Regex(@"0\s*% → 40\s*%"));
            await Assertions.Expect(update).ToContainTextAsync(ProgressComment);
            await Assertions.Expect(update).ToContainTextAsync(ParisToday().ToString("dd/MM/yyyy", French));
            // The content itself stays closed.
            await Assertions.Expect(tab.Page.GetByRole(AriaRole.Link, new() { Name = "Modifier l'action", Exact = true })).ToHaveCountAsync(0);
        }
    }

    [Fact]
    public async Task The_referent_follows_the_late_actions_and_reads_the_decisions_of_the_year()
    {
        await using var tab = await browser.NewPageAsync();
        await tab.LoginAsync(DemoUsers.Referent);
        await tab.ClickAndWaitForDocumentAsync(await tab.RevealMenuLinkAsync(ActionsPath));
        await CheckAsync(tab, "Referent: consolidated follow-up of the actions");
        await Assertions.Expect(tab.Heading).ToHaveTextAsync("Suivi des actions");
        var all = await ActionCountAsync(tab);

        await CheckChoiceAsync(tab.Page.GetByRole(AriaRole.Search), "Actions en retard seulement");
        await tab.ClickAndWaitForDocumentAsync(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Filtrer", Exact = true }));
        await CheckAsync(tab, "Referent: late actions");
        Assert.Contains("late=true", tab.Page.Url, StringComparison.OrdinalIgnoreCase);
        await Assertions.Expect(tab.Page.GetByLabel("Actions en retard seulement", new() { Exact = true })).ToBeCheckedAsync();
        var late = await ActionCountAsync(tab);
        Assert.True(late >= 1 && late < all, $"The filter kept {late} of {all} actions.");
        var rows = tab.Page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^Actions : ") }).Locator("tbody tr");
        var demoLate = rows.Filter(new() { HasText = DemoImprovementSeeder.LateActionTitle });
        await Assertions.Expect(demoLate).ToHaveCountAsync(1);
        await Assertions.Expect(demoLate).ToContainTextAsync("Préfecture de l'Aube");
        await Assertions.Expect(demoLate).ToContainTextAsync("En cours");
        await Assertions.Expect(demoLate.Locator(".fr-badge").Filter(new() { HasTextString = "En retard" })).ToHaveCountAsync(1);
        // Every row kept by the filter shows the badge.
        var rowCount = await rows.CountAsync();
        for (var i = 0; i < rowCount; i++)
        {
            await Assertions.Expect(rows.Nth(i)).ToContainTextAsync("En retard");
        }

        var year = ParisToday().Year.ToString(CultureInfo.InvariantCulture);
        await tab.ClickAndWaitForDocumentAsync(await tab.RevealMenuLinkAsync(DecisionsPath));
        await CheckAsync(tab, "Referent: decisions of the year");
        await Assertions.Expect(tab.Heading).ToHaveTextAsync($"Relevé des décisions {year}");
        var main = tab.Page.GetByRole(AriaRole.Main);
        // The demo's COPIL of this year: its decisions and the validations recorded in it.
        await Assertions.Expect(main).ToContainTextAsync("Les actions en retard feront l'objet d'un point d'étape avec leur pilote avant le prochain comité.");
        await Assertions.Expect(main).ToContainTextAsync("Les suggestions du CLAC sont inscrites dans les plans d'action des structures concernées.");
        await Assertions.Expect(main.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^Validations enregistrées lors du COPIL du ") }).First)
            .ToContainTextAsync("Préfecture de l'Aube");
    }

    /// <summary>Sound page (status, one h1, clean console, no server error) and no axe violation.</summary>
    private static Task CheckAsync(BrowserPage tab, string description) => tab.AssertSoundAndAccessibleAsync(description);

    /// <summary>
    /// Ticks a DSFR radio button or checkbox of <paramref name="scope"/> as a user does, by its label (the label covers
    /// the input), and checks that it is ticked.
    /// </summary>
    private static async Task CheckChoiceAsync(ILocator scope, string label)
    {
        var input = scope.GetByLabel(label, new() { Exact = true });
        var id = await input.GetAttributeAsync("id");
        await scope.Locator($"label[for='{id}']").ClickAsync();
        await Assertions.Expect(input).ToBeCheckedAsync();
    }

    /// <summary>Presses an action of the review panel and checks its confirmation.</summary>
    private static async Task ReviewAsync(BrowserPage tab, string action, string confirmation)
    {
        var form = tab.Page.GetByRole(AriaRole.Form, new() { Name = action, Exact = true });
        await tab.ClickAndWaitForDocumentAsync(form.GetByRole(AriaRole.Button, new() { Name = action, Exact = true }));
        await tab.AssertSoundPageAsync($"After \"{action}\"");
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Status).First).ToContainTextAsync(confirmation);
    }

    /// <summary>Chooses the meeting in the review panel's "Valider en COPIL" form and validates.</summary>
    private static async Task ValidateAsync(BrowserPage tab, string meetingLabel, string confirmation)
    {
        const string action = "Valider en COPIL";
        var form = tab.Page.GetByRole(AriaRole.Form, new() { Name = action, Exact = true });
        await form.GetByLabel("Réunion du COPIL", new() { Exact = false }).SelectOptionAsync(new SelectOptionValue { Label = meetingLabel });
        await tab.ClickAndWaitForDocumentAsync(form.GetByRole(AriaRole.Button, new() { Name = action, Exact = true }));
        await tab.AssertSoundPageAsync($"After \"{action}\"");
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Status).First).ToContainTextAsync(confirmation);
    }

    /// <summary>The number of actions the consolidated view announces in its table's caption.</summary>
    private static async Task<int> ActionCountAsync(BrowserPage tab)
    {
        var caption = await tab.Page.GetByRole(AriaRole.Main).Locator("table caption").First.InnerTextAsync();
        var match = ActionsCaption().Match(caption);
        Assert.True(match.Success, $"Unexpected caption \"{caption}\".");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static string CriterionNumber(string legend)
    {
        var match = CriterionLegend().Match(legend);
        Assert.True(match.Success, $"Unexpected legend \"{legend}\".");
        return match.Groups[1].Value;
    }

    private static DateOnly ParisToday()
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, paris));
    }

    [GeneratedRegex(@"^Actions : (\d+)")]
    private static partial Regex ActionsCaption();

    [GeneratedRegex(@"critère (\d+\.\d+)")]
    private static partial Regex CriterionLegend();
}
