using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Feedback;
using SpPlus.Core.Reviews;

namespace SpPlus.Core.Governance;

/// <summary>
/// COPIL and CLAC meetings: the list, a meeting with the validations recorded in it, the form (create and edit,
/// validated whole: nothing saved when one field is wrong), deletion while nothing refers to the meeting, and the
/// year's decisions record. Which kinds a user reads is the caller's job: every method that lists takes them.
/// </summary>
public sealed class MeetingService(SpPlusDbContext db, TimeProvider time)
{
    public const int PageSize = 25;
    public const int PlaceMaxLength = 300;
    public const int ParticipantMaxLength = 200;
    public const int MaxOtherParticipants = 50;
    public const int AgendaMaxLength = 8000;
    public const int MinutesMaxLength = 20_000;
    public const int DecisionMaxLength = 2000;
    public const int MaxDecisions = 30;

    /// <summary>The time offered in a new meeting's form.</summary>
    public static readonly TimeOnly DefaultTime = new(14, 0);

    public const string KindMessage = "Choisissez le type de réunion : COPIL ou CLAC.";
    public const string DateRequiredMessage = "Indiquez la date de la réunion.";
    public const string TimeRequiredMessage = "Indiquez l'heure de la réunion.";
    public const string PlaceRequiredMessage = "Indiquez le lieu de la réunion.";
    public const string PlaceTooLongMessage = "Le lieu doit contenir au plus 300 caractères.";
    public const string AccountsMessage = "Un des comptes choisis comme participant n'existe pas ou est désactivé.";
    public const string TooManyParticipantsMessage = "Indiquez au plus 50 autres participants (un par ligne).";
    public const string ParticipantTooLongMessage = "Chaque autre participant doit tenir en 200 caractères au plus (nom, puis qualité).";
    public const string AgendaTooLongMessage = "L'ordre du jour doit contenir au plus 8000 caractères.";
    public const string MinutesTooLongMessage = "Le compte rendu doit contenir au plus 20000 caractères.";
    public const string TooManyDecisionsMessage = "Indiquez au plus 30 décisions (une par ligne).";
    public const string DecisionTooLongMessage = "Chaque décision doit contenir au plus 2000 caractères.";
    public const string NotFoundMessage = "Cette réunion n'existe pas ou plus.";
    public const string DeleteValidationsMessage =
        "Cette réunion ne peut pas être supprimée : des validations d'auto-évaluations ou de plans d'action y sont enregistrées.";
    public const string DeleteActionsMessage =
        "Cette réunion ne peut pas être supprimée : des actions d'amélioration en sont issues.";
    public const string KindLockedByReviewsMessage =
        "Le type de cette réunion (COPIL ou CLAC) ne peut plus être changé : des validations ou des renvois d'auto-évaluations ou de plans d'action y sont enregistrés. Les autres informations restent modifiables.";
    public const string KindLockedByActionsMessage =
        "Le type de cette réunion (COPIL ou CLAC) ne peut plus être changé : des actions d'amélioration en sont issues. Les autres informations restent modifiables.";

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The form field each message belongs to (a <see cref="MeetingInput"/> property name).</summary>
    public static string? FieldOf(string message) => message switch
    {
        KindMessage or KindLockedByReviewsMessage or KindLockedByActionsMessage => nameof(MeetingInput.Kind),
        DateRequiredMessage => nameof(MeetingInput.Date),
        TimeRequiredMessage => nameof(MeetingInput.Time),
        PlaceRequiredMessage or PlaceTooLongMessage => nameof(MeetingInput.Place),
        AccountsMessage => nameof(MeetingInput.ParticipantUserIds),
        TooManyParticipantsMessage or ParticipantTooLongMessage => nameof(MeetingInput.OtherParticipants),
        AgendaTooLongMessage => nameof(MeetingInput.Agenda),
        MinutesTooLongMessage => nameof(MeetingInput.Minutes),
        TooManyDecisionsMessage or DecisionTooLongMessage => nameof(MeetingInput.Decisions),
        _ => null,
    };

    /// <summary>« COPIL du 12/03/2026 ».</summary>
    public static string Title(MeetingKind kind, DateTime heldAt) => $"{kind.Label()} du {heldAt.ToString("dd/MM/yyyy", French)}";

    /// <summary>The page of a reviewed document of the improvement areas.</summary>
    public static string DocumentPath(ReviewDocumentKind kind, int documentId) => kind switch
    {
        ReviewDocumentKind.SelfAssessment => $"/SelfAssessments/Assessments/Details/{documentId}",
        ReviewDocumentKind.ActionPlan => $"/ActionPlans/Plans/Details/{documentId}",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only self-assessments and action plans are validated in a meeting."),
    };

