using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Engagements;
using SpPlus.Core.Feedback;
using SpPlus.Core.Governance;
using SpPlus.Core.Reviews;
using SpPlus.Core.SelfAssessments;

namespace SpPlus.Core.ActionPlans;

/// <summary>
/// Action plans and their actions: opening a structure's plan for a year, adding, editing and removing actions while
/// the plan is a draft, logging status and progress changes (which stay open after the COPIL validation), the plan's
/// moves through the review workflow (<see cref="ReviewService"/>), and the département's consolidated view.
/// </summary>
public sealed class ActionPlanService(SpPlusDbContext db, ReviewService reviews, TimeProvider time)
{
    public const int PageSize = 25;
    public const int TitleMaxLength = 300;
    public const int DescriptionMaxLength = 4000;
    public const int OriginDetailMaxLength = 1000;
    public const int OwnerMaxLength = 200;
    public const int CommentMaxLength = 2000;

    public const string NotDraftMessage =
        "Le plan d'action n'est plus en brouillon : pour ajouter ou retirer une action, le référent doit le rouvrir.";

    public const string NotAllowedMessage = "Vous ne pouvez pas modifier les actions de ce plan.";
    public const string PlanNotFoundMessage = "Ce plan d'action n'existe pas ou plus.";
    public const string ActionNotFoundMessage = "Cette action n'existe pas ou plus.";
    public const string NoActionMessage = "Ajoutez au moins une action avant de soumettre le plan.";
    public const string WeakCriterionMessage =
        "Une action ne se crée depuis un critère que s'il est noté 1 (non engagé) ou 2 (en cours) dans l'auto-évaluation : ce critère ne l'est pas.";
    public const string ProgressNotAllowedMessage =
        "Vous ne pouvez pas mettre à jour l'avancement de cette action : il reste ouvert, après la validation du plan, aux seuls correspondants de la structure et au référent.";

    /// <summary>The years a plan can be opened for, around the current one.</summary>
    public IReadOnlyList<int> OpenableYears => time.OpenableYears();

    /// <summary>The structure's plan for the year: the existing one, or a new draft. Returns its id.</summary>
    public async Task<OperationResult<int>> OpenAsync(int structureId, int year, CancellationToken cancellationToken = default)
    {
        if (!OpenableYears.Contains(year))
        {
            return OperationResult<int>.Failure(
                $"Un plan d'action ne peut être ouvert que pour les années {OpenableYears.Min()} à {OpenableYears.Max()}.");
        }

        var structure = await db.Structures.AsNoTracking().Where(s => s.Id == structureId).Select(s => new { s.IsActive }).FirstOrDefaultAsync(cancellationToken);
        if (structure is null)
        {
            return OperationResult<int>.Failure("Cette structure n'existe pas.");
        }

        if (await FindPlanIdAsync(structureId, year, cancellationToken) is { } existing)
        {
            return OperationResult.Ok(existing);
        }

        if (!structure.IsActive)
        {
            return OperationResult<int>.Failure("Cette structure n'est plus active : aucun plan d'action ne peut y être ouvert.");
        }

        var plan = new ActionPlan { StructureId = structureId, Year = year, State = ReviewState.Draft, CreatedAtUtc = time.GetUtcNow().UtcDateTime };
        db.ActionPlans.Add(plan);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Opened at the same moment by someone else: the unique index kept one plan.
            db.Entry(plan).State = EntityState.Detached;
            if (await FindPlanIdAsync(structureId, year, cancellationToken) is { } other)
            {
                return OperationResult.Ok(other);
            }

            throw;
        }

