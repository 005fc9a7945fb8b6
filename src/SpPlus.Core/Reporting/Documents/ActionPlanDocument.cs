using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.ActionPlans;
using SpPlus.Core.Data;
using SpPlus.Core.Governance;
using SpPlus.Core.Reporting.Pdf;
using SpPlus.Core.Reviews;

namespace SpPlus.Core.Reporting.Documents;

/// <summary>One action as the plan document shows it; <see cref="IsLate"/> is derived on the document's day.</summary>
public sealed record ActionPlanDocumentAction(
    string Title,
    int? EngagementNumber,
    string? EngagementWording,
    ActionOrigin Origin,
    string? OwnerName,
    DateOnly? DueOn,
    ActionStatus Status,
    bool IsLate,
    int Progress,
    ActionPriority Priority,
    bool ShowToUsers);

/// <summary>What the action-plan document shows: one structure's plan of one year, its state and its actions.</summary>
public sealed record ActionPlanDocumentData(
    string StructureName,
    string StructureSlug,
    int Year,
    ReviewState State,
    DateOnly? ValidatedOn,
    DateOnly? ValidationMeetingOn,
    DateOnly AsOf,
    IReadOnlyList<ActionPlanDocumentAction> Actions)
{
    public int Count(ActionStatus status) => Actions.Count(a => a.Status == status);

    public int LateCount => Actions.Count(a => a.IsLate);
}

/// <summary>
/// The action plan for the COPIL (« plan d'action »): one structure, one year, A4 landscape — the plan's state and its
/// validation, key figures, and every action with its engagement, origin, pilote, due date, status (late ones marked
/// « En retard »), progress, priority and the « vous nous l'avez demandé » flag, ordered by engagement.
/// </summary>
public static class ActionPlanDocument
{
    public const string Title = "Plan d'action";

    /// <summary>"plan-action-prefecture-aube-2026.pdf".</summary>
    public static string FileName(string structureSlug, int year) => $"plan-action-{structureSlug}-{year.ToString(CultureInfo.InvariantCulture)}.pdf";

    public static string FileName(ActionPlanDocumentData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return FileName(data.StructureSlug, data.Year);
    }

    /// <summary>
    /// The plan's data (three queries: the plan, its actions, the meeting of its last validation); null when the plan
    /// does not exist. <paramref name="today"/> (Europe/Paris) decides which actions are late.
    /// </summary>
    public static async Task<ActionPlanDocumentData?> LoadAsync(SpPlusDbContext db, int planId, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var plan = await db.ActionPlans.AsNoTracking()
            .Where(p => p.Id == planId)
            .Select(p => new { p.Year, p.State, p.ValidatedAtUtc, StructureName = p.Structure!.Name, StructureSlug = p.Structure.Slug })
            .FirstOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var actions = await db.ImprovementActions.AsNoTracking()
            .Where(a => a.PlanId == planId)
            .Select(a => new
            {
                a.Id, a.Title, EngagementNumber = (int?)a.Engagement!.Number, EngagementWording = a.Engagement.Wording, a.Origin, a.OwnerName,
                a.DueOn, a.Status, a.Progress, a.Priority, a.ShowToUsers,
            })
            .ToListAsync(cancellationToken);

        DateTime? meetingHeldAt = null;
        if (plan.State == ReviewState.Validated)
        {
            meetingHeldAt = await db.ReviewEvents.AsNoTracking()
                .Where(e => e.DocumentKind == ReviewDocumentKind.ActionPlan && e.DocumentId == planId && e.Action == ReviewAction.Validate
                    && e.Meeting != null && e.Meeting.Kind == MeetingKind.Copil)
                .OrderByDescending(e => e.Id)
                .Select(e => (DateTime?)e.Meeting!.HeldAt)
                .FirstOrDefaultAsync(cancellationToken);
        }

        var rows = actions
            .OrderBy(a => a.EngagementNumber is null)
            .ThenBy(a => a.EngagementNumber)
            .ThenBy(a => a.DueOn is null)
            .ThenBy(a => a.DueOn)
            .ThenBy(a => a.Id)
            .Select(a => new ActionPlanDocumentAction(a.Title, a.EngagementNumber, a.EngagementWording, a.Origin, a.OwnerName, a.DueOn, a.Status,
                ActionRules.IsLate(a.Status, a.DueOn, today), a.Progress, a.Priority, a.ShowToUsers))
            .ToList();

        return new ActionPlanDocumentData(
            plan.StructureName,
            plan.StructureSlug,
            plan.Year,
            plan.State,
            plan.State == ReviewState.Validated && plan.ValidatedAtUtc is { } validated ? DocumentText.ParisDate(validated) : null,
            meetingHeldAt is { } heldAt ? DateOnly.FromDateTime(heldAt) : null,
            today,
            rows);
    }

