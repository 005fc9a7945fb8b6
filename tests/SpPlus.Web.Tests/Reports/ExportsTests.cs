using System.Net;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SpPlus.Core.ActionPlans;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Engagements;
using SpPlus.Core.Feedback;
using SpPlus.Core.Identity;
using SpPlus.Core.Imports;
using SpPlus.Core.Reporting.Excel;
using SpPlus.Core.Reviews;
using SpPlus.Core.SelfAssessments;
using SpPlus.Web.Tests.Infrastructure;

namespace SpPlus.Web.Tests.Reports;

/// <summary>
/// The Excel exports over HTTP with real logins, read back: each holds exactly what its user reads on the pages — a
/// correspondent gets their structure's drafts and only the published or validated documents of the others, the CLAC
/// reader published and validated documents only — and the experience log never holds a postal code.
/// </summary>
public sealed class ExportsTests(SpPlusFactory factory) : IClassFixture<SpPlusFactory>
{
    private const string Own = ReferenceData.PrefectureSlug;
    private const string Other = "ddt-aube";
    private const string Third = "sgcd-aube";

    private static string Email(string account) => $"{account}@{DemoDataSeeder.EmailDomain}";

    private static async Task<List<IDictionary<string, object?>>> DownloadAsync(HttpClient client, string url, string sheet)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        Assert.Equal(QuarterlyTemplate.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", (response.Content.Headers.ContentDisposition?.FileName ?? "").Trim('"'));
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return stream.Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>().ToList();
    }

    private Task<string> StructureNameAsync(string slug) =>
        factory.WithDbAsync(db => db.Structures.Where(s => s.Slug == slug).Select(s => s.Name).SingleAsync());

    [Fact]
    public async Task The_indicators_history_holds_published_results_only_for_the_clac_reader_and_own_drafts_for_a_correspondent()
    {
        var clacRows = await DownloadAsync(await factory.SignInAsync(Email("clac")), "/Reports/Exports/IndicatorsHistory", IndicatorsHistoryExport.MainSheet);
        Assert.NotEmpty(clacRows);
        Assert.All(clacRows, row => Assert.Equal("Publié", row["État"]));

        var own = await StructureNameAsync(Own);
        var correspondentRows = await DownloadAsync(await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail(Own)), "/Reports/Exports/IndicatorsHistory", IndicatorsHistoryExport.MainSheet);
        Assert.Contains(correspondentRows, row => (string?)row["Structure"] == own && (string?)row["État"] != "Publié");
        var othersRows = correspondentRows.Where(row => (string?)row["Structure"] != own).ToList();
        Assert.NotEmpty(othersRows);
        Assert.All(othersRows, row => Assert.Equal("Publié", row["État"]));