        return OperationResult.Ok(plan.Id);
    }

    public Task<int?> FindPlanIdAsync(int structureId, int year, CancellationToken cancellationToken = default) =>
        db.ActionPlans.AsNoTracking().Where(p => p.StructureId == structureId && p.Year == year).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>A plan with its actions (two queries); null when it does not exist.</summary>
    public async Task<ActionPlanSheet?> GetPlanAsync(int planId, CancellationToken cancellationToken = default)
    {
        var header = await db.ActionPlans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new
            {
                p.Id, p.StructureId, StructureName = p.Structure!.Name, p.Year, p.State, p.ConcurrencyToken, p.CreatedAtUtc,
                p.StateChangedAtUtc, p.ValidatedAtUtc,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (header is null)
        {
            return null;
        }

        var actions = await RowsAsync(db.ImprovementActions.AsNoTracking().Where(a => a.PlanId == planId)
            .OrderBy(a => a.DueOn == null).ThenBy(a => a.DueOn).ThenBy(a => a.Id), cancellationToken);
        return new ActionPlanSheet(header.Id, header.StructureId, header.StructureName, header.Year, header.State, header.ConcurrencyToken,
            header.CreatedAtUtc, header.StateChangedAtUtc, header.ValidatedAtUtc, actions);
    }

    /// <summary>One page of plans among <paramref name="visiblePlans"/> (the plans the user may read): one query and a count.</summary>
    public async Task<PagedList<ActionPlanListRow>> ListPlansAsync(
        IQueryable<ActionPlan> visiblePlans, int? structureId, int? year, ReviewState? state, int page, CancellationToken cancellationToken = default)
    {
        var query = visiblePlans;
        if (structureId is { } s)
        {
            query = query.Where(p => p.StructureId == s);
        }

        if (year is { } y)
        {
            query = query.Where(p => p.Year == y);
        }

        if (state is { } st)
        {
            query = query.Where(p => p.State == st);
        }

        var total = await query.CountAsync(cancellationToken);
        var totalPages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, totalPages);
        var today = time.Today();
        var returned = db.ReviewEvents.ReturnedIds(ReviewDocumentKind.ActionPlan);
        var rows = await query
            .OrderByDescending(p => p.Year).ThenBy(p => p.Structure!.Name)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(p => new
            {
                p.Id,
                StructureName = p.Structure!.Name,
                p.Year,
                p.State,
                WasReturned = p.State == ReviewState.Draft && returned.Contains(p.Id),
                ActionCount = p.Actions.Count,
                DoneCount = p.Actions.Count(a => a.Status == ActionStatus.Done),
                LateCount = p.Actions.Count(a => a.DueOn != null && a.DueOn < today
                    && (a.Status == ActionStatus.Planned || a.Status == ActionStatus.InProgress)),
                LastAction = p.Actions.Max(a => (DateTime?)a.UpdatedAtUtc),
                p.StateChangedAtUtc,
                p.CreatedAtUtc,
            })
            .ToListAsync(cancellationToken);
        return new PagedList<ActionPlanListRow>(
            rows.Select(r => new ActionPlanListRow(r.Id, r.StructureName, r.Year, r.State, r.WasReturned, r.ActionCount, r.DoneCount, r.LateCount,
                new[] { r.CreatedAtUtc, r.StateChangedAtUtc ?? r.CreatedAtUtc, r.LastAction ?? r.CreatedAtUtc }.Max())).ToList(),
            page, totalPages, total);
    }

    /// <summary>
    /// The consolidated view: actions of <paramref name="visiblePlans"/> matching the filter, late ones first then by
    /// due date, a page of <see cref="PageSize"/>: one query and a count.
    /// </summary>
    public async Task<PagedList<ActionRow>> SearchAsync(
        IQueryable<ActionPlan> visiblePlans, ActionFilter filter, int page, CancellationToken cancellationToken = default)
    {
        var today = time.Today();
        var plans = visiblePlans;
        if (filter.Year is { } year)
        {
            plans = plans.Where(p => p.Year == year);
        }

        if (filter.StructureId is { } structureId)
        {
            plans = plans.Where(p => p.StructureId == structureId);
        }

        var planIds = plans.Select(p => p.Id);
        var query = db.ImprovementActions.AsNoTracking().Where(a => planIds.Contains(a.PlanId));
        if (filter.EngagementNumber is { } number)
        {
            query = query.Where(a => a.Engagement != null && a.Engagement.Number == number);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(filter.Owner))
        {
            var owner = filter.Owner.Trim().ToLower();
            query = query.Where(a => a.OwnerName != null && a.OwnerName.ToLower().Contains(owner));
        }

        if (filter.LateOnly)
        {
            query = query.Where(ActionRules.Late(today));
        }

        if (filter.ShowToUsersOnly)
        {
            query = query.Where(a => a.ShowToUsers);
        }

        var total = await query.CountAsync(cancellationToken);
        var totalPages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, totalPages);
        var ordered = query.OrderByDescending(ActionRules.Late(today))
            .ThenBy(a => a.DueOn == null).ThenBy(a => a.DueOn).ThenBy(a => a.Plan!.Structure!.Name).ThenBy(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize);
        var rows = await RowsAsync(ordered, cancellationToken);
        return new PagedList<ActionRow>(rows, page, totalPages, total);
    }

    /// <summary>One action with its plan, source and update log; null when it does not exist.</summary>
    public async Task<ActionDetails?> GetActionAsync(int actionId, CancellationToken cancellationToken = default)
    {
        var a = await db.ImprovementActions.AsNoTracking().Where(x => x.Id == actionId)
            .Select(x => new
            {
                x.Id, x.PlanId, x.Plan!.StructureId, StructureName = x.Plan.Structure!.Name, x.Plan.Year, PlanState = x.Plan.State,
                x.Title, x.Description, x.EngagementId, EngagementNumber = (int?)x.Engagement!.Number, EngagementWording = x.Engagement.Wording,
                x.Origin, x.SourceCriterionId, CriterionWording = x.SourceCriterion!.Wording, x.SourceAssessmentId,
                AssessmentYear = (int?)x.SourceAssessment!.Year, x.SourceExperienceId, ExperienceTitle = x.SourceExperience!.Title,
                x.SourceIndicatorId, IndicatorLabel = x.SourceIndicator!.Label, x.SourceMeetingId, MeetingKind = (MeetingKind?)x.SourceMeeting!.Kind,
                MeetingHeldAt = (DateTime?)x.SourceMeeting.HeldAt, MeetingPlace = x.SourceMeeting.Place, x.OriginDetail,
                x.OwnerName, x.StartOn, x.DueOn, x.Status, x.Progress, x.Priority, x.ShowToUsers, x.CompletedOn, x.CreatedAtUtc, x.UpdatedAtUtc,
                x.ConcurrencyToken,
                Updates = x.Updates.OrderBy(u => u.AtUtc).ThenBy(u => u.Id)
                    .Select(u => new ActionUpdateRow(u.AtUtc, u.AuthorName, u.FromStatus, u.ToStatus, u.FromProgress, u.ToProgress, u.Comment))
                    .ToList(),
            })
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);
        if (a is null)
        {
            return null;
        }

        var experiences = await db.Experiences.AsNoTracking().Where(e => e.ImprovementActionId == actionId).OrderBy(e => e.Id)
            .Select(e => new ActionBackLink(e.Id, e.Title ?? "Avis sans titre")).ToListAsync(cancellationToken);
        var documents = await db.DocumentReports.AsNoTracking().Where(r => r.ImprovementActionId == actionId).OrderBy(r => r.Id)
            .Select(r => new ActionBackLink(r.Id, r.DocumentName)).ToListAsync(cancellationToken);
        var meeting = a.SourceMeetingId is { } meetingId && a.MeetingKind is { } kind && a.MeetingHeldAt is { } heldAt
            ? new MeetingChoice(meetingId, kind, heldAt, a.MeetingPlace ?? "")
            : null;
        var source = new ActionSource(a.Origin, a.SourceCriterionId, a.CriterionWording, a.SourceAssessmentId, a.AssessmentYear,
            a.SourceExperienceId, a.SourceExperienceId is null ? null : a.ExperienceTitle ?? "Avis sans titre",
            a.SourceIndicatorId, a.IndicatorLabel, meeting, a.OriginDetail);
        return new ActionDetails(a.Id, a.PlanId, a.StructureId, a.StructureName, a.Year, a.PlanState, a.Title, a.Description,
            a.EngagementId, a.EngagementNumber, a.EngagementWording, source, a.OwnerName, a.StartOn, a.DueOn, a.Status,
            ActionRules.IsLate(a.Status, a.DueOn, time.Today()), a.Progress, a.Priority, a.ShowToUsers, a.CompletedOn, a.CreatedAtUtc,
            a.UpdatedAtUtc, a.ConcurrencyToken, a.Updates, experiences, documents);
    }

    /// <summary>The engagements of the active framework, in order: the ones an action can be tied to.</summary>
    public Task<List<EngagementChoice>> ActiveEngagementsAsync(CancellationToken cancellationToken = default) =>
        db.Engagements.AsNoTracking().Where(e => e.Framework!.Status == FrameworkStatus.Active).OrderBy(e => e.Number)
            .Select(e => new EngagementChoice(e.Id, e.Number, e.Wording)).ToListAsync(cancellationToken);

    /// <summary>Adds an action to the structure's plan of the year, opening the plan when it does not exist yet.</summary>
    public async Task<ActionSaveResult> CreateActionAsync(int structureId, int year, ActionInput input, ReviewActor actor, CancellationToken cancellationToken = default)
    {
        if (await FindPlanIdAsync(structureId, year, cancellationToken) is { } planId)
        {
            return await CreateActionAsync(planId, input, actor, cancellationToken);
        }

        // Checks what can be checked before creating the plan, so that a refused action leaves no empty plan behind.
        var errors = await ValidateAsync(structureId, input, null, cancellationToken);
        if (errors.Count > 0)
        {
            return ActionSaveResult.Invalid(errors);
        }

        if (!ReviewRules.CanEditContent(ReviewState.Draft, actor, structureId))
        {
            return ActionSaveResult.Refused(NotAllowedMessage);
        }

        var opened = await OpenAsync(structureId, year, cancellationToken);
        if (!opened.Succeeded)
        {
            return ActionSaveResult.Invalid(opened.Errors.Select(e => new ActionError(null, e)).ToList());
        }

        return await CreateActionAsync(opened.Value, input, actor, cancellationToken);
    }

    /// <summary>Adds an action to a draft plan. Setting the back-link of its experience or document report goes in the same save.</summary>
    public async Task<ActionSaveResult> CreateActionAsync(int planId, ActionInput input, ReviewActor actor, CancellationToken cancellationToken = default)
    {
        var plan = await db.ActionPlans.FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return ActionSaveResult.Refused(PlanNotFoundMessage);
        }

        if (RefuseContentChange(plan, actor) is { } refusal)
        {
            return refusal;
        }

        var errors = await ValidateAsync(plan.StructureId, input, null, cancellationToken);
        if (errors.Count > 0)
        {
            return ActionSaveResult.Invalid(errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var action = new ImprovementAction { PlanId = plan.Id, CreatedAtUtc = now };
        Apply(action, input, now);
        db.ImprovementActions.Add(action);

        // The back-link of the source (an experience, a document report) when it has none yet: written in the same
        // transaction as the action, once the action has its id.
        Experience? experience = null;
        if (action.Origin == ActionOrigin.Experience && action.SourceExperienceId is { } experienceId)
        {
            experience = await db.Experiences.FirstAsync(e => e.Id == experienceId, cancellationToken);
            experience = experience.ImprovementActionId is null ? experience : null;
        }

        DocumentReport? report = null;
        if (action.Origin == ActionOrigin.Other && input.SourceDocumentReportId is { } reportId)
        {
            report = await db.DocumentReports.FirstAsync(r => r.Id == reportId, cancellationToken);
            report = report.ImprovementActionId is null ? report : null;
        }

        plan.ConcurrencyToken = Guid.NewGuid();
        if (experience is null && report is null)
        {
            return await SaveAsync(action, cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var saved = await SaveAsync(action, cancellationToken);
        if (!saved.Succeeded)
        {
            return saved;
        }

        if (experience is not null)
        {
            experience.ImprovementActionId = action.Id;
        }

        if (report is not null)
        {
            report.ImprovementActionId = action.Id;
        }

        var linked = await SaveAsync(action, cancellationToken);
        if (linked.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return linked;
    }

    /// <summary>Changes an action of a draft plan; a change of status or progress is logged.</summary>
    public async Task<ActionSaveResult> UpdateActionAsync(int actionId, ActionInput input, Guid expectedToken, ReviewActor actor, CancellationToken cancellationToken = default)
    {
        var action = await db.ImprovementActions.Include(a => a.Plan).FirstOrDefaultAsync(a => a.Id == actionId, cancellationToken);
        if (action is null)
        {
            return ActionSaveResult.Refused(ActionNotFoundMessage);
        }

        if (RefuseContentChange(action.Plan!, actor) is { } refusal)
        {
            return refusal;
        }

        if (action.ConcurrencyToken != expectedToken)
        {
            return ActionSaveResult.Refused(ReviewService.ConflictMessage, isConflict: true);
        }

        var errors = await ValidateAsync(action.Plan!.StructureId, input, action, cancellationToken);
        if (errors.Count > 0)
        {
            return ActionSaveResult.Invalid(errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var (fromStatus, fromProgress) = (action.Status, action.Progress);
        Apply(action, input, now);
        LogChange(action, fromStatus, fromProgress, null, actor, now);
        action.ConcurrencyToken = Guid.NewGuid();
        action.Plan.ConcurrencyToken = Guid.NewGuid();
        return await SaveAsync(action, cancellationToken);
    }

    /// <summary>Removes an action of a draft plan, clearing the back-links of experiences and document reports in the same save.</summary>
    public async Task<OperationResult> DeleteActionAsync(int actionId, Guid expectedToken, ReviewActor actor, CancellationToken cancellationToken = default)
    {
        var action = await db.ImprovementActions.Include(a => a.Plan).FirstOrDefaultAsync(a => a.Id == actionId, cancellationToken);
        if (action is null)
        {
            return OperationResult.Failure(ActionNotFoundMessage);
        }

        if (RefuseContentChange(action.Plan!, actor) is { } refusal)
        {
            return OperationResult.Failure(refusal.Messages);
        }

        if (action.ConcurrencyToken != expectedToken)
        {
            return OperationResult.Failure(ReviewService.ConflictMessage);
        }

        foreach (var experience in await db.Experiences.Where(e => e.ImprovementActionId == actionId).ToListAsync(cancellationToken))
        {
            experience.ImprovementActionId = null;
        }

        foreach (var report in await db.DocumentReports.Where(r => r.ImprovementActionId == actionId).ToListAsync(cancellationToken))
        {
            report.ImprovementActionId = null;
        }

        action.Plan!.ConcurrencyToken = Guid.NewGuid();
        db.ImprovementActions.Remove(action);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return OperationResult.Failure(ReviewService.ConflictMessage);
        }

        return OperationResult.Success;
    }

    /// <summary>Whether the actor may update this action's status and progress now.</summary>
    public static bool CanUpdateProgress(ReviewState planState, ReviewActor actor, int structureId) =>
        ActionRules.CanUpdateProgress(planState, actor, structureId) || ReviewRules.CanEditContent(planState, actor, structureId);

    /// <summary>
    /// Updates the status and progress of an action (open after the plan's validation to the structure's correspondents
    /// and the referent, and in a draft to those who edit it): logged with its author and date.
    /// </summary>
    public async Task<ActionSaveResult> UpdateProgressAsync(
        int actionId, ActionStatus status, int progress, string? comment, Guid expectedToken, ReviewActor actor, CancellationToken cancellationToken = default)
    {
        var action = await db.ImprovementActions.Include(a => a.Plan).FirstOrDefaultAsync(a => a.Id == actionId, cancellationToken);
        if (action is null)
        {
            return ActionSaveResult.Refused(ActionNotFoundMessage);
        }

        if (!CanUpdateProgress(action.Plan!.State, actor, action.Plan.StructureId))
        {
            return ActionSaveResult.Refused(ProgressNotAllowedMessage);
        }

        if (action.ConcurrencyToken != expectedToken)
        {
            return ActionSaveResult.Refused(ReviewService.ConflictMessage, isConflict: true);
        }

        var errors = new List<ActionError>();
        if (!Enum.IsDefined(status))
        {
            errors.Add(new(ActionFields.Status, "Choisissez un statut."));
        }

        if (progress is < 0 or > 100)
        {
            errors.Add(new(ActionFields.Progress, "L'avancement doit être compris entre 0 et 100 %."));
        }

        var cleanComment = Clean(comment);
        if (cleanComment?.Length > CommentMaxLength)
        {
            errors.Add(new(ActionFields.Comment, $"Le commentaire doit contenir au plus {CommentMaxLength} caractères."));
        }

        if (errors.Count > 0)
        {
            return ActionSaveResult.Invalid(errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var (fromStatus, fromProgress) = (action.Status, action.Progress);
        SetStatus(action, status, progress);
        if (!LogChange(action, fromStatus, fromProgress, cleanComment, actor, now) && cleanComment is not null)
        {
            // A comment alone is logged too: it is the news of the action.
            action.Updates.Add(NewUpdate(action, fromStatus, fromProgress, cleanComment, actor, now));
        }

        action.UpdatedAtUtc = now;
        action.ConcurrencyToken = Guid.NewGuid();
        return await SaveAsync(action, cancellationToken);
    }

    /// <summary>
    /// Moves a plan through the workflow: a submission needs at least one action; a validation sets the validation
    /// date and a reopening clears it, in the same save as the state change.
    /// </summary>
    public async Task<OperationResult> ReviewAsync(int planId, ReviewActor actor, ReviewService.Request request, CancellationToken cancellationToken = default)
    {
        var plan = await db.ActionPlans.FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return OperationResult.Failure(PlanNotFoundMessage);
        }

        if (request.Action == ReviewAction.Submit)
        {
            var check = ReviewService.Check(plan, actor, request);
            if (!check.Succeeded)
            {
                return check;
            }

            if (!await db.ImprovementActions.AnyAsync(a => a.PlanId == planId, cancellationToken))
            {
                return OperationResult.Failure(NoActionMessage);
            }
        }

        var validatedBefore = plan.ValidatedAtUtc;
        if (request.Action == ReviewAction.Validate)
        {
            plan.ValidatedAtUtc = time.GetUtcNow().UtcDateTime;
        }
        else if (request.Action == ReviewAction.Reopen)
        {
            plan.ValidatedAtUtc = null;
        }

        var result = await reviews.ApplyAsync(plan, actor, request, cancellationToken);
        if (!result.Succeeded)
        {
            plan.ValidatedAtUtc = validatedBefore;
        }

        return result;
    }

    private static ActionSaveResult? RefuseContentChange(ActionPlan plan, ReviewActor actor)
    {
        if (plan.State != ReviewState.Draft)
        {
            return ActionSaveResult.Refused(NotDraftMessage);
        }

        return ReviewRules.CanEditContent(plan.State, actor, plan.StructureId) ? null : ActionSaveResult.Refused(NotAllowedMessage);
    }

    private async Task<ActionSaveResult> SaveAsync(ImprovementAction action, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ActionSaveResult.Refused(ReviewService.ConflictMessage, isConflict: true);
        }

        return ActionSaveResult.Saved(action.Id);
    }

    private void Apply(ImprovementAction action, ActionInput input, DateTime now)
    {
        action.Title = input.Title!.Trim();
        action.Description = Clean(input.Description);
        action.EngagementId = input.EngagementId;
        action.Origin = input.Origin;
        action.SourceCriterionId = input.Origin == ActionOrigin.Criterion ? input.SourceCriterionId : null;
        action.SourceAssessmentId = input.Origin == ActionOrigin.Criterion ? input.SourceAssessmentId : null;
        action.SourceExperienceId = input.Origin == ActionOrigin.Experience ? input.SourceExperienceId : null;
        action.SourceIndicatorId = input.Origin == ActionOrigin.Indicator ? input.SourceIndicatorId : null;
        action.SourceMeetingId = input.Origin == ActionOrigin.ClacSuggestion ? input.SourceMeetingId : null;
        action.OriginDetail = Clean(input.OriginDetail);
        action.OwnerName = Clean(input.OwnerName);
        action.StartOn = input.StartOn;
        action.DueOn = input.DueOn;
        action.Priority = input.Priority;
        action.ShowToUsers = input.ShowToUsers;
        SetStatus(action, input.Status, input.Progress);
        action.UpdatedAtUtc = now;
    }

    /// <summary>A done action is at 100 % and dated today; leaving "done" clears the date.</summary>
    private void SetStatus(ImprovementAction action, ActionStatus status, int progress)
    {
        if (status == ActionStatus.Done)
        {
            if (action.Status != ActionStatus.Done || action.CompletedOn is null)
            {
                action.CompletedOn = time.Today();
            }

            progress = 100;
        }
        else
        {
            action.CompletedOn = null;
        }

        action.Status = status;
        action.Progress = progress;
    }

    private static bool LogChange(ImprovementAction action, ActionStatus fromStatus, int fromProgress, string? comment, ReviewActor actor, DateTime now)
    {
        if (action.Status == fromStatus && action.Progress == fromProgress)
        {
            return false;
        }

        action.Updates.Add(NewUpdate(action, fromStatus, fromProgress, comment, actor, now));
        return true;
    }

    private static ActionUpdate NewUpdate(ImprovementAction action, ActionStatus fromStatus, int fromProgress, string? comment, ReviewActor actor, DateTime now) => new()
    {
        AtUtc = now,
        AuthorUserId = actor.UserId,
        AuthorName = actor.DisplayName,
        FromStatus = fromStatus,
        ToStatus = action.Status,
        FromProgress = fromProgress,
        ToProgress = action.Progress,
        Comment = comment,
    };

    private async Task<List<ActionError>> ValidateAsync(int structureId, ActionInput input, ImprovementAction? existing, CancellationToken cancellationToken)
    {
        var errors = new List<ActionError>();
        var title = Clean(input.Title);
        if (title is null)
        {
            errors.Add(new(ActionFields.Title, "Indiquez le titre de l'action."));
        }
        else if (title.Length > TitleMaxLength)
        {
            errors.Add(new(ActionFields.Title, $"Le titre doit contenir au plus {TitleMaxLength} caractères."));
        }

        if (Clean(input.Description)?.Length > DescriptionMaxLength)
        {
            errors.Add(new(ActionFields.Description, $"La description doit contenir au plus {DescriptionMaxLength} caractères."));
        }

        if (input.EngagementId is { } engagementId
            && !await db.Engagements.AnyAsync(e => e.Id == engagementId && e.Framework!.Status == FrameworkStatus.Active, cancellationToken)
            && existing?.EngagementId != engagementId)
        {
            errors.Add(new(ActionFields.EngagementId, "Choisissez un engagement du référentiel actif."));
        }

        if (Clean(input.OriginDetail)?.Length > OriginDetailMaxLength)
        {
            errors.Add(new(ActionFields.OriginDetail, $"La précision sur l'origine doit contenir au plus {OriginDetailMaxLength} caractères."));
        }

        errors.AddRange(await ValidateOriginAsync(structureId, input, existing, cancellationToken));

        if (Clean(input.OwnerName)?.Length > OwnerMaxLength)
        {
            errors.Add(new(ActionFields.OwnerName, $"Le nom du pilote doit contenir au plus {OwnerMaxLength} caractères."));
        }

        if (input.StartOn is { } start && input.DueOn is { } due && start > due)
        {
            errors.Add(new(ActionFields.DueOn, "L'échéance doit être postérieure ou égale à la date de début."));
        }

        if (!Enum.IsDefined(input.Status))
        {
            errors.Add(new(ActionFields.Status, "Choisissez un statut."));
        }

        if (input.Progress is < 0 or > 100)
        {
            errors.Add(new(ActionFields.Progress, "L'avancement doit être compris entre 0 et 100 %."));
        }

        if (!Enum.IsDefined(input.Priority))
        {
            errors.Add(new(null, "Choisissez une priorité."));
        }

        return errors;
    }

    private async Task<List<ActionError>> ValidateOriginAsync(int structureId, ActionInput input, ImprovementAction? existing, CancellationToken cancellationToken)
    {
        var errors = new List<ActionError>();
        switch (input.Origin)
        {
            case ActionOrigin.Criterion:
                if (input.SourceCriterionId is not { } criterionId || input.SourceAssessmentId is not { } assessmentId)
                {
                    errors.Add(new(ActionFields.Origin, "Une action issue d'un critère se crée depuis l'auto-évaluation de la structure (« Créer une action » sur un critère)."));
                    break;
                }

                var fits = await db.SelfAssessments.AnyAsync(
                    s => s.Id == assessmentId && s.StructureId == structureId && s.Grid!.Criteria.Any(c => c.Id == criterionId), cancellationToken);
                if (!fits)
                {
                    errors.Add(new(ActionFields.Origin, "Ce critère n'appartient pas à une auto-évaluation de cette structure."));
                }
                else if ((existing?.SourceCriterionId != criterionId || existing.SourceAssessmentId != assessmentId)
                    && !await IsRatedWeakAsync(assessmentId, criterionId, cancellationToken))
                {
                    // Checked when the action is tied to the criterion, not at each later edit: the rating may have risen
                    // since, thanks to the action itself.
                    errors.Add(new(ActionFields.Origin, WeakCriterionMessage));
                }

                break;
            case ActionOrigin.Experience:
                if (input.SourceExperienceId is not { } experienceId)
                {
                    errors.Add(new(ActionFields.Origin, "Une action issue d'un avis d'usager se crée depuis la page de l'avis (« Créer une action »)."));
                }
                else if (!await db.Experiences.AnyAsync(e => e.Id == experienceId && e.StructureId == structureId, cancellationToken))
                {
                    errors.Add(new(ActionFields.Origin, "Cet avis d'usager ne concerne pas cette structure."));
                }

                break;
            case ActionOrigin.Indicator:
                if (input.SourceIndicatorId is not { } indicatorId)
                {
                    errors.Add(new(ActionFields.SourceIndicatorId, "Choisissez l'indicateur dont l'action doit réduire l'écart."));
                }
                else if (!await db.Indicators.AnyAsync(i => i.Id == indicatorId, cancellationToken))
                {
                    errors.Add(new(ActionFields.SourceIndicatorId, "Cet indicateur n'existe pas."));
                }

                break;
            case ActionOrigin.ClacSuggestion:
                if (input.SourceMeetingId is { } meetingId
                    && !await db.Meetings.AnyAsync(m => m.Id == meetingId && m.Kind == MeetingKind.Clac, cancellationToken))
                {
                    errors.Add(new(ActionFields.SourceMeetingId, "Choisissez une réunion du CLAC enregistrée dans le portail."));
                }

                if (Clean(input.OriginDetail) is null)
                {
                    errors.Add(new(ActionFields.OriginDetail, "Indiquez la suggestion du CLAC."));
                }

                break;
            case ActionOrigin.Other:
                if (input.SourceDocumentReportId is { } reportId
                    && !await db.DocumentReports.AnyAsync(r => r.Id == reportId && r.StructureId == structureId, cancellationToken))
                {
                    errors.Add(new(ActionFields.Origin, "Ce signalement de document ne concerne pas cette structure."));
                }

                break;
            default:
                errors.Add(new(ActionFields.Origin, "Choisissez l'origine de l'action."));
                break;
        }

        return errors;
    }

    /// <summary>Whether the criterion is rated 1 (non engagé) or 2 (en cours) in the assessment (equality only: enums are stored as strings).</summary>
    private Task<bool> IsRatedWeakAsync(int assessmentId, int criterionId, CancellationToken cancellationToken) =>
        db.CriterionRatings.AnyAsync(
            r => r.AssessmentId == assessmentId && r.CriterionId == criterionId
                && (r.Level == MaturityLevel.NotEngaged || r.Level == MaturityLevel.InProgress),
            cancellationToken);

    private async Task<List<ActionRow>> RowsAsync(IQueryable<ImprovementAction> query, CancellationToken cancellationToken)
    {
        var today = time.Today();
        var rows = await query
            .Select(a => new
            {
                a.Id, a.PlanId, StructureName = a.Plan!.Structure!.Name, a.Plan.Year, PlanState = a.Plan.State, a.Title,
                EngagementNumber = (int?)a.Engagement!.Number, EngagementWording = a.Engagement.Wording, a.Origin, a.OwnerName, a.StartOn,
                a.DueOn, a.Status, a.Progress, a.Priority, a.ShowToUsers,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(a => new ActionRow(a.Id, a.PlanId, a.StructureName, a.Year, a.PlanState, a.Title, a.EngagementNumber, a.EngagementWording,
            a.Origin, a.OwnerName, a.StartOn, a.DueOn, a.Status, ActionRules.IsLate(a.Status, a.DueOn, today), a.Progress, a.Priority,
            a.ShowToUsers)).ToList();
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
