using System.Net;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.ActionPlans;
using SpPlus.Core.Reviews;
using SpPlus.Core.Structures;
using SpPlus.Web.Tests.Infrastructure;

namespace SpPlus.Web.Tests.Indicators;

/// <summary>
/// « Vous nous l'avez demandé, on l'a fait » on a structure's public results page: the actions flagged for users that
/// are done, in plans the COPIL validated; never the owner nor the internal description.
/// </summary>
public sealed class PublicDoneActionsTests(SpPlusFactory factory) : IClassFixture<SpPlusFactory>
{
    private const string Slug = "service-temoin-actions";

    [Fact]
    public async Task A_structure_page_lists_the_done_actions_asked_for_by_users_in_validated_plans_only()
    {
        await factory.WithDbAsync(async db =>
        {
            var structure = new Structure
            {
                DepartmentId = await db.Departments.Select(d => d.Id).FirstAsync(),
                Name = "Service témoin des actions", Slug = Slug, Type = StructureType.Ddt,
            };
            db.Structures.Add(structure);
            await db.SaveChangesAsync();

            ImprovementAction Action(string title, ActionStatus status, bool show) => new()
            {
                Title = title, Status = status, ShowToUsers = show, Progress = status == ActionStatus.Done ? 100 : 30,
                CompletedOn = status == ActionStatus.Done ? new DateOnly(2025, 10, 14) : null,
                OwnerName = "Pilote Témoin-Confidentiel", Description = "Description interne confidentielle",
            };
            db.ActionPlans.AddRange(
                new ActionPlan
                {
                    StructureId = structure.Id, Year = 2025, State = ReviewState.Validated,
                    Actions =
                    [
                        Action("Bancs ajoutés en salle d'attente", ActionStatus.Done, true),
                        Action("Interphone réparé (action interne)", ActionStatus.Done, false),
                        Action("Prise de rendez-vous en ligne (en cours)", ActionStatus.InProgress, true),
                    ],
                },
                new ActionPlan
                {
                    StructureId = structure.Id, Year = 2026, State = ReviewState.Submitted,
                    Actions = [Action("Plan non validé : fontaine à eau", ActionStatus.Done, true)],
                });
            await db.SaveChangesAsync();
        });

        var page = await factory.CreateBrowserClient().GetPageAsync($"/resultats/{Slug}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Vous nous l'avez demandé, on l'a fait", page.Text, StringComparison.Ordinal);
        Assert.Contains("Bancs ajoutés en salle d'attente — réalisée le 14/10/2025", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Interphone réparé", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Prise de rendez-vous en ligne", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("fontaine à eau", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Témoin-Confidentiel", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Description interne confidentielle", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_such_actions_the_section_is_absent()
    {
        const string slug = "service-temoin-sans-action";
        await factory.WithDbAsync(async db =>
        {
            db.Structures.Add(new Structure
            {
                DepartmentId = await db.Departments.Select(d => d.Id).FirstAsync(),
                Name = "Service témoin sans action", Slug = slug, Type = StructureType.Ddt,
            });
            await db.SaveChangesAsync();
        });

        var page = await factory.CreateBrowserClient().GetPageAsync($"/resultats/{slug}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("on l'a fait", page.Text, StringComparison.Ordinal);
    }
}