    /// <summary>The PDF (pure: the same data and date give the same bytes).</summary>
    public static byte[] Build(ActionPlanDocumentData data, DateTime generatedAt)
    {
        ArgumentNullException.ThrowIfNull(data);
        var year = data.Year.ToString(CultureInfo.InvariantCulture);
        using var report = new PdfReport(new PdfReportOptions
        {
            Title = $"{Title} {year}",
            Subtitle = $"{data.StructureName} · {StateText(data)}",
            Orientation = PdfOrientation.Landscape,
            Subject = $"{Title} {year} — {data.StructureName}",
            GeneratedAt = generatedAt,
        });

        var late = data.LateCount;
        report.KeyFigures(
        [
            new KeyFigure(Number(data.Actions.Count), data.Actions.Count > 1 ? "actions" : "action"),
            new KeyFigure(Number(data.Count(ActionStatus.Done)), "réalisées", Tone: PdfTone.Green),
            new KeyFigure(Number(data.Count(ActionStatus.InProgress)), "en cours"),
            new KeyFigure(Number(late), "en retard", $"Au {DocumentText.Date(data.AsOf)}", late > 0 ? PdfTone.Red : PdfTone.Muted),
        ]);

        report.Heading("Actions du plan");
        report.Paragraph(
            $"Par engagement, puis par échéance. « En retard » : échéance dépassée au {DocumentText.Date(data.AsOf)}, action ni réalisée ni abandonnée. " +
            $"« Demandé » : {ActionLabels.ShowToUsersLabel.ToLowerInvariant()}, à montrer aux usagers.",
            PdfTextStyle.Muted);
        var table = new PdfTable(
        [
            new PdfColumn("Action", 4),
            new PdfColumn("Engagement", 1.5, PdfAlign.Center),
            new PdfColumn("Origine", 1.7),
            new PdfColumn("Pilote", 1.6),
            new PdfColumn("Échéance", 1.45, PdfAlign.Center),
            new PdfColumn("Statut", 1.3),
            new PdfColumn("Avancement", 1.5, PdfAlign.Right),
            new PdfColumn("Priorité", 1, PdfAlign.Center),
            new PdfColumn("Demandé", 1.15, PdfAlign.Center),
        ]);
        foreach (var action in data.Actions)
        {
            table.AddRow(
                new PdfCell(action.Title),
                new PdfCell(action.EngagementNumber is { } n ? $"n°\u00A0{Number(n)}" : "—", Tone: action.EngagementNumber is null ? PdfTone.Muted : PdfTone.Default),
                new PdfCell(action.Origin.Label()),
                new PdfCell(action.OwnerName ?? "—", Tone: action.OwnerName is null ? PdfTone.Muted : PdfTone.Default),
                new PdfCell(action.DueOn is { } due ? DocumentText.Date(due) : "—", Bold: action.IsLate, Tone: action.IsLate ? PdfTone.Red : PdfTone.Default),
                StatusCell(action),
                new PdfCell($"{Number(action.Progress)}\u00A0%", Bold: true),
                new PdfCell(action.Priority.Label(), Bold: action.Priority == ActionPriority.High),
                new PdfCell(action.ShowToUsers ? "Oui" : "—", Bold: action.ShowToUsers, Tone: action.ShowToUsers ? PdfTone.Blue : PdfTone.Muted));
        }

        report.Table(table);

        var engagements = data.Actions
            .Where(a => a.EngagementNumber is not null && a.EngagementWording is not null)
            .DistinctBy(a => a.EngagementNumber)
            .ToList();
        if (engagements.Count > 0)
        {
            report.Heading("Engagements concernés", 2);
            report.NumberedItems(engagements.Select(a => new PdfListItem(Number(a.EngagementNumber!.Value), a.EngagementWording!)).ToList(), 8.5);
        }

        return report.ToArray();
    }

    /// <summary>"Validé le 05/12/2026 (COPIL du 04/12/2026)", "Brouillon", "Approuvé, en attente du COPIL"…</summary>
    public static string StateText(ActionPlanDocumentData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.State switch
        {
            ReviewState.Validated => "Validé"
                + (data.ValidatedOn is { } on ? $" le {DocumentText.Date(on)}" : string.Empty)
                + (data.ValidationMeetingOn is { } meeting ? $" (COPIL du {DocumentText.Date(meeting)})" : string.Empty),
            ReviewState.Approved => "Approuvé, en attente de la validation du COPIL",
            ReviewState.Submitted => "Soumis au référent, non validé",
            ReviewState.Draft => "Brouillon, non validé",
            _ => data.State.Label(),
        };
    }

    private static PdfCell StatusCell(ActionPlanDocumentAction action)
    {
        if (action.IsLate)
        {
            return new PdfCell($"{action.Status.Label()}\n{ActionLabels.LateLabel}", Bold: true, Tone: PdfTone.Red);
        }

        return new PdfCell(action.Status.Label(), Tone: action.Status switch
        {
            ActionStatus.Done => PdfTone.Green,
            ActionStatus.Abandoned => PdfTone.Muted,
            _ => PdfTone.Default,
        });
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