        var referentRows = await DownloadAsync(await factory.SignInAsync(Email("referent")), "/Reports/Exports/IndicatorsHistory", IndicatorsHistoryExport.MainSheet);
        Assert.True(referentRows.Count > correspondentRows.Count && correspondentRows.Count > clacRows.Count,
            $"referent {referentRows.Count}, correspondent {correspondentRows.Count}, CLAC {clacRows.Count}");
    }

    [Fact]
    public async Task The_experience_log_has_no_postal_code_and_a_correspondent_gets_their_structures_only()
    {
        var postalCodes = await factory.WithDbAsync(db => db.Experiences.Where(e => e.PostalCode != null && e.PostalCode != "")
            .Select(e => e.PostalCode!).Distinct().ToListAsync());
        Assert.NotEmpty(postalCodes);

        var referentRows = await DownloadAsync(await factory.SignInAsync(Email("referent")), "/Reports/Exports/ExperienceLog", ExperienceLogExport.Sheet);
        Assert.NotEmpty(referentRows);
        Assert.DoesNotContain(referentRows[0].Keys, key => key.Contains("postal", StringComparison.OrdinalIgnoreCase));
        var cells = referentRows.SelectMany(row => row.Values).OfType<string>().ToList();
        Assert.DoesNotContain(cells, cell => postalCodes.Any(code => cell.Contains(code, StringComparison.Ordinal)));

        var own = await StructureNameAsync(Own);
        var correspondentRows = await DownloadAsync(await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail(Own)), "/Reports/Exports/ExperienceLog", ExperienceLogExport.Sheet);
        Assert.NotEmpty(correspondentRows);
        Assert.All(correspondentRows, row => Assert.Equal(own, row["Structure"]));
    }

    [Fact]
    public async Task The_plan_tracker_and_the_assessment_results_follow_the_read_rule_of_plans_and_assessments()
    {
        var (lastYear, thisYear) = await factory.WithDbAsync(async db =>
        {
            var years = await db.ActionPlans.Where(p => p.Year < 2030).Select(p => p.Year).Distinct().OrderBy(y => y).ToListAsync();
            return (years[0], years[^1]);
        });
        var clac = await factory.SignInAsync(Email("clac"));

        var clacActions = await DownloadAsync(clac, $"/Reports/Exports/ActionPlanTracker?year={lastYear}", ActionPlanTrackerExport.Sheet);
        Assert.NotEmpty(clacActions);
        Assert.All(clacActions, row => Assert.Equal(ReviewState.Validated.Label(), row["État du plan"]));
        var clacThisYear = await DownloadAsync(clac, $"/Reports/Exports/ActionPlanTracker?year={thisYear}", ActionPlanTrackerExport.Sheet);
        Assert.NotEmpty(clacThisYear);
        Assert.All(clacThisYear, row => Assert.Equal(ReviewState.Validated.Label(), row["État du plan"]));

        var own = await StructureNameAsync(Own);
        var correspondent = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail(Own));
        var ownActions = await DownloadAsync(correspondent, $"/Reports/Exports/ActionPlanTracker?year={thisYear}", ActionPlanTrackerExport.Sheet);
        Assert.All(ownActions.Where(row => (string?)row["Structure"] != own), row => Assert.Equal(ReviewState.Validated.Label(), row["État du plan"]));

        var clacScores = await DownloadAsync(clac, $"/Reports/Exports/SelfAssessmentResults?year={thisYear}", SelfAssessmentResultsExport.ResultsSheet);
        Assert.NotEmpty(clacScores);
        Assert.All(clacScores, row => Assert.Equal(ReviewState.Validated.Label(), row["État"]));
        var referentScores = await DownloadAsync(await factory.SignInAsync(Email("referent")), $"/Reports/Exports/SelfAssessmentResults?year={thisYear}", SelfAssessmentResultsExport.ResultsSheet);
        Assert.Contains(referentScores, row => (string?)row["État"] != ReviewState.Validated.Label());
        Assert.True(referentScores.Count > clacScores.Count);

        // The criteria sheet, which has no state column: only the structures whose assessment of the year is validated.
        var validated = await factory.WithDbAsync(db => db.SelfAssessments.Where(a => a.Year == thisYear && a.State == ReviewState.Validated)
            .Select(a => a.Structure!.Name).ToListAsync());
        var clacCriteria = await DownloadAsync(clac, $"/Reports/Exports/SelfAssessmentResults?year={thisYear}", SelfAssessmentResultsExport.CriteriaSheet);
        Assert.NotEmpty(clacCriteria);
        Assert.All(clacCriteria, row => Assert.Contains(row["Structure"] as string ?? "", validated));
        var referentCriteria = await DownloadAsync(await factory.SignInAsync(Email("referent")), $"/Reports/Exports/SelfAssessmentResults?year={thisYear}", SelfAssessmentResultsExport.CriteriaSheet);
        Assert.Contains(referentCriteria, row => !validated.Contains(row["Structure"] as string ?? ""));
    }

    [Fact]
    public async Task A_correspondent_s_assessment_results_hold_their_own_draft_and_not_another_structure_s()
    {
        const int Year = 2047;
        const string OwnEvidence = "Registre d'accueil tenu à jour par la préfecture";
        const string OtherEvidence = "Enquête de satisfaction menée par la DDT";
        await AssessmentAsync(Own, Year, ReviewState.Draft, OwnEvidence);
        await AssessmentAsync(Other, Year, ReviewState.Draft, OtherEvidence);
        var (own, other) = (await StructureNameAsync(Own), await StructureNameAsync(Other));
        var url = $"/Reports/Exports/SelfAssessmentResults?year={Year}";

        // The referent gets both drafts: the other one is there to be left out.
        var referent = await factory.SignInAsync(Email("referent"));
        Assert.Contains(await DownloadAsync(referent, url, SelfAssessmentResultsExport.ResultsSheet), row => (string?)row["Structure"] == other);
        Assert.Contains(await DownloadAsync(referent, url, SelfAssessmentResultsExport.CriteriaSheet), row => (string?)row["Éléments de preuve"] == OtherEvidence);

        var correspondent = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail(Own));
        var scores = await DownloadAsync(correspondent, url, SelfAssessmentResultsExport.ResultsSheet);
        Assert.NotEmpty(scores);
        Assert.All(scores, row =>
        {
            Assert.Equal(own, row["Structure"]);
            Assert.Equal(ReviewState.Draft.Label(), row["État"]);
        });
        var criteria = await DownloadAsync(correspondent, url, SelfAssessmentResultsExport.CriteriaSheet);
        Assert.Contains(criteria, row => (string?)row["Structure"] == own && (string?)row["Éléments de preuve"] == OwnEvidence);
        Assert.DoesNotContain(criteria, row => (string?)row["Structure"] == other || (string?)row["Éléments de preuve"] == OtherEvidence);
    }

    [Fact]
    public async Task A_correspondent_s_plan_tracker_holds_their_own_draft_plan_s_actions_and_only_the_validated_plans_of_others()
    {
        const int Year = 2048;
        const string OwnDraft = "Accueil sans rendez-vous le jeudi";
        const string OtherDraft = "Refonte du formulaire de demande de subvention";
        const string ThirdValidated = "Affichage des délais de traitement";
        await PlanAsync(Own, Year, ReviewState.Draft, OwnDraft);
        await PlanAsync(Other, Year, ReviewState.Draft, OtherDraft);
        await PlanAsync(Third, Year, ReviewState.Validated, ThirdValidated);
        var url = $"/Reports/Exports/ActionPlanTracker?year={Year}";
        Assert.Contains(await DownloadAsync(await factory.SignInAsync(Email("referent")), url, ActionPlanTrackerExport.Sheet), row => (string?)row["Action"] == OtherDraft);

        var rows = await DownloadAsync(await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail(Own)), url, ActionPlanTrackerExport.Sheet);
        var ownRow = Assert.Single(rows, row => (string?)row["Action"] == OwnDraft);
        Assert.Equal(await StructureNameAsync(Own), ownRow["Structure"]);
        Assert.Equal(ReviewState.Draft.Label(), ownRow["État du plan"]);
        var thirdRow = Assert.Single(rows, row => (string?)row["Action"] == ThirdValidated);
        Assert.Equal(ReviewState.Validated.Label(), thirdRow["État du plan"]);
        Assert.DoesNotContain(rows, row => (string?)row["Action"] == OtherDraft);
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public async Task The_clac_reader_s_criteria_sheet_holds_validated_assessments_only()
    {
        const int Year = 2049;
        const string ValidatedEvidence = "Charte d'accueil affichée et signée";
        const string DraftEvidence = "Projet de questionnaire encore à relire";
        const string ApprovedEvidence = "Compte rendu de réunion d'équipe approuvé";
        await AssessmentAsync(Own, Year, ReviewState.Validated, ValidatedEvidence);
        await AssessmentAsync(Other, Year, ReviewState.Draft, DraftEvidence);
        await AssessmentAsync(Third, Year, ReviewState.Approved, ApprovedEvidence);
        var url = $"/Reports/Exports/SelfAssessmentResults?year={Year}";
        var referentCriteria = await DownloadAsync(await factory.SignInAsync(Email("referent")), url, SelfAssessmentResultsExport.CriteriaSheet);
        Assert.Contains(referentCriteria, row => (string?)row["Éléments de preuve"] == DraftEvidence);
        Assert.Contains(referentCriteria, row => (string?)row["Éléments de preuve"] == ApprovedEvidence);

        var clac = await factory.SignInAsync(Email("clac"));
        var own = await StructureNameAsync(Own);
        var criteria = await DownloadAsync(clac, url, SelfAssessmentResultsExport.CriteriaSheet);
        Assert.Contains(criteria, row => (string?)row["Éléments de preuve"] == ValidatedEvidence);
        Assert.All(criteria, row => Assert.Equal(own, row["Structure"]));
        Assert.DoesNotContain(criteria, row => (string?)row["Éléments de preuve"] is DraftEvidence or ApprovedEvidence);
        var scores = await DownloadAsync(clac, url, SelfAssessmentResultsExport.ResultsSheet);
        Assert.NotEmpty(scores);
        Assert.All(scores, row => Assert.Equal(ReviewState.Validated.Label(), row["État"]));
    }

    [Fact]
    public async Task The_clac_reader_s_experience_log_has_rows_but_no_postal_code_internal_comment_assignee_or_answer_draft()
    {
        const string NationalId = "SPP-CLAC-LOG-0001";
        const string UnplacedId = "SPP-CLAC-LOG-0002";
        const string PostalCode = "10799";
        const string Comment = "Note interne : rappeler l'usager avant vendredi";
        const string Draft = "Brouillon de réponse encore en relecture";
        var assignee = await factory.CreateUserAsync(RoleNames.Correspondent, [await factory.StructureIdAsync(Own)]);
        await factory.WithDbAsync(async db =>
        {
            var structureId = await db.Structures.Where(s => s.Slug == Own).Select(s => s.Id).SingleAsync();
            Experience Experience(string nationalId, int? structure) => new()
            {
                Source = ExperienceSource.NationalImport, NationalId = nationalId, StructureId = structure, NationalStructureLabel = "Préfecture - accueil",
                Title = "Attente au guichet des titres", Description = "L'usager a attendu longtemps.", Sentiment = Sentiment.Negative,
                PostalCode = PostalCode, PublishedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3), AssigneeUserId = assignee.Id,
                CreatedAtUtc = DateTime.UtcNow,
            };
            var placed = Experience(NationalId, structureId);
            placed.Comments.Add(new ExperienceComment { AuthorUserId = assignee.Id, AuthorName = assignee.DisplayName, AtUtc = DateTime.UtcNow, Text = Comment });
            db.Experiences.AddRange(placed, Experience(UnplacedId, null));
            await db.SaveChangesAsync();
            db.ExperienceAnswers.Add(new ExperienceAnswer
            {
                ExperienceId = placed.Id, StructureId = structureId, Text = Draft, State = ReviewState.Draft,
                CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });
        var comments = await factory.WithDbAsync(db => db.ExperienceComments.Select(c => c.Text).ToListAsync());
        var postalCodes = await factory.WithDbAsync(db => db.Experiences.Where(e => e.PostalCode != null && e.PostalCode != "").Select(e => e.PostalCode!).Distinct().ToListAsync());
        Assert.Contains(PostalCode, postalCodes);

        var rows = await DownloadAsync(await factory.SignInAsync(Email("clac")), "/Reports/Exports/ExperienceLog", ExperienceLogExport.Sheet);

        Assert.True(rows.Count > 1, $"{rows.Count} row(s)");
        var row = Assert.Single(rows, r => (string?)r["Identifiant national"] == NationalId);
        Assert.Equal(await StructureNameAsync(Own), row["Structure"]);
        Assert.Null(row["Réponse publiée"]);
        Assert.DoesNotContain(rows, r => (string?)r["Identifiant national"] == UnplacedId);
        Assert.DoesNotContain(rows[0].Keys, key =>
            new[] { "postal", "commentaire", "attribu", "assign", "responsable", "brouillon" }.Any(word => key.Contains(word, StringComparison.OrdinalIgnoreCase)));
        var cells = rows.SelectMany(r => r.Values).OfType<string>().ToList();
        Assert.DoesNotContain(cells, cell => postalCodes.Any(code => cell.Contains(code, StringComparison.Ordinal)));
        Assert.DoesNotContain(cells, cell => comments.Any(comment => cell.Contains(comment, StringComparison.Ordinal)));
        Assert.DoesNotContain(cells, cell => cell.Contains(assignee.DisplayName, StringComparison.Ordinal) || cell.Contains(assignee.Email!, StringComparison.Ordinal));
        Assert.DoesNotContain(cells, cell => cell.Contains(Draft, StringComparison.Ordinal));
    }

    private Task AssessmentAsync(string slug, int year, ReviewState state, string evidence) => factory.WithDbAsync(async db =>
    {
        var structureId = await db.Structures.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync();
        var gridId = await db.AssessmentGrids.Where(g => g.Framework!.Status == FrameworkStatus.Active).OrderByDescending(g => g.Version).Select(g => g.Id).FirstAsync();
        var criterionId = await db.AssessmentCriteria.Where(c => c.GridId == gridId).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        db.SelfAssessments.Add(new SelfAssessment
        {
            StructureId = structureId, Year = year, GridId = gridId, State = state, CreatedAtUtc = DateTime.UtcNow,
            Ratings = [new CriterionRating { CriterionId = criterionId, Level = MaturityLevel.Achieved, Evidence = evidence }],
        });
        await db.SaveChangesAsync();
    });

    private Task PlanAsync(string slug, int year, ReviewState state, string actionTitle) => factory.WithDbAsync(async db =>
    {
        var structureId = await db.Structures.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync();
        var plan = new ActionPlan { StructureId = structureId, Year = year, State = state, CreatedAtUtc = DateTime.UtcNow };
        plan.Actions.Add(new ImprovementAction
        {
            Title = actionTitle, Status = ActionStatus.InProgress, Progress = 30, OwnerName = "Camille Durand",
            DueOn = new DateOnly(year, 6, 30), CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
        });
        db.ActionPlans.Add(plan);
        await db.SaveChangesAsync();
    });
}
