using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.ActionPlans;
using SpPlus.Core.Common;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Identity;
using SpPlus.Core.Reviews;
using SpPlus.Core.Structures;
using SpPlus.Web.MySpace;
using SpPlus.Web.Tests.Infrastructure;

namespace SpPlus.Web.Tests.MySpace;

/// <summary>
/// Self-assessments and action plans on "Mon espace", on the demo data: what the COPIL member, the referent and the
/// correspondents are shown, and only to them.
/// </summary>
public sealed class ImprovementMySpaceTests(SpPlusFactory factory) : IClassFixture<SpPlusFactory>
{
    private static string Email(string account) => $"{account}@{DemoDataSeeder.EmailDomain}";

    [Fact]
    public async Task A_copil_member_sees_the_approved_assessments_and_plans_awaiting_validation_and_nothing_else()
    {
        var (approved, submitted) = await DocumentsAsync();
        Assert.NotEmpty(approved.Assessments);
        Assert.NotEmpty(approved.Plans);

        var links = await WaitingLinksAsync(Email("copil"));

        foreach (var id in approved.Assessments)
        {
            Assert.Contains($"/SelfAssessments/Assessments/Details/{id}", links.Keys);
            Assert.Contains(ImprovementMySpaceProvider.AwaitingCopilLabel, links[$"/SelfAssessments/Assessments/Details/{id}"]);
        }

        foreach (var id in approved.Plans)
        {
            Assert.Contains($"/ActionPlans/Plans/Details/{id}", links.Keys);
            Assert.Contains(ImprovementMySpaceProvider.AwaitingCopilLabel, links[$"/ActionPlans/Plans/Details/{id}"]);
        }

        Assert.All(submitted.Assessments, id => Assert.DoesNotContain($"/SelfAssessments/Assessments/Details/{id}", links.Keys));
        Assert.All(submitted.Plans, id => Assert.DoesNotContain($"/ActionPlans/Plans/Details/{id}", links.Keys));
        Assert.DoesNotContain(links.Keys, l => l.StartsWith("/ActionPlans/Actions/Details/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_referent_sees_the_submitted_assessments_and_plans_to_review_not_the_approved_ones()
    {
        var (approved, submitted) = await DocumentsAsync();
        Assert.NotEmpty(submitted.Assessments);
        Assert.NotEmpty(submitted.Plans);

        var links = await WaitingLinksAsync(Email("referent"));

        Assert.All(submitted.Assessments, id => Assert.Contains($"/SelfAssessments/Assessments/Details/{id}", links.Keys));
        Assert.All(submitted.Plans, id => Assert.Contains($"/ActionPlans/Plans/Details/{id}", links.Keys));
        Assert.All(approved.Assessments, id => Assert.DoesNotContain($"/SelfAssessments/Assessments/Details/{id}", links.Keys));
        Assert.All(approved.Plans, id => Assert.DoesNotContain($"/ActionPlans/Plans/Details/{id}", links.Keys));
        Assert.DoesNotContain(links.Values, text => text.Contains(ImprovementMySpaceProvider.AwaitingCopilLabel, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_correspondent_of_the_structure_with_a_late_action_sees_it_and_another_correspondent_does_not()
    {
        var late = await factory.WithDbAsync(db => db.ImprovementActions.AsNoTracking()
            .Where(a => a.Title == DemoImprovementSeeder.LateActionTitle)
            .Select(a => new { a.Id, a.DueOn, a.Status, a.Plan!.StructureId, a.Plan.Structure!.Slug })
            .SingleAsync());
        Assert.True(ActionRules.IsLate(late.Status, late.DueOn, TimeProvider.System.Today()));
        var url = $"/ActionPlans/Actions/Details/{late.Id}";

        var links = await WaitingLinksAsync(DemoDataSeeder.CorrespondentEmail(late.Slug));
        Assert.Contains(url, links.Keys);
        Assert.Contains($"en retard depuis le {late.DueOn!.Value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}", links[url]);
        Assert.Contains(ActionLabels.LateLabel, links[url]);

        var otherSlug = await factory.WithDbAsync(db => db.Structures.Where(s => s.IsActive && s.Id != late.StructureId).OrderBy(s => s.Id).Select(s => s.Slug).FirstAsync());
        var otherLinks = await WaitingLinksAsync(DemoDataSeeder.CorrespondentEmail(otherSlug));
        Assert.DoesNotContain(url, otherLinks.Keys);
        Assert.DoesNotContain(otherLinks.Values, text => text.Contains(DemoImprovementSeeder.LateActionTitle, StringComparison.Ordinal));

        // Neither the referent nor the COPIL member is asked to update an action.
        Assert.DoesNotContain(url, (await WaitingLinksAsync(Email("copil"))).Keys);
    }

    [Fact]
    public async Task A_correspondent_sees_this_years_drafts_of_their_structure_the_returned_ones_marked()
    {
        var year = TimeProvider.System.CurrentYear();
        var returnedAssessments = await factory.WithDbAsync(db => db.ReviewEvents.ReturnedIds(ReviewDocumentKind.SelfAssessment).ToListAsync());
        var returned = await factory.WithDbAsync(db => db.SelfAssessments.AsNoTracking()
            .Where(a => a.Year == year && a.State == ReviewState.Draft && returnedAssessments.Contains(a.Id))
            .Select(a => new { a.Id, a.StructureId, a.Structure!.Slug }).FirstAsync());
        var plainDraft = await factory.WithDbAsync(db => db.SelfAssessments.AsNoTracking()
            .Where(a => a.Year == year && a.State == ReviewState.Draft && !returnedAssessments.Contains(a.Id))
            .Select(a => new { a.Id, a.StructureId, a.Structure!.Slug }).FirstAsync());
        Assert.NotEqual(returned.StructureId, plainDraft.StructureId);

        var links = await WaitingLinksAsync(DemoDataSeeder.CorrespondentEmail(returned.Slug));
        Assert.Contains("Renvoyé pour correction", links[$"/SelfAssessments/Assessments/Details/{returned.Id}"]);
        Assert.DoesNotContain($"/SelfAssessments/Assessments/Details/{plainDraft.Id}", links.Keys);

        var other = await WaitingLinksAsync(DemoDataSeeder.CorrespondentEmail(plainDraft.Slug));
        Assert.Contains("Brouillon", other[$"/SelfAssessments/Assessments/Details/{plainDraft.Id}"]);
        Assert.DoesNotContain($"/SelfAssessments/Assessments/Details/{returned.Id}", other.Keys);
    }

    [Fact]
    public async Task Beyond_five_late_actions_one_item_links_to_the_others_in_the_consolidated_view()
    {
        // A structure of this test's own, with a plan far in the future whose seven actions are all past due.
        var today = TimeProvider.System.Today();
        var structureId = await factory.WithDbAsync(async db =>
        {
            var structure = new Structure
            {
                DepartmentId = await db.Departments.Select(d => d.Id).FirstAsync(),
                Name = "Service des retards (test)",
                Slug = "service-des-retards-test",
                Type = StructureType.Ddt,
            };
            db.Structures.Add(structure);
            await db.SaveChangesAsync();
            var plan = new ActionPlan { StructureId = structure.Id, Year = 2031, State = ReviewState.Validated, CreatedAtUtc = DateTime.UtcNow };
            for (var i = 0; i < 7; i++)
            {
                plan.Actions.Add(new ImprovementAction
                {
                    Title = $"Action en souffrance numéro {i + 1}",
                    OwnerName = "Camille Durand",
                    Status = i % 2 == 0 ? ActionStatus.InProgress : ActionStatus.Planned,
                    DueOn = today.AddDays(-(i + 1)),
                    CreatedAtUtc = DateTime.UtcNow,
                    UpdatedAtUtc = DateTime.UtcNow,
                });
            }

            // Done or abandoned actions past their due date are not late.
            plan.Actions.Add(new ImprovementAction { Title = "Action terminée", Status = ActionStatus.Done, DueOn = today.AddDays(-30), CompletedOn = today.AddDays(-31) });
            plan.Actions.Add(new ImprovementAction { Title = "Action abandonnée", Status = ActionStatus.Abandoned, DueOn = today.AddDays(-30) });
            db.ActionPlans.Add(plan);
            await db.SaveChangesAsync();
            return structure.Id;
        });
        var user = await factory.CreateUserAsync(RoleNames.Correspondent, [structureId]);

        var links = await WaitingLinksAsync(user.Email!);

        var late = links.Where(l => l.Key.StartsWith("/ActionPlans/Actions/Details/", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, late.Count);
        // The oldest due dates first: actions 7 down to 3.
        Assert.All(late, l => Assert.Matches("numéro [3-7]", l.Value));
        var more = links[$"/ActionPlans/Actions?late=true&structureId={structureId}"];
        Assert.Contains("2 autres actions en retard", more);
        Assert.DoesNotContain(links.Values, text => text.Contains("Action terminée", StringComparison.Ordinal) || text.Contains("Action abandonnée", StringComparison.Ordinal));
    }

    /// <summary>The links of the "Ce qui vous attend" cards of the account's home page, with each card's text.</summary>
    private async Task<Dictionary<string, string>> WaitingLinksAsync(string email)
    {
        var client = await factory.SignInAsync(email);
        var page = await client.GetPageAsync("/");
        Assert.Equal("Mon espace", page.H1);
        return page.Document.QuerySelectorAll("#en-attente li")
            .Select(li => (Href: li.QuerySelector("a")?.GetAttribute("href") ?? "", Text: HtmlPage.Normalize(li.TextContent)))
            .GroupBy(c => c.Href)
            .ToDictionary(g => g.Key, g => string.Join(" | ", g.Select(c => c.Text)));
    }

    private async Task<((List<int> Assessments, List<int> Plans) Approved, (List<int> Assessments, List<int> Plans) Submitted)> DocumentsAsync() =>
        await factory.WithDbAsync(async db =>
        (
            (await db.SelfAssessments.Where(a => a.State == ReviewState.Approved).Select(a => a.Id).ToListAsync(),
                await db.ActionPlans.Where(p => p.State == ReviewState.Approved).Select(p => p.Id).ToListAsync()),
            (await db.SelfAssessments.Where(a => a.State == ReviewState.Submitted).Select(a => a.Id).ToListAsync(),
                await db.ActionPlans.Where(p => p.State == ReviewState.Submitted).Select(p => p.Id).ToListAsync())
        ));
}