    /// <summary>
    /// One page of meetings of the readable kinds, newest first, with their participant and decision counts (one
    /// count query and one page query).
    /// </summary>
    public async Task<PagedList<MeetingRow>> ListAsync(
        IReadOnlyCollection<MeetingKind> readableKinds, MeetingKind? kind, int? year, int page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(readableKinds);
        var query = Readable(readableKinds);
        if (kind is { } k)
        {
            query = query.Where(m => m.Kind == k);
        }

        if (year is { } y)
        {
            var (from, to) = YearBounds(y);
            query = query.Where(m => m.HeldAt >= from && m.HeldAt < to);
        }

        var total = await query.CountAsync(cancellationToken);
        var totalPages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, totalPages);
        var rows = await query
            .OrderByDescending(m => m.HeldAt).ThenByDescending(m => m.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(m => new MeetingRow(m.Id, m.Kind, m.HeldAt, m.Place, m.Participants.Count, m.Decisions.Count))
            .ToListAsync(cancellationToken);
        return new PagedList<MeetingRow>(rows, page, totalPages, total);
    }

    /// <summary>The years that have meetings of the readable kinds, plus the current year, newest first.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(IReadOnlyCollection<MeetingKind> readableKinds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(readableKinds);
        var years = await Readable(readableKinds).Select(m => m.HeldAt.Year).Distinct().ToListAsync(cancellationToken);
        years.Add(time.CurrentYear());
        return [.. years.Distinct().OrderDescending()];
    }

    /// <summary>The kind of a meeting, or null when it does not exist: what the read check needs.</summary>
    public async Task<MeetingKind?> KindOfAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Meetings.AsNoTracking().Where(m => m.Id == id).Select(m => (MeetingKind?)m.Kind).FirstOrDefaultAsync(cancellationToken);

    /// <summary>A meeting, its participants, decisions and the validations recorded in it; null when it does not exist.</summary>
    public async Task<MeetingDetails?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var meeting = await db.Meetings.AsNoTracking()
            .Where(m => m.Id == id)
            .Select(m => new { m.Id, m.Kind, m.HeldAt, m.Place, m.Agenda, m.Minutes, m.ConcurrencyToken })
            .FirstOrDefaultAsync(cancellationToken);
        if (meeting is null)
        {
            return null;
        }

        var participants = await db.MeetingParticipants.AsNoTracking()
            .Where(p => p.MeetingId == id)
            .OrderBy(p => p.UserId == null).ThenBy(p => p.Id)
            .Select(p => new MeetingParticipantView(p.UserId, p.Name, p.Quality))
            .ToListAsync(cancellationToken);
        var decisions = await db.MeetingDecisions.AsNoTracking()
            .Where(d => d.MeetingId == id)
            .OrderBy(d => d.Order).ThenBy(d => d.Id)
            .Select(d => d.Text)
            .ToListAsync(cancellationToken);
        var validations = await ValidationsAsync([id], cancellationToken);
        return new MeetingDetails(meeting.Id, meeting.Kind, meeting.HeldAt, meeting.Place, meeting.Agenda, meeting.Minutes,
            meeting.ConcurrencyToken, participants, decisions, validations.GetValueOrDefault(id, []));
    }

    /// <summary>The values of a meeting as its form shows them, with its token; null when it does not exist.</summary>
    public async Task<MeetingEditValues?> GetForEditAsync(int id, CancellationToken cancellationToken = default)
    {
        var meeting = await db.Meetings.AsNoTracking()
            .Include(m => m.Participants.OrderBy(p => p.Id))
            .Include(m => m.Decisions.OrderBy(d => d.Order))
            .AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return null;
        }

        var others = meeting.Participants.Where(p => p.UserId is null)
            .Select(p => string.IsNullOrEmpty(p.Quality) ? p.Name : $"{p.Name} — {p.Quality}");
        var input = new MeetingInput(
            meeting.Kind,
            DateOnly.FromDateTime(meeting.HeldAt),
            TimeOnly.FromDateTime(meeting.HeldAt),
            meeting.Place,
            [.. meeting.Participants.Where(p => p.UserId is not null).Select(p => p.UserId!)],
            string.Join("\n", others),
            meeting.Agenda,
            meeting.Minutes,
            string.Join("\n", meeting.Decisions.Select(d => d.Text)));
        return new MeetingEditValues(input, meeting.ConcurrencyToken);
    }

    /// <summary>
    /// The accounts offered as participants: the active accounts that hold a role, plus the accounts already
    /// participating in <paramref name="meetingId"/> (kept even when disabled since), by name.
    /// </summary>
    public async Task<IReadOnlyList<MeetingAccountChoice>> AccountChoicesAsync(int? meetingId, CancellationToken cancellationToken = default) =>
        await db.Users.AsNoTracking()
            .Where(u => (!u.IsDisabled && db.UserRoles.Any(r => r.UserId == u.Id))
                || (meetingId != null && db.MeetingParticipants.Any(p => p.MeetingId == meetingId && p.UserId == u.Id)))
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new MeetingAccountChoice(u.Id, u.DisplayName == "" ? u.Email ?? u.Id : u.DisplayName))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Creates a meeting (<paramref name="id"/> null) or replaces an existing one's content, if it is still as the
    /// user saw it (<paramref name="expectedToken"/>). Every field is checked first; nothing is saved on an error.
    /// Returns the meeting's id.
    /// </summary>
    public async Task<OperationResult<int>> SaveAsync(
        int? id, MeetingInput input, Guid? expectedToken, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrEmpty(userId);

        Meeting? meeting = null;
        if (id is { } existingId)
        {
            meeting = await db.Meetings.Include(m => m.Participants).Include(m => m.Decisions).AsSplitQuery()
                .FirstOrDefaultAsync(m => m.Id == existingId, cancellationToken);
            if (meeting is null)
            {
                return OperationResult<int>.Failure(NotFoundMessage);
            }
        }

        var errors = new List<string>();
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(KindMessage);
        }
        else if (meeting is not null && kind != meeting.Kind)
        {
            // A review step recorded in the meeting, or an action citing it as its source, was decided in a meeting of
            // this kind: changing the kind would rewrite that record (a COPIL validation in a CLAC meeting).
            errors.AddRange(await KindLocksAsync(meeting.Id, cancellationToken));
        }

        if (input.Date is null)
        {
            errors.Add(DateRequiredMessage);
        }

        if (input.Time is null)
        {
            errors.Add(TimeRequiredMessage);
        }

        var place = input.Place?.Trim() ?? "";
        if (place.Length == 0)
        {
            errors.Add(PlaceRequiredMessage);
        }
        else if (place.Length > PlaceMaxLength)
        {
            errors.Add(PlaceTooLongMessage);
        }

        var accountIds = (input.ParticipantUserIds ?? []).Where(u => !string.IsNullOrWhiteSpace(u)).Distinct(StringComparer.Ordinal).ToList();
        var accounts = await AccountNamesAsync(accountIds, meeting, cancellationToken);
        if (accounts.Count != accountIds.Count)
        {
            errors.Add(AccountsMessage);
        }

        var others = Lines(input.OtherParticipants);
        if (others.Count > MaxOtherParticipants)
        {
            errors.Add(TooManyParticipantsMessage);
        }

        var parsedOthers = others.Select(ParseParticipant).ToList();
        if (parsedOthers.Any(p => p.Name.Length > ParticipantMaxLength || p.Quality?.Length > ParticipantMaxLength))
        {
            errors.Add(ParticipantTooLongMessage);
        }

        var agenda = Optional(input.Agenda);
        if (agenda is { Length: > AgendaMaxLength })
        {
            errors.Add(AgendaTooLongMessage);
        }

        var minutes = Optional(input.Minutes);
        if (minutes is { Length: > MinutesMaxLength })
        {
            errors.Add(MinutesTooLongMessage);
        }

        var decisions = Lines(input.Decisions);
        if (decisions.Count > MaxDecisions)
        {
            errors.Add(TooManyDecisionsMessage);
        }

        if (decisions.Any(d => d.Length > DecisionMaxLength))
        {
            errors.Add(DecisionTooLongMessage);
        }

        if (errors.Count > 0)
        {
            return OperationResult<int>.Failure(errors);
        }

        if (meeting is not null && meeting.ConcurrencyToken != expectedToken)
        {
            return OperationResult<int>.Failure(ReviewService.ConflictMessage);
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (meeting is null)
        {
            meeting = new Meeting { CreatedAtUtc = now, CreatedByUserId = userId };
            db.Meetings.Add(meeting);
        }
        else
        {
            db.MeetingParticipants.RemoveRange(meeting.Participants);
            db.MeetingDecisions.RemoveRange(meeting.Decisions);
            meeting.Participants = [];
            meeting.Decisions = [];
            meeting.ConcurrencyToken = Guid.NewGuid();
        }

        meeting.Kind = input.Kind!.Value;
        meeting.HeldAt = input.Date!.Value.ToDateTime(input.Time!.Value);
        meeting.Place = place;
        meeting.Agenda = agenda;
        meeting.Minutes = minutes;
        meeting.UpdatedAtUtc = now;
        foreach (var accountId in accountIds)
        {
            meeting.Participants.Add(new MeetingParticipant { UserId = accountId, Name = accounts[accountId] });
        }

        foreach (var (name, quality) in parsedOthers)
        {
            meeting.Participants.Add(new MeetingParticipant { Name = name, Quality = quality });
        }

        for (var i = 0; i < decisions.Count; i++)
        {
            meeting.Decisions.Add(new MeetingDecision { Order = i + 1, Text = decisions[i] });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Saved by someone else between our read and our write: nothing of ours is kept.
            return OperationResult<int>.Failure(ReviewService.ConflictMessage);
        }

        return OperationResult.Ok(meeting.Id);
    }

    /// <summary>Deletes a meeting, refused while a validation or an improvement action refers to it.</summary>
    public async Task<OperationResult> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return OperationResult.Failure(NotFoundMessage);
        }

        var errors = new List<string>();
        if (await db.ReviewEvents.AnyAsync(e => e.MeetingId == id, cancellationToken))
        {
            errors.Add(DeleteValidationsMessage);
        }

        if (await db.ImprovementActions.AnyAsync(a => a.SourceMeetingId == id, cancellationToken))
        {
            errors.Add(DeleteActionsMessage);
        }

        if (errors.Count > 0)
        {
            return OperationResult.Failure(errors);
        }

        db.Meetings.Remove(meeting);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    /// <summary>
    /// The year's decisions record: every meeting of the readable kinds held in <paramref name="year"/>, in date
    /// order, with its decisions and the validations recorded in it (five queries at most, whatever the number of meetings).
    /// </summary>
    public async Task<IReadOnlyList<YearMeetingDecisions>> DecisionsOfYearAsync(
        IReadOnlyCollection<MeetingKind> readableKinds, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(readableKinds);
        var (from, to) = YearBounds(year);
        var inYear = Readable(readableKinds).Where(m => m.HeldAt >= from && m.HeldAt < to);
        var meetings = await inYear
            .OrderBy(m => m.HeldAt).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Kind, m.HeldAt, m.Place })
            .ToListAsync(cancellationToken);
        if (meetings.Count == 0)
        {
            return [];
        }

        var decisions = (await db.MeetingDecisions.AsNoTracking()
            .Where(d => inYear.Any(m => m.Id == d.MeetingId))
            .OrderBy(d => d.Order).ThenBy(d => d.Id)
            .Select(d => new { d.MeetingId, d.Text })
            .ToListAsync(cancellationToken))
            .ToLookup(d => d.MeetingId, d => d.Text);
        var validations = await ValidationsAsync([.. meetings.Select(m => m.Id)], cancellationToken);
        return [.. meetings.Select(m => new YearMeetingDecisions(
            m.Id, m.Kind, m.HeldAt, m.Place, [.. decisions[m.Id]], validations.GetValueOrDefault(m.Id, [])))];
    }

    /// <summary>
    /// The review steps recorded in these meetings, oldest first, with the structure's name and the document's year
    /// (three queries at most: the steps, then the self-assessments and the action plans they name).
    /// </summary>
    private async Task<Dictionary<int, IReadOnlyList<RecordedValidation>>> ValidationsAsync(
        IReadOnlyCollection<int> meetingIds, CancellationToken cancellationToken)
    {
        var events = await (
                from e in db.ReviewEvents.AsNoTracking()
                where e.MeetingId != null && meetingIds.Contains(e.MeetingId.Value)
                join s in db.Structures.AsNoTracking() on e.StructureId equals s.Id
                orderby e.AtUtc, e.Id
                select new { MeetingId = e.MeetingId!.Value, e.DocumentKind, e.DocumentId, StructureName = s.Name, e.Action, e.AtUtc, e.ActorName })
            .ToListAsync(cancellationToken);
        if (events.Count == 0)
        {
            return [];
        }

        var assessmentIds = events.Where(e => e.DocumentKind == ReviewDocumentKind.SelfAssessment).Select(e => e.DocumentId).Distinct().ToList();
        var planIds = events.Where(e => e.DocumentKind == ReviewDocumentKind.ActionPlan).Select(e => e.DocumentId).Distinct().ToList();
        var assessmentYears = assessmentIds.Count == 0
            ? []
            : await db.SelfAssessments.AsNoTracking().Where(a => assessmentIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Year, cancellationToken);
        var planYears = planIds.Count == 0
            ? []
            : await db.ActionPlans.AsNoTracking().Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Year, cancellationToken);

        int? YearOf(ReviewDocumentKind kind, int documentId) => kind switch
        {
            ReviewDocumentKind.SelfAssessment when assessmentYears.TryGetValue(documentId, out var y) => y,
            ReviewDocumentKind.ActionPlan when planYears.TryGetValue(documentId, out var y) => y,
            _ => null,
        };

        return events
            .Where(e => e.DocumentKind is ReviewDocumentKind.SelfAssessment or ReviewDocumentKind.ActionPlan)
            .GroupBy(e => e.MeetingId)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<RecordedValidation>)[.. g.Select(e => new RecordedValidation(
                    e.DocumentKind, e.DocumentId, e.StructureName, YearOf(e.DocumentKind, e.DocumentId), e.Action, e.AtUtc, e.ActorName))]);
    }

    /// <summary>
    /// The display names of the chosen accounts that may take part: active accounts with a role, or accounts already
    /// participating in the edited meeting (whose recorded name is kept).
    /// </summary>
    private async Task<Dictionary<string, string>> AccountNamesAsync(List<string> accountIds, Meeting? meeting, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (accountIds.Count == 0)
        {
            return names;
        }

        foreach (var participant in meeting?.Participants.Where(p => p.UserId is not null && accountIds.Contains(p.UserId)) ?? [])
        {
            names[participant.UserId!] = participant.Name;
        }

        var missing = accountIds.Where(a => !names.ContainsKey(a)).ToList();
        if (missing.Count > 0)
        {
            var found = await db.Users.AsNoTracking()
                .Where(u => missing.Contains(u.Id) && !u.IsDisabled && db.UserRoles.Any(r => r.UserId == u.Id))
                .Select(u => new { u.Id, u.DisplayName, u.Email })
                .ToListAsync(cancellationToken);
            foreach (var user in found)
            {
                var name = string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? user.Id : user.DisplayName;
                names[user.Id] = name.Length > ParticipantMaxLength ? name[..ParticipantMaxLength] : name;
            }
        }

        return names;
    }

    /// <summary>Why the kind of a meeting can no longer change: review steps recorded in it, actions citing it. Empty when it can.</summary>
    public async Task<List<string>> KindLocksAsync(int meetingId, CancellationToken cancellationToken = default)
    {
        var locks = new List<string>();
        if (await db.ReviewEvents.AnyAsync(e => e.MeetingId == meetingId, cancellationToken))
        {
            locks.Add(KindLockedByReviewsMessage);
        }

        if (await db.ImprovementActions.AnyAsync(a => a.SourceMeetingId == meetingId, cancellationToken))
        {
            locks.Add(KindLockedByActionsMessage);
        }

        return locks;
    }

    private IQueryable<Meeting> Readable(IReadOnlyCollection<MeetingKind> readableKinds)
    {
        var query = db.Meetings.AsNoTracking();
        var copil = readableKinds.Contains(MeetingKind.Copil);
        var clac = readableKinds.Contains(MeetingKind.Clac);
        // Equality only: enums are stored as strings.
        return (copil, clac) switch
        {
            (true, true) => query,
            (true, false) => query.Where(m => m.Kind == MeetingKind.Copil),
            (false, true) => query.Where(m => m.Kind == MeetingKind.Clac),
            _ => query.Where(m => false),
        };
    }

    private static (DateTime From, DateTime To) YearBounds(int year) =>
        (new DateTime(Math.Clamp(year, 1, 9998), 1, 1, 0, 0, 0, DateTimeKind.Unspecified),
         new DateTime(Math.Clamp(year, 1, 9998) + 1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified));

    /// <summary>The non-blank lines of a text, trimmed.</summary>
    private static List<string> Lines(string? text) =>
        [.. (text ?? "").ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>« Nom — qualité » (an em dash, an en dash or a spaced hyphen separates them); the quality is optional.</summary>
    private static (string Name, string? Quality) ParseParticipant(string line)
    {
        foreach (var separator in new[] { "—", "–", " - " })
        {
            var at = line.IndexOf(separator, StringComparison.Ordinal);
            if (at > 0)
            {
                var name = line[..at].Trim();
                var quality = line[(at + separator.Length)..].Trim();
                if (name.Length > 0)
                {
                    return (name, quality.Length == 0 ? null : quality);
                }
            }
        }

        return (line, null);
    }
}
