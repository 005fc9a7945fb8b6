using System.Net;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.ActionPlans;
using SpPlus.Core.Auditing;
using SpPlus.Core.Common;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Engagements;
using SpPlus.Core.Feedback;
using SpPlus.Core.Identity;
using SpPlus.Core.Indicators;
using SpPlus.Core.Reviews;
using SpPlus.Core.SelfAssessments;
using SpPlus.Core.Structures;
using SpPlus.Web.Tests.Infrastructure;

namespace SpPlus.Web.Tests.Performance;

/// <summary>
/// No query per row: a page sends the same number of SQL commands whether its list shows a few rows or many, and
/// stays under a fixed bound.
/// </summary>
public sealed class QueryCountTests(FrozenTimeSpPlusFactory factory) : IClassFixture<FrozenTimeSpPlusFactory>
{
    /// <summary>A generous bound for one page: authentication, the user's scope, a count, a page of rows, the choices of filters.</summary>
    private const int MaxCommandsPerPage = 12;

    [Theory]
    [InlineData("/", "referent")]
    [InlineData("/Engagements/Commitments", "referent")]
    [InlineData("/Engagements/Frameworks", "referent")]
    [InlineData("/Admin/Users", "admin")]
    [InlineData("/Admin/Structures", "admin")]
    [InlineData("/Admin/Audit", "admin")]
    public async Task A_page_sends_a_bounded_number_of_queries_that_does_not_grow_with_its_rows(string path, string account)
    {
        var client = await factory.SignInAsync($"{account}@{DemoDataSeeder.EmailDomain}");
        await client.GetAsync(path); // warm-up: caches (data protection keys, compiled views) are not the page's cost

        var few = await CountAsync(client, path);
        await AddRowsAsync(15);
        var many = await CountAsync(client, path);

        Assert.True(few.Count > 0, $"{path}: no SQL command counted; is the counter wired to the context?");
        Assert.True(few.Count <= MaxCommandsPerPage, $"{path}: {few.Count} commands:\n{string.Join("\n---\n", few.Commands)}");
        Assert.True(many.Count == few.Count, $"{path}: {few.Count} commands before adding rows, {many.Count} after: a query per row?\n{string.Join("\n---\n", many.Commands)}");
    }

    private async Task<(int Count, IReadOnlyList<string> Commands)> CountAsync(HttpClient client, string path)
    {
        factory.Commands.Reset();
        var response = await client.GetAsync(path);
        var commands = factory.Commands.Commands;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (commands.Count, commands);
    }

    /// <summary>More of everything the lists show: local commitments, accounts with structures (and so audit entries).</summary>
    private async Task AddRowsAsync(int count)
    {
        var structureIds = await factory.WithDbAsync(db => db.Structures.Select(s => s.Id).ToListAsync());
        for (var i = 0; i < count; i++)
        {
            await factory.CreateUserAsync(i % 2 == 0 ? RoleNames.Correspondent : RoleNames.CopilMember, [structureIds[i % structureIds.Count]]);
        }

        await factory.WithDbAsync(async db =>
        {
            var engagementId = await db.Engagements.Where(e => e.Framework!.Status == FrameworkStatus.Active).Select(e => e.Id).FirstAsync();
            for (var i = 0; i < count; i++)
            {
                db.LocalCommitments.Add(new LocalCommitment
                {
                    StructureId = structureIds[i % structureIds.Count],
                    EngagementId = engagementId,
                    Kind = LocalCommitmentKind.Other,
                    Text = $"Engagement local supplémentaire {i + 1}",
                    UpdatedAtUtc = DateTime.UtcNow,
                });
            }

            await db.SaveChangesAsync();
            Assert.True(await db.AuditEntries.CountAsync(a => a.Action == AuditAction.Added) > count);
        });
    }
}

/// <summary>
/// No query per structure or per row in the « Rapports » area: the page, every Excel export and the PDFs that cover
/// the whole département (the CLAC pack, the quarterly département report) send the same number of SQL commands with
/// the six demo structures and with eight more, each with published results, experiences and a validated
/// self-assessment and action plan; on a factory of their own.
/// </summary>
public sealed class ReportsQueryCountTests(FrozenTimeSpPlusFactory factory) : IClassFixture<FrozenTimeSpPlusFactory>
{
    /// <summary>A bound for one download: authentication, the user's scope, then a few queries per sheet or section.</summary>
    private const int MaxCommandsPerDownload = 40;

