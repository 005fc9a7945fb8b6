using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.ActionPlans;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Identity;
using SpPlus.Core.Reviews;
using SpPlus.Web.Authorization;

namespace SpPlus.Web.MySpace;

/// <summary>
/// Self-assessments and action plans on "Mon espace": for correspondents, this year's drafts of their structures
/// (those returned for correction first) and the late actions of their structures' plans (five at most, then a link
/// to the others); for the referent, the submitted documents to review; for COPIL members, the approved documents
/// waiting for the COPIL's validation. Each list is one bounded query (plus a count when it is grouped).
/// </summary>
public sealed class ImprovementMySpaceProvider(SpPlusDbContext db, UserScope scope, TimeProvider time) : IMySpaceProvider
{
    /// <summary>Late actions listed one by one; beyond, one item links to the others.</summary>
    public const int MaxLateActions = 5;

    /// <summary>Documents listed one by one for the referent or the COPIL; beyond, one item gives their number.</summary>
    public const int MaxWaitingDocuments = 8;

    public const string AwaitingCopilLabel = "En attente de validation par le COPIL";

    private const int MaxDrafts = 20;
    private const int TitleLength = 100;

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private sealed record DocumentRow(int Id, int Year, string StructureName, bool Returned);

    public async Task<IReadOnlyList<MySpaceItem>> GetItemsAsync(CancellationToken cancellationToken)
    {
        var items = new List<MySpaceItem>();
        var user = scope.User;
        if (user.IsInRole(RoleNames.Correspondent))
        {
            items.AddRange(await CorrespondentItemsAsync(cancellationToken));
        }

        if (user.IsInRole(RoleNames.Referent))
        {
            items.AddRange(await WaitingAsync(ReviewState.Submitted, cancellationToken));
        }

        if (user.IsInRole(RoleNames.CopilMember))
        {
            items.AddRange(await WaitingAsync(ReviewState.Approved, cancellationToken));
        }

        return items;
    }

    private async Task<List<MySpaceItem>> CorrespondentItemsAsync(CancellationToken cancellationToken)
    {
        var structureIds = (await scope.GetStructureIdsAsync(cancellationToken)).ToList();
        if (structureIds.Count == 0)
        {
            return [];
        }

        var items = new List<MySpaceItem>();
        var year = time.CurrentYear();
        var returnedAssessments = db.ReviewEvents.ReturnedIds(ReviewDocumentKind.SelfAssessment);
        var assessments = await db.SelfAssessments.AsNoTracking()
            .Where(a => structureIds.Contains(a.StructureId) && a.Year == year && a.State == ReviewState.Draft)
            .OrderBy(a => a.Structure!.Name)
            .Take(MaxDrafts)
            .Select(a => new DocumentRow(a.Id, a.Year, a.Structure!.Name, returnedAssessments.Contains(a.Id)))
            .ToListAsync(cancellationToken);
        items.AddRange(assessments.Select(a => a.Returned
            ? new MySpaceItem($"Auto-évaluation {a.Year} à corriger — {a.StructureName}",
                "Elle vous a été renvoyée pour correction : lisez le commentaire, corrigez-la et soumettez-la de nouveau.",
                AssessmentUrl(a.Id), "Renvoyé pour correction", "warning", Priority: 30)
            : new MySpaceItem($"Auto-évaluation {a.Year} à compléter — {a.StructureName}",
                "Notez chaque critère de la grille, avec vos preuves, puis soumettez l'auto-évaluation au référent.",
                AssessmentUrl(a.Id), "Brouillon", "info", Priority: 20)));

        var returnedPlans = db.ReviewEvents.ReturnedIds(ReviewDocumentKind.ActionPlan);
        var plans = await db.ActionPlans.AsNoTracking()
            .Where(p => structureIds.Contains(p.StructureId) && p.Year == year && p.State == ReviewState.Draft)
            .OrderBy(p => p.Structure!.Name)
            .Take(MaxDrafts)
            .Select(p => new DocumentRow(p.Id, p.Year, p.Structure!.Name, returnedPlans.Contains(p.Id)))
            .ToListAsync(cancellationToken);
        items.AddRange(plans.Select(p => p.Returned
            ? new MySpaceItem($"Plan d'action {p.Year} à corriger — {p.StructureName}",
                "Il vous a été renvoyé pour correction : lisez le commentaire, corrigez-le et soumettez-le de nouveau.",
                PlanUrl(p.Id), "Renvoyé pour correction", "warning", Priority: 30)
            : new MySpaceItem($"Plan d'action {p.Year} à compléter — {p.StructureName}",
                "Complétez les actions de l'année (pilote, échéance, engagement) puis soumettez le plan au référent.",
                PlanUrl(p.Id), "Brouillon", "info", Priority: 20)));

        items.AddRange(await LateActionsAsync(structureIds, cancellationToken));
        return items;
    }

