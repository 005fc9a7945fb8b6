using Microsoft.Extensions.DependencyInjection;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Engagements;
using SpPlus.Core.Indicators;
using SpPlus.Core.Reporting.Documents;
using SpPlus.Core.Reviews;
using UglyToad.PdfPig;
using static SpPlus.Core.Tests.Reporting.Documents.DocumentTestData;

namespace SpPlus.Core.Tests.Reporting.Documents;

public class ResultsPosterDocumentTests
{
    private static readonly Quarter T2 = new(2026, 2);

    /// <summary>
    /// The préfecture published T2 2026 (calls 87,5 %, target 85 %: met; waiting time 25,5 min, target 20 min: not met;
    /// online quality non applicable), then has a draft for T3 and a submitted report for T4 with distinctive values.
    /// </summary>
    private static async Task<(TestDatabase Services, int PrefectureId)> ArrangeAsync()
    {
        var services = await DocumentTestData.ArrangeAsync();
        var ids = await StructureIdsAsync(services);
        var prefecture = ids["prefecture-aube"];
        await AddReportAsync(services, prefecture, T2, ReviewState.Published,
            Ratio("TAUX-DECROCHE", 875, 1000),
            Average("ATTENTE-GUICHET", 25.5, 40),
            ("QUALITE-EN-LIGNE", new(null, null, null, null, IsNotApplicable: true)));
        await AddReportAsync(services, prefecture, new Quarter(2026, 3), ReviewState.Draft,
            Ratio("TAUX-DECROCHE", 123, 1000), Average("ATTENTE-GUICHET", 12.3, 10));
        await AddReportAsync(services, prefecture, new Quarter(2026, 4), ReviewState.Submitted,
            Ratio("TAUX-DECROCHE", 456, 1000), Average("ATTENTE-GUICHET", 45.6, 10));
        await services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var engagement = db.Engagements.Single(e => e.Framework!.Year == 2021 && e.Number == 2);
            db.LocalCommitments.Add(new LocalCommitment
            {
                StructureId = prefecture, EngagementId = engagement.Id, Kind = LocalCommitmentKind.OpeningHours,
                Text = "Accueil du lundi au vendredi de 8 h 30 à 12 h", UpdatedAtUtc = Now.UtcDateTime,
            });
            await db.SaveChangesAsync();
        });
        return (services, prefecture);
    }

    [Fact]
    public async Task The_poster_shows_the_published_values_against_their_targets_on_one_page_with_a_QR_code()
    {
        var (services, prefecture) = await ArrangeAsync();
        await using var _ = services;

        var data = await WithAsync(services, (db, results) => ResultsPosterDocument.LoadAsync(db, results, prefecture, T2));
        var pdf = ResultsPosterDocument.Build(data!, GeneratedAt);
        WriteSample("affiche-resultats.pdf", pdf);
        AssertEmbeddedDejaVuFonts(pdf);

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        var page = document.GetPage(1);
        var text = page.Text;
        Assert.Contains("Préfecture de l'Aube", text);
        Assert.Contains("2e trimestre 2026", text);
        Assert.Contains("publiés le 15/07/2026", text);
        Assert.Contains("Taux de décroché (par un agent)", text);
        Assert.Contains("87,5\u00A0%", text);
        Assert.Contains("Objectif : 85\u00A0%", text);
        Assert.Contains("Temps d'attente moyen au guichet", text);
        Assert.Contains("25,5\u00A0min", text);
        Assert.Contains("Objectif : 20\u00A0min", text);
        Assert.Contains("Qualité des démarches en ligne", text);
        Assert.Contains("Non applicable", text);
        Assert.Equal(1, Occurrences(text, "Objectif atteint"));
        Assert.Equal(1, Occurrences(text, "Objectif non atteint"));
        Assert.Contains("Accueil du lundi au vendredi de 8 h 30 à 12 h", text);
        Assert.Contains(Squash(ReferenceEngagement(6)), Squash(text));
        Assert.Contains("Votre avis compte", text);
        Assert.Single(page.GetImages());
        Assert.Equal(OpinionPlatform.Url, data!.OpinionUrl);
        Assert.Equal("affiche-resultats-prefecture-aube-2026-T2.pdf", ResultsPosterDocument.FileName(data));
    }

    [Fact]
    public async Task With_eight_indicators_the_type_tightens_so_that_the_engagements_stay_on_the_one_sheet()
    {
        await using var services = await DocumentTestData.ArrangeAsync();
        var prefecture = (await StructureIdsAsync(services))["prefecture-aube"];
        await AddReportAsync(services, prefecture, T2, ReviewState.Published,
            Ratio("TAUX-DECROCHE", 875, 1000), Ratio("DELAI-DEMARCHE-PHARE", 91, 100), Ratio("QUALITE-EN-LIGNE", 70, 100),
            Ratio("SATISFACTION", 82, 100), ("SATISFACTION-NETTE", new(null, null, 41, null)), Average("ATTENTE-GUICHET", 19, 300),
            Average("DELAI-COURRIELS", 6.5, 120), Average("DELAI-TITRE-SEJOUR", 48, 200));

        var data = await WithAsync(services, (db, results) => ResultsPosterDocument.LoadAsync(db, results, prefecture, T2));
        var pdf = ResultsPosterDocument.Build(data!, GeneratedAt);
        WriteSample("affiche-resultats-huit.pdf", pdf);
        using var document = PdfDocument.Open(pdf);

        Assert.Equal(8, data!.Indicators.Count(i => i.Value is not null));
        Assert.Equal(1, document.NumberOfPages);
        var text = Squash(document.GetPage(1).Text);
        Assert.Contains("Votreaviscompte", text);
        Assert.All(Data.Seeding.ReferenceData.Framework2021, e => Assert.Contains(Squash(e.Wording), text));
    }

    [Fact]
    public async Task With_every_indicator_of_a_prefecture_the_rows_tighten_and_the_engagements_go_in_two_columns_on_the_one_sheet()
    {
        await using var services = await DocumentTestData.ArrangeAsync();
        var prefecture = (await StructureIdsAsync(services))["prefecture-aube"];
        await AddReportAsync(services, prefecture, T2, ReviewState.Published, EveryIndicator());

        var data = await WithAsync(services, (db, results) => ResultsPosterDocument.LoadAsync(db, results, prefecture, T2));
        var pdf = ResultsPosterDocument.Build(data!, GeneratedAt);
        WriteSample("affiche-resultats-complete.pdf", pdf);

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        var page = document.GetPage(1);
        Assert.True(data!.Indicators.Count >= 11);
        Assert.All(data.Indicators, i => Assert.Contains(Squash(i.Label), Squash(page.Text)));
        Assert.Contains("35,2\u00A0jours", page.Text);
        Assert.Contains("Votre avis compte", page.Text);
        Assert.Single(page.GetImages());
        Assert.All(Data.Seeding.ReferenceData.Framework2021, e => Assert.Contains(Squash(e.Wording), Squash(page.Text)));
        // Two columns: engagement 6 starts level with engagement 1, to its right.
        var first = page.GetWords().First(w => w.Text == "Dans");
        var sixth = page.GetWords().First(w => w.Text == "accès");
        Assert.True(sixth.BoundingBox.Left > page.Width / 2, "Engagement 6 should start the second column.");
        Assert.InRange(sixth.BoundingBox.Top - first.BoundingBox.Top, -5, 5);
    }

    [Fact]
    public async Task In_the_most_compact_layout_the_non_applicable_indicators_share_one_line()
    {
        var (services, prefecture) = await WithTwoAnswerIndicatorsNotApplicableAsync();
        await using var _ = services;
        await AddCommitmentsAsync(services, prefecture, 2);

        var data = await WithAsync(services, (db, results) => ResultsPosterDocument.LoadAsync(db, results, prefecture, T2));
        using var document = PdfDocument.Open(ResultsPosterDocument.Build(data!, GeneratedAt));

        Assert.Equal(1, document.NumberOfPages);
        var text = Squash(document.GetPage(1).Text);
        Assert.Contains(Squash("Non applicable ce trimestre : Délai moyen de réponse aux avis Services Publics + ; Taux de réponse aux avis Services Publics +."), text);
        Assert.DoesNotContain("Nonapplicable—", text);
        Assert.All(Data.Seeding.ReferenceData.Framework2021, e => Assert.Contains(Squash(e.Wording), text));
    }

    [Fact]
    public async Task A_prefecture_with_the_three_usual_local_commitments_keeps_its_results_and_engagements_on_one_sheet()
    {
        var (services, prefecture) = await WithTwoAnswerIndicatorsNotApplicableAsync();
        await using var _ = services;
        // Opening hours, phone reachability with its target and an announced delay: what every structure displays.
        await services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var engagements = db.Engagements.Where(e => e.Framework!.Year == 2021).ToDictionary(e => e.Number, e => e.Id);
            db.LocalCommitments.AddRange(
                new LocalCommitment
                {
                    StructureId = prefecture, EngagementId = engagements[2], Kind = LocalCommitmentKind.OpeningHours,
                    Text = "Accueil ouvert du lundi au vendredi de 8 h 30 à 12 h et de 13 h 30 à 16 h", UpdatedAtUtc = Now.UtcDateTime,
                },
                new LocalCommitment
                {
                    StructureId = prefecture, EngagementId = engagements[2], Kind = LocalCommitmentKind.PhoneReachability,
                    Text = "Standard joignable du lundi au vendredi de 9 h à 12 h et de 14 h à 16 h", Target = "90 % des appels décrochés",
                    UpdatedAtUtc = Now.UtcDateTime,
                },
                new LocalCommitment
                {
                    StructureId = prefecture, EngagementId = engagements[5], Kind = LocalCommitmentKind.AnnouncedDelay,
                    Text = "Réponse aux courriels dans un délai annoncé", AnnouncedDelayDays = 10, UpdatedAtUtc = Now.UtcDateTime,
                });
            await db.SaveChangesAsync();
        });

        var data = await WithAsync(services, (db, results) => ResultsPosterDocument.LoadAsync(db, results, prefecture, T2));
        var pdf = ResultsPosterDocument.Build(data!, GeneratedAt);
        WriteSample("affiche-resultats-engagements-locaux.pdf", pdf);

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        var page = document.GetPage(1);
        var text = Squash(page.Text);
        Assert.All(data!.Indicators, i => Assert.Contains(Squash(i.Label), text));
        Assert.Contains(Squash("Joignabilité téléphonique : Standard joignable du lundi au vendredi de 9 h à 12 h et de 14 h à 16 h — objectif : 90 % des appels décrochés"), text);
        Assert.Contains(Squash("Délai annoncé : Réponse aux courriels dans un délai annoncé (10 jours)"), text);
        Assert.Contains("Votreaviscompte", text);
        Assert.Single(page.GetImages());
        Assert.All(Data.Seeding.ReferenceData.Framework2021, e => Assert.Contains(Squash(e.Wording), text));
    }

    [Fact]
    public async Task When_nothing_fits_the_results_and_the_QR_code_fill_the_front_and_the_engagements_the_back()
    {
        await using var services = await DocumentTestData.ArrangeAsync();
        var prefecture = (await StructureIdsAsync(services))["prefecture-aube"];
        await AddReportAsync(services, prefecture, T2, ReviewState.Published, EveryIndicator());
        await AddCommitmentsAsync(services, prefecture, 9);

        var data = await WithAsync(services, (db, results) => ResultsPosterDocument.LoadAsync(db, results, prefecture, T2));
        var pdf = ResultsPosterDocument.Build(data!, GeneratedAt);
        WriteSample("affiche-resultats-recto-verso.pdf", pdf);

        using var document = PdfDocument.Open(pdf);
        var front = document.GetPage(1);
        Assert.All(data!.Indicators, i => Assert.Contains(Squash(i.Label), Squash(front.Text)));
        Assert.Contains("Votre avis compte", front.Text);
        Assert.Single(front.GetImages());
        // Eleven indicators and nine local commitments leave no room for the engagements even in the most compact
        // type: they go, whole, to the back of the sheet instead of being cut between the two sides.
        Assert.Equal(2, document.NumberOfPages);
        var back = Squash(document.GetPage(2).Text);
        Assert.Contains("Nosengagements", back);
        Assert.All(Data.Seeding.ReferenceData.Framework2021, e => Assert.Contains(Squash(e.Wording), back));
        Assert.DoesNotContain("Nosengagements", Squash(front.Text));
    }

    /// <summary>The préfecture's T2 published with every indicator but the two about answers to opinions, non applicable.</summary>
    private static async Task<(TestDatabase Services, int PrefectureId)> WithTwoAnswerIndicatorsNotApplicableAsync()
    {
        var services = await DocumentTestData.ArrangeAsync();
        var prefecture = (await StructureIdsAsync(services))["prefecture-aube"];
        var notApplicable = new IndicatorFigures(null, null, null, null, IsNotApplicable: true);
        await AddReportAsync(services, prefecture, T2, ReviewState.Published,
            [.. EveryIndicator().Where(v => v.Item1 is not ("DELAI-REPONSE-AVIS" or "TAUX-REPONSE-AVIS")),
                ("DELAI-REPONSE-AVIS", notApplicable), ("TAUX-REPONSE-AVIS", notApplicable)]);
        return (services, prefecture);
    }

    private static (string Code, IndicatorFigures Figures)[] EveryIndicator() =>
    [
        Ratio("TAUX-DECROCHE", 875, 1000), Ratio("DELAI-DEMARCHE-PHARE", 91, 100), Ratio("QUALITE-EN-LIGNE", 70, 100),
        Ratio("SATISFACTION", 82, 100), ("SATISFACTION-NETTE", new(null, null, 41, null)), Average("ATTENTE-GUICHET", 19, 300),
        Average("DELAI-COURRIELS", 6.5, 120), Average("DELAI-TITRE-SEJOUR", 48, 200), Average("DELAI-CNI-PASSEPORT", 35.2, 900),
        Average("DELAI-REPONSE-AVIS", 9, 12), Ratio("TAUX-REPONSE-AVIS", 11, 12),
    ];

    /// <summary>One local commitment (a long opening-hours text) on each of the first <paramref name="count"/> engagements.</summary>
    private static Task AddCommitmentsAsync(TestDatabase services, int structureId, int count) =>
        services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            foreach (var engagement in db.Engagements.Where(e => e.Framework!.Year == 2021 && e.Number <= count).ToList())
            {
                db.LocalCommitments.Add(new LocalCommitment
                {
                    StructureId = structureId, EngagementId = engagement.Id, Kind = LocalCommitmentKind.OpeningHours,
                    Text = $"Accueil n° {engagement.Number} du lundi au vendredi de 8 h 30 à 12 h et de 13 h 30 à 16 h, sur rendez-vous le mardi après-midi et le jeudi toute la journée",
                    UpdatedAtUtc = Now.UtcDateTime,
                });
            }

            await db.SaveChangesAsync();
        });

    [Fact]
    public async Task Values_of_draft_or_submitted_reports_never_reach_the_poster()
    {
        var (services, prefecture) = await ArrangeAsync();
        await using var _ = services;

        var data = await WithAsync(services, (db, results) => ResultsPosterDocument.LoadAsync(db, results, prefecture, T2));
        var text = string.Concat(PageTexts(ResultsPosterDocument.Build(data!, GeneratedAt)));

        Assert.DoesNotContain("12,3", text);
        Assert.DoesNotContain("45,6", text);
        Assert.Null(await WithAsync(services, (db, results) => ResultsPosterDocument.LoadAsync(db, results, prefecture, new Quarter(2026, 3))));
        Assert.Null(await WithAsync(services, (db, results) => ResultsPosterDocument.LoadAsync(db, results, prefecture, new Quarter(2026, 4))));
    }

    [Fact]
    public async Task A_structure_target_replaces_the_default_one_and_decides_the_mark()
    {
        var (services, prefecture) = await ArrangeAsync();
        await using var _ = services;
        await services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            db.IndicatorTargets.Add(new IndicatorTarget { IndicatorId = db.Indicators.Single(i => i.Code == "TAUX-DECROCHE").Id, StructureId = prefecture, Target = 90 });
            await db.SaveChangesAsync();
        });

        var data = await WithAsync(services, (db, results) => ResultsPosterDocument.LoadAsync(db, results, prefecture, T2));
        var text = string.Concat(PageTexts(ResultsPosterDocument.Build(data!, GeneratedAt)));

        Assert.Contains("Objectif : 90\u00A0%", text);
        Assert.DoesNotContain("Objectif atteint", text);
        Assert.Equal(2, Occurrences(text, "Objectif non atteint"));
    }

    [Fact]
    public async Task There_is_no_poster_for_an_inactive_or_unknown_structure()
    {
        var (services, prefecture) = await ArrangeAsync();
        await using var _ = services;
        await services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            db.Structures.Single(s => s.Id == prefecture).IsActive = false;
            await db.SaveChangesAsync();
        });

        Assert.Null(await WithAsync(services, (db, results) => ResultsPosterDocument.LoadAsync(db, results, prefecture, T2)));
        Assert.Null(await WithAsync(services, (db, results) => ResultsPosterDocument.LoadAsync(db, results, -1, T2)));
    }

    private static string ReferenceEngagement(int number) => Data.Seeding.ReferenceData.Framework2021.Single(e => e.Number == number).Wording;

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