    private const int AddedStructures = 8;

    [Fact]
    public async Task The_reports_page_the_exports_and_the_departement_documents_send_as_many_queries_for_fourteen_structures_as_for_six()
    {
        var today = DateOnly.FromDateTime(factory.FakeTime!.GetUtcNow().UtcDateTime);
        var lastQuarter = Quarter.Containing(today).Previous;
        var year = today.Year;
        var referent = await factory.SignInAsync($"referent@{DemoDataSeeder.EmailDomain}");
        var correspondent = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail(ReferenceData.PrefectureSlug));
        var clac = await factory.SignInAsync($"clac@{DemoDataSeeder.EmailDomain}");
        var paths = new List<(HttpClient Client, string Who, string Path)>
        {
            (referent, "referent", $"/Reports?year={year}"),
            (correspondent, "correspondent", $"/Reports?year={year}"),
            (referent, "referent", "/Reports/Exports/IndicatorsHistory"),
            (correspondent, "correspondent", "/Reports/Exports/IndicatorsHistory"),
            (clac, "clac", "/Reports/Exports/IndicatorsHistory"),
            (referent, "referent", "/Reports/Exports/ExperienceLog"),
            (clac, "clac", "/Reports/Exports/ExperienceLog"),
            (referent, "referent", $"/Reports/Exports/ActionPlanTracker?year={year}"),
            (correspondent, "correspondent", $"/Reports/Exports/ActionPlanTracker?year={year}"),
            (referent, "referent", $"/Reports/Exports/SelfAssessmentResults?year={year}"),
            (clac, "clac", $"/Reports/Exports/SelfAssessmentResults?year={year}"),
            (clac, "clac", $"/Reports/ClacPack?year={year}"),
            (clac, "clac", $"/Reports/ClacPack?year={lastQuarter.Year}"),
            (referent, "referent", $"/Reports/DepartmentReport?year={lastQuarter.Year}&quarter={lastQuarter.Number}"),
        };
        foreach (var (client, _, path) in paths)
        {
            await client.GetAsync(path); // warm-up: compiled views, fonts, caches
        }

        var before = new List<(int Count, IReadOnlyList<string> Commands)>();
        foreach (var (client, _, path) in paths)
        {
            before.Add(await CountAsync(client, path));
        }

        await AddStructuresAsync(year, lastQuarter);
        var sizes = await factory.WithDbAsync(async db => new
        {
            Structures = await db.Structures.CountAsync(),
            PublishedReports = await db.QuarterlyReports.CountAsync(r => r.State == ReviewState.Published && r.Structure!.Slug.StartsWith("service-rapports-")),
        });
        Assert.Equal(6 + AddedStructures, sizes.Structures);
        Assert.Equal(AddedStructures * 4, sizes.PublishedReports);

        var after = new List<(int Count, IReadOnlyList<string> Commands)>();
        foreach (var (client, _, path) in paths)
        {
            after.Add(await CountAsync(client, path));
        }

