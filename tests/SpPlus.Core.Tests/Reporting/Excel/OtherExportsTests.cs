using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpPlus.Core.ActionPlans;
using SpPlus.Core.Data;
using SpPlus.Core.Feedback;
using SpPlus.Core.Reporting.Excel;
using SpPlus.Core.Reviews;
using SpPlus.Core.SelfAssessments;
using static SpPlus.Core.Tests.Reporting.Excel.ExcelTestData;

namespace SpPlus.Core.Tests.Reporting.Excel;

public class OtherExportsTests
{
    private const string Prefecture = "Préfecture de l'Aube";

    [Fact]
    public void File_names_are_french_slugs()
    {
        Assert.Equal("journal-experiences-2026-11-28.xlsx", ExperienceLogExport.FileName(Today));
        Assert.Equal("suivi-plans-action-2026.xlsx", ActionPlanTrackerExport.FileName(2026));
        Assert.Equal("resultats-auto-evaluations-2026.xlsx", SelfAssessmentResultsExport.FileName(2026));
    }

    [Fact]
    public async Task Experience_log_has_typed_columns_and_no_personal_or_internal_data()
    {
        await using var services = await ArrangeAsync();
        var ids = await StructureIdsAsync(services);
        string[] postalCodes = ["10371", "10482", "10593"];
        await services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var late = Experience("NAT-1", ids["prefecture-aube"], postalCodes[0], new DateOnly(2026, 10, 1));
            late.SetTags(new HashSet<ExperienceTag> { ExperienceTag.Accessibility, ExperienceTag.Reactivity });
            late.Comments.Add(new ExperienceComment { AuthorUserId = "u1", AuthorName = "Camille Durand", AtUtc = DateTime.UtcNow, Text = "Commentaire interne confidentiel" });
            late.Answer = new ExperienceAnswer { StructureId = ids["prefecture-aube"], Text = "Brouillon de réponse à ne pas diffuser", State = ReviewState.Draft };
            var answered = Experience("NAT-2", ids["prefecture-aube"], postalCodes[1], new DateOnly(2026, 10, 20));
            answered.Answer = new ExperienceAnswer
            {
                StructureId = ids["prefecture-aube"], Text = "Merci pour votre retour, le guichet ouvre désormais à 8 h 30.", State = ReviewState.Published,
                PostedOn = new DateOnly(2026, 10, 25),
            };
            var other = Experience("NAT-3", ids["sous-prefecture-bar-sur-aube"], postalCodes[2], new DateOnly(2026, 11, 20));
            db.Experiences.AddRange(late, answered, other);
            await db.SaveChangesAsync();
        });

        var workbook = await WriteAsync(services, (db, output) => ExperienceLogExport.WriteAsync(output, db.Experiences, Today, default));

        var rows = Rows(workbook, ExperienceLogExport.Sheet);
        Assert.Equal(3, rows.Count);
        Assert.Equal(ExperienceLogExport.Headers, rows[0].Keys);
        var text = AllText(workbook);
        Assert.All(postalCodes, code => Assert.DoesNotContain(code, text));
        Assert.DoesNotContain("Commentaire interne", text);
        Assert.DoesNotContain("Brouillon de réponse", text);
        Assert.DoesNotContain("Camille Durand", text);

        var lateRow = rows.Single(r => (string?)r["Identifiant national"] == "NAT-1");
        Assert.Equal("Oui", lateRow["En retard"]);
        Assert.Equal("Brouillon", lateRow["État de la réponse locale"]);
        Assert.Null(lateRow["Réponse publiée"]);
        Assert.Equal("Accessibilité, Réactivité", lateRow["Étiquettes"]);
        Assert.Equal("Négatif", lateRow["Sentiment"]);
        Assert.Equal(Prefecture, lateRow["Structure"]);
        var answeredRow = rows.Single(r => (string?)r["Identifiant national"] == "NAT-2");
        Assert.Equal("Non", answeredRow["En retard"]);
        Assert.Equal("Publié", answeredRow["État de la réponse locale"]);
        Assert.Equal("Merci pour votre retour, le guichet ouvre désormais à 8 h 30.", answeredRow["Réponse publiée"]);
        var otherRow = rows.Single(r => (string?)r["Identifiant national"] == "NAT-3");
        Assert.Equal("Non", otherRow["En retard"]); // due 20/12/2026: not late on 28/11/2026
        Assert.Equal(ExperienceLogExport.NoLocalAnswer, otherRow["État de la réponse locale"]);

        AssertSheetLayout(workbook, 1, ExperienceLogExport.Headers.Count);
        var sheet = SheetXml(workbook, 1);
        AssertDateCell(workbook, sheet, "C2", new DateOnly(2026, 10, 1)); // ordered by publication date
        AssertDateCell(workbook, sheet, "D2", new DateOnly(2026, 9, 29));
        AssertDateCell(workbook, sheet, "K2", new DateOnly(2026, 10, 31));
    }

    [Fact]
    public async Task Action_plan_tracker_writes_one_typed_row_per_action_with_the_late_rule()
    {
        await using var services = await ArrangeAsync();
        var ids = await StructureIdsAsync(services);
        await services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var engagement = await db.Engagements.Where(e => e.Framework!.Year == 2021 && e.Number == 3).Select(e => e.Id).SingleAsync();
            var updated = new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);
            db.ActionPlans.Add(new ActionPlan
            {
                StructureId = ids["prefecture-aube"], Year = 2026, State = ReviewState.Validated, CreatedAtUtc = updated,
                Actions =
                [
                    new ImprovementAction
                    {
                        Title = "Afficher les horaires à l'entrée", EngagementId = engagement, Origin = ActionOrigin.ClacSuggestion, OwnerName = "Camille Durand",
                        StartOn = new DateOnly(2026, 3, 1), DueOn = new DateOnly(2026, 10, 1), Status = ActionStatus.InProgress, Progress = 40,
                        Priority = ActionPriority.High, CreatedAtUtc = updated, UpdatedAtUtc = updated,
                    },
                    new ImprovementAction
                    {
                        Title = "Simplifier le formulaire de rendez-vous", Origin = ActionOrigin.Other, DueOn = new DateOnly(2026, 10, 1),
                        Status = ActionStatus.Done, Progress = 100, ShowToUsers = true, CreatedAtUtc = updated, UpdatedAtUtc = updated,
                    },
                ],
            });
            db.ActionPlans.Add(new ActionPlan
            {
                StructureId = ids["sous-prefecture-bar-sur-aube"], Year = 2026, CreatedAtUtc = updated,
                Actions = [new ImprovementAction { Title = "Former l'accueil", DueOn = new DateOnly(2026, 12, 31), CreatedAtUtc = updated, UpdatedAtUtc = updated }],
            });
            await db.SaveChangesAsync();
        });

        var workbook = await WriteAsync(services, (db, output) =>
            ActionPlanTrackerExport.WriteAsync(output, db.ImprovementActions.Where(a => a.Plan!.StructureId == ids["prefecture-aube"]), Today, default));

        var rows = Rows(workbook, ActionPlanTrackerExport.Sheet);
        Assert.Equal(2, rows.Count);
        Assert.Equal(ActionPlanTrackerExport.Headers, rows[0].Keys);
        Assert.DoesNotContain("Former l'accueil", AllText(workbook));
        var late = rows[0];
        Assert.Equal("Afficher les horaires à l'entrée", late["Action"]);
        Assert.Equal("Oui", late["En retard"]);
        Assert.Equal("Validé", late["État du plan"]);
        Assert.Equal("Suggestion du CLAC", late["Origine"]);
        Assert.Equal("En cours", late["Statut"]);
        Assert.Equal("Haute", late["Priorité"]);
        Assert.Equal("Non", late["« Vous nous l'avez demandé, on l'a fait »"]);
        var done = rows[1];
        Assert.Equal("Non", done["En retard"]); // past due but done
        Assert.Equal("Oui", done["« Vous nous l'avez demandé, on l'a fait »"]);
        Assert.Null(done["Engagement"]);

        AssertSheetLayout(workbook, 1, ActionPlanTrackerExport.Headers.Count);
        var sheet = SheetXml(workbook, 1);
        Assert.Equal(2026, Number(sheet, "B2"));
        Assert.Equal(3, Number(sheet, "E2"));
        Assert.Equal(40, Number(sheet, "L2"));
        Assert.Equal(100, Number(sheet, "L3"));
        AssertDateCell(workbook, sheet, "H2", new DateOnly(2026, 3, 1));
        AssertDateCell(workbook, sheet, "I2", new DateOnly(2026, 10, 1));
        AssertDateCell(workbook, sheet, "O2", new DateOnly(2026, 11, 2));
    }

    [Fact]
    public async Task Self_assessment_results_give_scores_per_engagement_and_one_row_per_rating()
    {
        await using var services = await ArrangeAsync();
        var ids = await StructureIdsAsync(services);
        var engagements = await services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var grid = await db.AssessmentGrids.Where(g => g.Framework!.Year == 2021 && g.Version == 1).Select(g => g.Id).SingleAsync();
            var criteria = await db.AssessmentCriteria.Where(c => c.GridId == grid)
                .Select(c => new { c.Id, c.Engagement!.Number, c.Order }).ToListAsync();
            int Criterion(int number, int order) => criteria.Single(c => c.Number == number && c.Order == order).Id;
            db.SelfAssessments.Add(new SelfAssessment
            {
                StructureId = ids["prefecture-aube"], Year = 2026, GridId = grid, State = ReviewState.Submitted, CreatedAtUtc = DateTime.UtcNow,
                Ratings =
                [
                    new CriterionRating { CriterionId = Criterion(1, 1), Level = MaturityLevel.Exemplary, Evidence = "Affichage des horaires", Comment = "Vérifié sur place" },
                    new CriterionRating { CriterionId = Criterion(1, 2), Level = MaturityLevel.InProgress },
                    new CriterionRating { CriterionId = Criterion(1, 3), Level = MaturityLevel.NotApplicable },
                    new CriterionRating { CriterionId = Criterion(2, 1), Level = MaturityLevel.Achieved },
                ],
            });
            await db.SaveChangesAsync();
            return criteria.Select(c => c.Number).Distinct().Count();
        });

        var workbook = await WriteAsync(services, (db, output) => SelfAssessmentResultsExport.WriteAsync(output, db.SelfAssessments, default));

        Assert.Equal([SelfAssessmentResultsExport.ResultsSheet, SelfAssessmentResultsExport.CriteriaSheet], SheetNames(workbook));
        var results = Rows(workbook, SelfAssessmentResultsExport.ResultsSheet);
        Assert.Equal(engagements, results.Count);
        Assert.Equal(SelfAssessmentResultsExport.ResultsHeaders, results[0].Keys);
        var first = results[0];
        Assert.Equal(1d, Convert.ToDouble(first["Engagement n°"]));
        Assert.Equal(75d, Convert.ToDouble(first["Score (%)"])); // (4 + 2) / 2 / 4
        Assert.Equal(2d, Convert.ToDouble(first["Critères notés"]));
        Assert.Equal(1d, Convert.ToDouble(first["Non applicables"]));
        Assert.Equal("Soumis", first["État"]);
        Assert.Equal(75d, Convert.ToDouble(results[1]["Score (%)"])); // 3 / 4
        Assert.Null(results[2]["Score (%)"]);
        Assert.Equal(0d, Convert.ToDouble(results[2]["Critères notés"]));

        var ratings = Rows(workbook, SelfAssessmentResultsExport.CriteriaSheet);
        Assert.Equal(4, ratings.Count);
        Assert.Equal(SelfAssessmentResultsExport.CriteriaHeaders, ratings[0].Keys);
        Assert.Equal(4d, Convert.ToDouble(ratings[0]["Niveau"]));
        Assert.Equal("Affichage des horaires", ratings[0]["Éléments de preuve"]);
        Assert.Equal("Vérifié sur place", ratings[0]["Commentaire"]);
        Assert.Null(ratings[2]["Niveau"]);
        Assert.Equal("Oui", ratings[2]["Non applicable"]);
        Assert.Equal("Non", ratings[1]["Non applicable"]);

        AssertSheetLayout(workbook, 1, SelfAssessmentResultsExport.ResultsHeaders.Count);
        AssertSheetLayout(workbook, 2, SelfAssessmentResultsExport.CriteriaHeaders.Count);
        var sheet = SheetXml(workbook, 1);
        Assert.Equal(75, Number(sheet, "F2"));
        Assert.Equal(2026, Number(sheet, "B2"));
        Assert.Equal(4, Number(SheetXml(workbook, 2), "E2"));
    }

    private static Experience Experience(string nationalId, int structureId, string postalCode, DateOnly publishedOn) => new()
    {
        NationalId = nationalId,
        Source = ExperienceSource.NationalImport,
        StructureId = structureId,
        Title = $"Avis {nationalId}",
        Description = "Texte de l'usager.",
        Sentiment = Sentiment.Negative,
        PostalCode = postalCode,
        WrittenOn = publishedOn.AddDays(-2),
        PublishedOn = publishedOn,
        DueOn = publishedOn.AddDays(30),
        CreatedAtUtc = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc),
    };
}
