using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Identity;
using SpPlus.Core.Reviews;
using SpPlus.Core.Settings;

namespace SpPlus.Core.Feedback;

/// <summary>
/// Experiences: the derived status and the overdue flag, the filtered and paged list, one experience's details, manual
/// entry, assignment, moving to another structure, internal comments and the due dates. Who may read or work on an
/// experience is decided by the caller (the web layer's access rules); this service applies the business rules.
/// </summary>
public sealed class ExperienceService(SpPlusDbContext db, TimeProvider time)
{
    public const int PageSize = 25;
    public const int TitleMaxLength = 300;
    public const int DescriptionMaxLength = 10_000;
    public const int NationalIdMaxLength = 64;
    public const int CommentMaxLength = 4_000;

    public const string NotFoundMessage = "Cette expérience n'existe pas ou plus.";

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>Today in Europe/Paris: due dates are calendar days there.</summary>
    public DateOnly Today => time.Today();

    /// <summary>
    /// The status of an experience: the local answer's state when there is one (a draft whose last review event is a
    /// return is <see cref="ExperienceStatus.Returned"/>, any other draft is still to answer); without a local answer,
    /// published when the national export gives a first-answer date, else to answer.
    /// </summary>
    public static ExperienceStatus DeriveStatus(ReviewState? answerState, bool answerWasReturned, DateOnly? firstAnswerOn) => answerState switch
    {
        null => firstAnswerOn is null ? ExperienceStatus.ToAnswer : ExperienceStatus.Published,
        ReviewState.Draft => answerWasReturned ? ExperienceStatus.Returned : ExperienceStatus.ToAnswer,
        ReviewState.Submitted => ExperienceStatus.Submitted,
        ReviewState.Approved or ReviewState.Validated => ExperienceStatus.Approved,
        _ => ExperienceStatus.Published,
    };

    /// <summary>
    /// Overdue ("en retard"): not answered (no first answer on the national platform and the local answer not marked
    /// as published) and the due date is before <paramref name="today"/>: an experience due today is not late yet.
    /// </summary>
    public static bool IsOverdue(ReviewState? answerState, DateOnly? firstAnswerOn, DateOnly? dueOn, DateOnly today) =>
        firstAnswerOn is null && answerState != ReviewState.Published && dueOn is { } due && due < today;

    /// <summary>The due date: the publication date plus the answer delay; none without a publication date.</summary>
    public static DateOnly? DueOn(DateOnly? publishedOn, int answerDelayDays) => publishedOn?.AddDays(answerDelayDays);

    /// <summary>The setting "answer delay" (days after publication), or its default when absent or unreadable.</summary>
    public Task<int> AnswerDelayDaysAsync(CancellationToken cancellationToken = default) =>
        db.DaysSettingAsync(SettingKeys.AnswerDelayDays, SettingKeys.DefaultAnswerDelayDays, cancellationToken);

    /// <summary>The same rule as <see cref="IsOverdue"/>, as a filter on a query.</summary>
    public static Expression<Func<Experience, bool>> OverduePredicate(DateOnly today) =>
        e => e.FirstAnswerOn == null
            && (e.Answer == null || e.Answer.State != ReviewState.Published)
            && e.DueOn != null && e.DueOn < today;

    /// <summary>The same rule as <see cref="DeriveStatus"/>, as a filter on a query (states are compared by equality: they are stored as text).</summary>
    public Expression<Func<Experience, bool>> StatusPredicate(ExperienceStatus status)
    {
        var returned = db.ReviewEvents.ReturnedIds(ReviewDocumentKind.ExperienceAnswer);
        return status switch
        {
            ExperienceStatus.ToAnswer => e => (e.Answer == null && e.FirstAnswerOn == null)
                || (e.Answer != null && e.Answer.State == ReviewState.Draft && !returned.Contains(e.Answer.Id)),
            ExperienceStatus.Returned => e => e.Answer != null && e.Answer.State == ReviewState.Draft && returned.Contains(e.Answer.Id),
            ExperienceStatus.Submitted => e => e.Answer != null && e.Answer.State == ReviewState.Submitted,
            ExperienceStatus.Approved => e => e.Answer != null && (e.Answer.State == ReviewState.Approved || e.Answer.State == ReviewState.Validated),
            ExperienceStatus.Published => e => (e.Answer == null && e.FirstAnswerOn != null) || (e.Answer != null && e.Answer.State == ReviewState.Published),
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
        };
    }