    /// <summary>The late actions of the structures' plans, oldest due date first: five, then one item for the others.</summary>
    private async Task<List<MySpaceItem>> LateActionsAsync(List<int> structureIds, CancellationToken cancellationToken)
    {
        var late = db.ImprovementActions.AsNoTracking()
            .Where(ActionRules.Late(time.Today()))
            .Where(a => structureIds.Contains(a.Plan!.StructureId));
        var rows = await late
            .OrderBy(a => a.DueOn).ThenBy(a => a.Id)
            .Take(MaxLateActions + 1)
            .Select(a => new { a.Id, a.Title, a.DueOn, StructureName = a.Plan!.Structure!.Name })
            .ToListAsync(cancellationToken);
        var items = rows.Take(MaxLateActions)
            .Select(a => new MySpaceItem($"Action en retard — {a.StructureName}",
                $"« {Shorten(a.Title)} » : en retard depuis le {a.DueOn!.Value.ToString("dd/MM/yyyy", French)}. Mettez à jour son avancement.",
                $"/ActionPlans/Actions/Details/{Id(a.Id)}", ActionLabels.LateLabel, "error", Priority: 35))
            .ToList();
        if (rows.Count > MaxLateActions)
        {
            var others = await late.CountAsync(cancellationToken) - MaxLateActions;
            var url = structureIds.Count == 1
                ? $"/ActionPlans/Actions?late=true&structureId={Id(structureIds[0])}"
                : "/ActionPlans/Actions?late=true";
            items.Add(new MySpaceItem(
                others > 1 ? $"{others} autres actions en retard" : "1 autre action en retard",
                "Retrouvez toutes les actions en retard de vos structures dans le suivi des actions.",
                url, ActionLabels.LateLabel, "error", Priority: 34));
        }

        return items;
    }

    /// <summary>
    /// The self-assessments and plans in <paramref name="state"/> (submitted: the referent's; approved: the COPIL's),
    /// each listed, or counted in one item per kind when there are many.
    /// </summary>
    private async Task<List<MySpaceItem>> WaitingAsync(ReviewState state, CancellationToken cancellationToken)
    {
        var copil = state == ReviewState.Approved;
        var assessments = await ListOrCountAsync(
            db.SelfAssessments.AsNoTracking().Where(a => a.State == state)
                .OrderBy(a => a.StateChangedAtUtc).ThenBy(a => a.Id)
                .Select(a => new DocumentRow(a.Id, a.Year, a.Structure!.Name, false)),
            count => copil
                ? new MySpaceItem($"{count} auto-évaluations à valider",
                    "Approuvées par le référent, elles attendent la validation du COPIL.",
                    "/SelfAssessments/Assessments?state=Approved", AwaitingCopilLabel, "new", Priority: 30)
                : new MySpaceItem($"{count} auto-évaluations à relire",
                    "Soumises par les correspondants : approuvez-les ou renvoyez-les pour correction.",
                    "/SelfAssessments/Assessments?state=Submitted", "Soumis", "new", Priority: 30),
            a => copil
                ? new MySpaceItem($"Auto-évaluation {a.Year} à valider — {a.StructureName}",
                    "Approuvée par le référent : validez-la en indiquant la réunion du COPIL, ou renvoyez-la pour correction.",
                    AssessmentUrl(a.Id), AwaitingCopilLabel, "new", Priority: 30)
                : new MySpaceItem($"Auto-évaluation {a.Year} à relire — {a.StructureName}",
                    "Soumise par le correspondant : approuvez-la ou renvoyez-la pour correction.",
                    AssessmentUrl(a.Id), "Soumis", "new", Priority: 30),
            cancellationToken);
        var plans = await ListOrCountAsync(
            db.ActionPlans.AsNoTracking().Where(p => p.State == state)
                .OrderBy(p => p.StateChangedAtUtc).ThenBy(p => p.Id)
                .Select(p => new DocumentRow(p.Id, p.Year, p.Structure!.Name, false)),
            count => copil
                ? new MySpaceItem($"{count} plans d'action à valider",
                    "Approuvés par le référent, ils attendent la validation du COPIL.",
                    "/ActionPlans/Plans?state=Approved", AwaitingCopilLabel, "new", Priority: 30)
                : new MySpaceItem($"{count} plans d'action à relire",
                    "Soumis par les correspondants : approuvez-les ou renvoyez-les pour correction.",
                    "/ActionPlans/Plans?state=Submitted", "Soumis", "new", Priority: 30),
            p => copil
                ? new MySpaceItem($"Plan d'action {p.Year} à valider — {p.StructureName}",
                    "Approuvé par le référent : validez-le en indiquant la réunion du COPIL, ou renvoyez-le pour correction.",
                    PlanUrl(p.Id), AwaitingCopilLabel, "new", Priority: 30)
                : new MySpaceItem($"Plan d'action {p.Year} à relire — {p.StructureName}",
                    "Soumis par le correspondant : approuvez-le ou renvoyez-le pour correction.",
                    PlanUrl(p.Id), "Soumis", "new", Priority: 30),
            cancellationToken);
        return [.. assessments, .. plans];
    }

    /// <summary>One item per document, or a single item with their count when there are more than can be listed.</summary>
    private static async Task<List<MySpaceItem>> ListOrCountAsync(
        IQueryable<DocumentRow> documents, Func<int, MySpaceItem> countItem, Func<DocumentRow, MySpaceItem> rowItem, CancellationToken cancellationToken)
    {
        var rows = await documents.Take(MaxWaitingDocuments + 1).ToListAsync(cancellationToken);
        return rows.Count > MaxWaitingDocuments
            ? [countItem(await documents.CountAsync(cancellationToken))]
            : rows.Select(rowItem).ToList();
    }

    private static string AssessmentUrl(int id) => $"/SelfAssessments/Assessments/Details/{Id(id)}";

    private static string PlanUrl(int id) => $"/ActionPlans/Plans/Details/{Id(id)}";

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Shorten(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return "Sans titre";
        }

        return title.Length <= TitleLength ? title : title[..TitleLength].TrimEnd() + "…";
    }
}