        for (var i = 0; i < paths.Count; i++)
        {
            var (_, who, path) = paths[i];
            Assert.True(before[i].Count > 0, $"{path} ({who}): no SQL command counted");
            Assert.True(before[i].Count <= MaxCommandsPerDownload, $"{path} ({who}): {before[i].Count} commands:\n{string.Join("\n---\n", before[i].Commands)}");
            Assert.True(after[i].Count == before[i].Count,
                $"{path} ({who}): {before[i].Count} commands with 6 structures, {after[i].Count} with {6 + AddedStructures}: a query per structure or row?\n{string.Join("\n---\n", after[i].Commands)}");
        }
    }

    private async Task<(int Count, IReadOnlyList<string> Commands)> CountAsync(HttpClient client, string path)
    {
        factory.Commands.Reset();
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();
        var commands = factory.Commands.Commands;
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        Assert.NotEmpty(body);
        return (commands.Count, commands);
    }

    /// <summary>
    /// Structures with everything the reports read: four published quarters ending with <paramref name="lastQuarter"/>,
    /// experiences (with an answer, a comment and a postal code), and this year a validated self-assessment and a
    /// validated action plan of two actions (one shown to users).
    /// </summary>
    private Task AddStructuresAsync(int year, Quarter lastQuarter) => factory.WithDbAsync(async db =>
    {
        var departmentId = await db.Departments.Select(d => d.Id).FirstAsync();
        var indicators = await db.Indicators.Where(i => i.IsActive && i.Source == IndicatorSource.Entered)
            .Select(i => new { i.Id, i.Kind }).ToListAsync();
        var gridId = await db.AssessmentGrids.Where(g => g.Framework!.Status == FrameworkStatus.Active).OrderByDescending(g => g.Version).Select(g => g.Id).FirstAsync();
        var criteria = await db.AssessmentCriteria.Where(c => c.GridId == gridId).Select(c => c.Id).ToListAsync();
        var now = factory.FakeTime!.GetUtcNow().UtcDateTime;
        var structures = Enumerable.Range(1, AddedStructures).Select(n => new Structure
        {
            DepartmentId = departmentId, Name = $"Service des rapports {n:00}", Slug = $"service-rapports-{n}", Type = StructureType.Ddt,
        }).ToList();
        db.Structures.AddRange(structures);
        await db.SaveChangesAsync();
        for (var i = 0; i < structures.Count; i++)
        {
            var structureId = structures[i].Id;
            foreach (var quarter in Quarter.Range(lastQuarter, 4))
            {
                db.QuarterlyReports.Add(new QuarterlyReport
                {
                    StructureId = structureId, Year = quarter.Year, QuarterNumber = quarter.Number, State = ReviewState.Published,
                    CreatedAtUtc = now, StateChangedAtUtc = now, PublishedAtUtc = now,
                    Values = indicators.Select(indicator => indicator.Kind == IndicatorKind.Ratio
                        ? new IndicatorValue { IndicatorId = indicator.Id, Numerator = 70 + i, Denominator = 100 }
                        : new IndicatorValue { IndicatorId = indicator.Id, Value = 10 + i, Count = 20 }).ToList(),
                });
            }

            for (var e = 0; e < 3; e++)
            {
                var publishedOn = lastQuarter.FirstDay.AddDays(10 * e + i);
                var experience = new Experience
                {
                    StructureId = structureId, Source = ExperienceSource.NationalImport, NationalId = $"SPP-RAPPORTS-{i + 1}-{e + 1}",
                    Title = "Accueil au guichet", Description = "Texte de l'usager.", Sentiment = (Sentiment)(e % 3 + 1), PostalCode = "10000",
                    PublishedOn = publishedOn, DueOn = publishedOn.AddDays(15), FirstAnswerOn = e == 0 ? publishedOn.AddDays(3) : null,
                    TagAccessibility = e != 1, TagRelation = true, CreatedAtUtc = now,
                    Answer = new ExperienceAnswer
                    {
                        StructureId = structureId, Text = "Bonjour, merci pour votre message.", State = e == 0 ? ReviewState.Published : ReviewState.Draft,
                        CreatedAtUtc = now, UpdatedAtUtc = now, StateChangedAtUtc = now,
                    },
                };
                experience.Comments.Add(new ExperienceComment { AuthorUserId = "test", AuthorName = "Camille Durand", AtUtc = now, Text = "À rappeler." });
                db.Experiences.Add(experience);
            }

            db.SelfAssessments.Add(new SelfAssessment
            {
                StructureId = structureId, Year = year, GridId = gridId, State = ReviewState.Validated, CreatedAtUtc = now, ValidatedAtUtc = now,
                Ratings = criteria.Select((id, n) => new CriterionRating { CriterionId = id, Level = (MaturityLevel)(n % 5), Evidence = "Registre" }).ToList(),
            });
            db.ActionPlans.Add(new ActionPlan
            {
                StructureId = structureId, Year = year, State = ReviewState.Validated, CreatedAtUtc = now,
                Actions =
                [
                    new ImprovementAction { Title = "Afficher les horaires", Status = ActionStatus.Done, Progress = 100, ShowToUsers = true, CreatedAtUtc = now, UpdatedAtUtc = now },
                    new ImprovementAction
                    {
                        Title = "Former l'équipe d'accueil", Status = ActionStatus.InProgress, Progress = 50, DueOn = DateOnly.FromDateTime(now).AddDays(-5),
                        CreatedAtUtc = now, UpdatedAtUtc = now,
                    },
                ],
            });
        }

        await db.SaveChangesAsync();
    });
}