    /// <summary>Applies the filters to a query of experiences (already limited to what the user may read).</summary>
    public IQueryable<Experience> Filter(IQueryable<Experience> query, ExperienceFilter filter)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.StructureId is { } structureId)
        {
            query = query.Where(e => e.StructureId == structureId);
        }

        if (filter.StructureIds is { } structureIds)
        {
            var ids = structureIds.ToList();
            query = query.Where(e => e.StructureId != null && ids.Contains(e.StructureId.Value));
        }

        if (filter.Status is { } status)
        {
            query = query.Where(StatusPredicate(status));
        }

        if (filter.Sentiment is { } sentiment)
        {
            query = query.Where(e => e.Sentiment == sentiment);
        }

        query = filter.Tag switch
        {
            ExperienceTag.Accessibility => query.Where(e => e.TagAccessibility),
            ExperienceTag.Information => query.Where(e => e.TagInformation),
            ExperienceTag.Relation => query.Where(e => e.TagRelation),
            ExperienceTag.Reactivity => query.Where(e => e.TagReactivity),
            ExperienceTag.Simplicity => query.Where(e => e.TagSimplicity),
            _ => query,
        };

        if (filter.OverdueOnly)
        {
            query = query.Where(OverduePredicate(Today));
        }

        if (!string.IsNullOrEmpty(filter.AssigneeUserId))
        {
            var assignee = filter.AssigneeUserId;
            query = query.Where(e => e.AssigneeUserId == assignee);
        }

        if (filter.PublishedFrom is { } from)
        {
            query = query.Where(e => e.PublishedOn >= from);
        }

        if (filter.PublishedTo is { } to)
        {
            query = query.Where(e => e.PublishedOn <= to);
        }

        if (filter.Search?.Trim() is { Length: > 0 } search)
        {
            query = query.Where(e => e.Title != null && e.Title.Contains(search));
        }

        return query;
    }

    /// <summary>
    /// Overdue first, then those still waiting for an answer by due date (the nearest first; none last), then the
    /// answered ones, the most recently published first; the id keeps the order stable between pages.
    /// </summary>
    public IOrderedQueryable<Experience> Order(IQueryable<Experience> query) =>
        query.OrderByDescending(OverduePredicate(Today))
            .ThenByDescending(e => e.FirstAnswerOn == null && (e.Answer == null || e.Answer.State != ReviewState.Published))
            .ThenBy(e => e.DueOn == null)
            .ThenBy(e => e.FirstAnswerOn == null && (e.Answer == null || e.Answer.State != ReviewState.Published) ? e.DueOn : null)
            .ThenByDescending(e => e.PublishedOn)
            .ThenByDescending(e => e.Id);

    /// <summary>
    /// A page of the filtered list: two queries whatever the number of rows (the count, then the page's rows with the
    /// structure's name and the answer's state and return flag read in the same query).
    /// </summary>
    public async Task<ExperiencePage> ListAsync(IQueryable<Experience> visible, ExperienceFilter filter, int page, CancellationToken cancellationToken = default)
    {
        var filtered = Filter(visible, filter);
        var total = await filtered.CountAsync(cancellationToken);
        var totalPages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, totalPages);
        var rows = await RowsAsync(Order(filtered).Skip((page - 1) * PageSize).Take(PageSize), cancellationToken);
        return new ExperiencePage(rows, total, page, totalPages);
    }

    /// <summary>
    /// The experiences of these structures that wait for their answer (status <see cref="ExperienceStatus.ToAnswer"/>
    /// or <see cref="ExperienceStatus.Returned"/>), overdue first then by due date, at most <paramref name="max"/>: one query.
    /// </summary>
    public async Task<IReadOnlyList<ExperienceListRow>> AwaitingAnswerAsync(
        IReadOnlyCollection<int> structureIds, int max, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(structureIds);
        var ids = structureIds.ToList();
        var waiting = db.Experiences.AsNoTracking()
            .Where(e => e.StructureId != null && ids.Contains(e.StructureId.Value))
            .Where(e => (e.Answer == null && e.FirstAnswerOn == null) || (e.Answer != null && e.Answer.State == ReviewState.Draft));
        return await RowsAsync(Order(waiting).Take(max), cancellationToken);
    }

    /// <summary>Reads list rows (one query: the structure's name and the answer's state and return flag come with them).</summary>
    private async Task<List<ExperienceListRow>> RowsAsync(IQueryable<Experience> query, CancellationToken cancellationToken)
    {
        var today = Today;
        var returned = db.ReviewEvents.ReturnedIds(ReviewDocumentKind.ExperienceAnswer);
        var rows = await query
            .Select(e => new
            {
                e.Id,
                e.PublishedOn,
                e.StructureId,
                StructureName = e.Structure != null ? e.Structure.Name : null,
                e.NationalStructureLabel,
                e.Title,
                e.Sentiment,
                e.DueOn,
                e.FirstAnswerOn,
                AnswerState = e.Answer != null ? (ReviewState?)e.Answer.State : null,
                WasReturned = e.Answer != null && e.Answer.State == ReviewState.Draft && returned.Contains(e.Answer.Id),
            })
            .ToListAsync(cancellationToken);

        return rows.Select(r => new ExperienceListRow(r.Id, r.PublishedOn, r.StructureId, r.StructureName, r.NationalStructureLabel, r.Title,
            r.Sentiment, DeriveStatus(r.AnswerState, r.WasReturned, r.FirstAnswerOn), r.DueOn,
            IsOverdue(r.AnswerState, r.FirstAnswerOn, r.DueOn, today))).ToList();
    }

    /// <summary>One experience with its structure, assignee, answer state and (when <paramref name="withComments"/>) its internal comments; null when it does not exist.</summary>
    public async Task<ExperienceDetails?> GetDetailsAsync(int id, bool withComments, CancellationToken cancellationToken = default)
    {
        var returned = db.ReviewEvents.ReturnedIds(ReviewDocumentKind.ExperienceAnswer);
        var e = await db.Experiences.AsNoTracking()
            .Where(x => x.Id == id)
            .Select(x => new
            {
                Experience = x,
                StructureName = x.Structure != null ? x.Structure.Name : null,
                AssigneeName = x.Assignee != null ? x.Assignee.DisplayName : null,
                AnswerState = x.Answer != null ? (ReviewState?)x.Answer.State : null,
                WasReturned = x.Answer != null && x.Answer.State == ReviewState.Draft && returned.Contains(x.Answer.Id),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (e is null)
        {
            return null;
        }

        var comments = withComments
            ? await db.ExperienceComments.AsNoTracking()
                .Where(c => c.ExperienceId == id)
                .OrderBy(c => c.AtUtc).ThenBy(c => c.Id)
                .Select(c => new ExperienceCommentView(c.Id, c.AuthorName, c.AtUtc, c.Text))
                .ToListAsync(cancellationToken)
            : [];

        var x = e.Experience;
        return new ExperienceDetails(x.Id, x.NationalId, x.Source, x.StructureId, e.StructureName, x.NationalStructureLabel,
            x.Typology1, x.Typology2, x.Typology3, x.Title, x.Description, x.NationalState, x.Sentiment, x.Tags, x.PostalCode,
            x.WrittenOn, x.PublishedOn, x.FirstAnswerOn, x.NationalAnswer, x.RejectionReason, x.DueOn, x.AssigneeUserId,
            e.AssigneeName, x.ImprovementActionId, e.AnswerState, DeriveStatus(e.AnswerState, e.WasReturned, x.FirstAnswerOn),
            IsOverdue(e.AnswerState, x.FirstAnswerOn, x.DueOn, Today), x.CreatedAtUtc, x.LastImportedAtUtc, comments);
    }

    /// <summary>
    /// Who an experience of this structure can be assigned to: the structure's correspondents and the referents
    /// (only the referents while the experience is not placed in a structure), active accounts only, by name.
    /// </summary>
    public async Task<IReadOnlyList<AssigneeChoice>> AssigneeChoicesAsync(int? structureId, CancellationToken cancellationToken = default) =>
        await Assignable(structureId)
            .OrderBy(u => u.DisplayName)
            .Select(u => new AssigneeChoice(u.Id, u.DisplayName))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Assigns the experience to an account, or removes the assignment when <paramref name="assigneeUserId"/> is
    /// empty. The assignee must be a correspondent of the experience's structure or the referent.
    /// </summary>
    public async Task<OperationResult> AssignAsync(int experienceId, string? assigneeUserId, CancellationToken cancellationToken = default)
    {
        var experience = await db.Experiences.FirstOrDefaultAsync(e => e.Id == experienceId, cancellationToken);
        if (experience is null)
        {
            return OperationResult.Failure(NotFoundMessage);
        }

        if (string.IsNullOrWhiteSpace(assigneeUserId))
        {
            experience.AssigneeUserId = null;
        }
        else
        {
            if (!await Assignable(experience.StructureId).AnyAsync(u => u.Id == assigneeUserId, cancellationToken))
            {
                return OperationResult.Failure(
                    "Cette expérience ne peut être attribuée qu'à un correspondant de sa structure ou au référent.");
            }

            experience.AssigneeUserId = assigneeUserId;
        }

        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    /// <summary>
    /// Places the experience in another structure (the referent correcting a wrong structure). The answer, if any,
    /// follows; an assignee who cannot work on the new structure is removed.
    /// </summary>
    public async Task<OperationResult> MoveAsync(int experienceId, int structureId, CancellationToken cancellationToken = default)
    {
        var experience = await db.Experiences.Include(e => e.Answer).FirstOrDefaultAsync(e => e.Id == experienceId, cancellationToken);
        if (experience is null)
        {
            return OperationResult.Failure(NotFoundMessage);
        }

        if (!await db.Structures.AnyAsync(s => s.Id == structureId && s.IsActive, cancellationToken))
        {
            return OperationResult.Failure("Cette structure n'existe pas ou n'est plus active.");
        }

        if (experience.StructureId == structureId)
        {
            return OperationResult.Success;
        }

        experience.StructureId = structureId;
        if (experience.Answer is { } answer)
        {
            answer.StructureId = structureId;
        }

        if (experience.AssigneeUserId is { } assignee && !await Assignable(structureId).AnyAsync(u => u.Id == assignee, cancellationToken))
        {
            experience.AssigneeUserId = null;
        }

        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    /// <summary>Adds an internal comment (required, at most <see cref="CommentMaxLength"/> characters): the new comment's id.</summary>
    public async Task<OperationResult<int>> AddCommentAsync(int experienceId, ReviewActor author, string? text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(author);
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return OperationResult<int>.Failure("Écrivez le commentaire avant de l'enregistrer.");
        }

        if (trimmed.Length > CommentMaxLength)
        {
            return OperationResult<int>.Failure($"Le commentaire doit contenir au plus {CommentMaxLength.ToString("N0", French)} caractères (il en contient {trimmed.Length.ToString("N0", French)}).");
        }

        if (!await db.Experiences.AnyAsync(e => e.Id == experienceId, cancellationToken))
        {
            return OperationResult<int>.Failure(NotFoundMessage);
        }

        var comment = new ExperienceComment
        {
            ExperienceId = experienceId,
            AuthorUserId = author.UserId,
            AuthorName = author.DisplayName,
            AtUtc = time.GetUtcNow().UtcDateTime,
            Text = trimmed,
        };
        db.ExperienceComments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Ok(comment.Id);
    }

    /// <summary>The structures <paramref name="actor"/> may enter experiences for: every active one for the referent, their own active ones for a correspondent.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> EditableStructuresAsync(ReviewActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var mine = actor.IsCorrespondent ? actor.StructureIds.ToList() : [];
        var referent = actor.IsReferent;
        var rows = await db.Structures.AsNoTracking()
            .Where(s => s.IsActive && (referent || mine.Contains(s.Id)))
            .OrderBy(s => s.Name)
            .Select(s => new { s.Id, s.Name })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.Id, r.Name)).ToList();
    }

    /// <summary>Checks a manual entry without saving it: the refusal with its errors by field, or null when it can be saved.</summary>
    public async Task<ExperienceCreateResult?> ValidateAsync(ExperienceInput input, ReviewActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var errors = new List<ExperienceFieldError>();
        void Add(string field, string message) => errors.Add(new ExperienceFieldError(field, message));

        if (input.StructureId is not { } structureId)
        {
            Add(nameof(ExperienceInput.StructureId), "Choisissez la structure concernée par l'expérience.");
        }
        else if (!(await EditableStructuresAsync(actor, cancellationToken)).Any(s => s.Id == structureId))
        {
            Add(nameof(ExperienceInput.StructureId), "Vous ne pouvez pas saisir d'expérience pour cette structure.");
        }

        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            Add(nameof(ExperienceInput.Title), "Indiquez le titre de l'expérience.");
        }
        else if (title.Length > TitleMaxLength)
        {
            Add(nameof(ExperienceInput.Title), $"Le titre doit contenir au plus {TitleMaxLength} caractères (il en contient {title.Length}).");
        }

        var description = input.Description?.Trim() ?? "";
        if (description.Length == 0)
        {
            Add(nameof(ExperienceInput.Description), "Indiquez la description de l'expérience, telle que l'usager l'a écrite.");
        }
        else if (description.Length > DescriptionMaxLength)
        {
            Add(nameof(ExperienceInput.Description),
                $"La description doit contenir au plus {DescriptionMaxLength.ToString("N0", French)} caractères (elle en contient {description.Length.ToString("N0", French)}).");
        }

        var today = Today;
        if (input.PublishedOn is not { } publishedOn)
        {
            Add(nameof(ExperienceInput.PublishedOn), "Indiquez la date de publication de l'expérience.");
        }
        else if (publishedOn > today)
        {
            Add(nameof(ExperienceInput.PublishedOn), "La date de publication ne peut pas être dans le futur.");
        }

        if (input.WrittenOn is { } writtenOn && input.PublishedOn is { } published && writtenOn > published)
        {
            Add(nameof(ExperienceInput.WrittenOn), "La date de rédaction ne peut pas être postérieure à la date de publication.");
        }
        else if (input.WrittenOn is { } written && written > today)
        {
            Add(nameof(ExperienceInput.WrittenOn), "La date de rédaction ne peut pas être dans le futur.");
        }

        int? duplicateOf = null;
        var nationalId = input.NationalId?.Trim();
        if (nationalId is { Length: > NationalIdMaxLength })
        {
            Add(nameof(ExperienceInput.NationalId), $"L'identifiant national doit contenir au plus {NationalIdMaxLength} caractères.");
        }
        else if (nationalId is { Length: > 0 })
        {
            duplicateOf = await db.Experiences.AsNoTracking().Where(e => e.NationalId == nationalId).Select(e => (int?)e.Id).FirstOrDefaultAsync(cancellationToken);
            if (duplicateOf is not null)
            {
                Add(nameof(ExperienceInput.NationalId), DuplicateMessage(nationalId));
            }
        }

        return errors.Count == 0 ? null : ExperienceCreateResult.Refused(errors, duplicateOf);
    }

    /// <summary>« Une expérience porte déjà l'identifiant national 123 » (the page adds the link to it).</summary>
    public static string DuplicateMessage(string nationalId) => $"Une expérience porte déjà l'identifiant national {nationalId}.";

    /// <summary>
    /// Enters an experience by hand (source: manual), validated whole (see <see cref="ValidateAsync"/>); its due date
    /// comes from the answer-delay setting.
    /// </summary>
    public async Task<ExperienceCreateResult> CreateAsync(ExperienceInput input, ReviewActor actor, CancellationToken cancellationToken = default)
    {
        if (await ValidateAsync(input, actor, cancellationToken) is { } refused)
        {
            return refused;
        }

        var nationalId = string.IsNullOrWhiteSpace(input.NationalId) ? null : input.NationalId.Trim();
        var experience = new Experience
        {
            NationalId = nationalId,
            Source = ExperienceSource.Manual,
            StructureId = input.StructureId,
            Title = input.Title!.Trim(),
            Description = input.Description!.Trim(),
            Sentiment = input.Sentiment,
            PublishedOn = input.PublishedOn,
            WrittenOn = input.WrittenOn,
            DueOn = DueOn(input.PublishedOn, await AnswerDelayDaysAsync(cancellationToken)),
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        experience.SetTags(input.Tags);
        db.Experiences.Add(experience);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (nationalId is not null)
        {
            // The same national id saved at the same moment (an import): the unique index kept the other one.
            db.Entry(experience).State = EntityState.Detached;
            var other = await db.Experiences.AsNoTracking().Where(e => e.NationalId == nationalId).Select(e => (int?)e.Id).FirstOrDefaultAsync(cancellationToken);
            if (other is null)
            {
                throw;
            }

            return ExperienceCreateResult.Refused([new(nameof(ExperienceInput.NationalId), DuplicateMessage(nationalId))], other);
        }

        return ExperienceCreateResult.Created(experience.Id);
    }

    /// <summary>
    /// Recomputes every experience's due date (publication date + <paramref name="answerDelayDays"/>) in one bulk
    /// update, without loading the experiences. Call it after the answer-delay setting changed; returns the number of
    /// experiences updated. Experiences without a publication date keep no due date.
    /// </summary>
    public Task<int> RecomputeDueDatesAsync(int answerDelayDays, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(answerDelayDays);
        return db.Experiences
            .Where(e => e.PublishedOn != null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.DueOn, e => e.PublishedOn!.Value.AddDays(answerDelayDays)), cancellationToken);
    }

    /// <summary>The accounts that may be assigned an experience of this structure (see <see cref="AssigneeChoicesAsync"/>).</summary>
    private IQueryable<AppUser> Assignable(int? structureId)
    {
        var referentRoles = db.Roles.Where(r => r.Name == RoleNames.Referent).Select(r => r.Id);
        var correspondentRoles = db.Roles.Where(r => r.Name == RoleNames.Correspondent).Select(r => r.Id);
        return db.Users.AsNoTracking().Where(u => !u.IsDisabled
            && (db.UserRoles.Any(ur => ur.UserId == u.Id && referentRoles.Contains(ur.RoleId))
                || structureId != null
                && u.Structures.Any(s => s.StructureId == structureId)
                && db.UserRoles.Any(ur => ur.UserId == u.Id && correspondentRoles.Contains(ur.RoleId))));
    }
}
