using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Feedback.Import;
using SpPlus.Core.Settings;

namespace SpPlus.Core.Feedback;

/// <summary>Who confirms an import, as recorded on <see cref="ExperienceImport"/>.</summary>
public sealed record ImportActor(string UserId, string DisplayName);

/// <summary>One national field that an import changes on an existing experience, with both values as shown to the user.</summary>
public sealed record ImportFieldChange(string Field, string OldValue, string NewValue);

/// <summary>An existing experience that an import updates, and how.</summary>
public sealed record ImportRowChange(int LineNumber, string NationalId, string? Title, IReadOnlyList<ImportFieldChange> Fields);

/// <summary>
/// What an import of a file would do, computed without writing: the counts, the rejected lines with their French
/// reason, the columns the reader did not use and the first changes of updated experiences. When
/// <see cref="FileErrors"/> is not empty the file as a whole is refused and nothing can be confirmed.
/// </summary>
public sealed record ImportPlan(
    int NewCount,
    int UpdatedCount,
    int UnchangedCount,
    int RejectedCount,
    int UnmappedCount,
    IReadOnlyList<ExperienceCsvRejection> Rejections,
    IReadOnlyList<string> FileErrors,
    IReadOnlyList<string> IgnoredColumns,
    IReadOnlyList<ImportRowChange> Changes)
{
    public bool CanConfirm => FileErrors.Count == 0;
}

/// <summary>What a confirmed import wrote.</summary>
public sealed record ImportOutcome(int ImportId, int NewCount, int UpdatedCount, int UnchangedCount, int RejectedCount, int UnmappedCount);

/// <summary>
/// Imports the national platform's experience export in two steps: <see cref="PreviewAsync"/> reads the file and
/// compares it with the database without writing; <see cref="ConfirmAsync"/> reads the same bytes again and applies
/// every valid row in one transaction, or nothing.
/// <para>
/// Rules. An experience is matched on its national id. A newer export overwrites the national fields (title,
/// description, state, sentiment, tags, typologies, structure label, postal code, dates, published answer, rejection
/// reason); an empty cell never erases a stored value, and a row without any tag keeps the stored tags. Local work
/// (the structure once set, the assignee, the answer draft, comments, the improvement action) is never touched, with
/// one exception: an experience still waiting in the unmapped queue is placed when its label now resolves. A row whose
/// national fields are all equal is unchanged: nothing is written for it. The due date is the publication date plus
/// the answer delay, set for a new experience and recomputed when the publication date changes.
/// </para>
/// </summary>
public sealed class ExperienceImportService(SpPlusDbContext db, TimeProvider time, ILogger<ExperienceImportService> logger)
{
    /// <summary>How many updated rows the preview details.</summary>
    public const int MaxChangesShown = 50;

    /// <summary>National ids per query when loading the experiences a file names.</summary>
    public const int LookupChunkSize = 500;

    public const string FailedMessage =
        "L'import n'a pas pu être enregistré à cause d'une erreur inattendue : aucune ligne n'a été importée. Réessayez ; si l'erreur persiste, prévenez l'administrateur du portail.";

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>Reads the file and compares it with the database. Writes nothing.</summary>
    public async Task<ImportPlan> PreviewAsync(Stream csv, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var work = await PlanAsync(csv, tracking: false, cancellationToken);
        return work.ToPlan();
    }

    /// <summary>
    /// Reads the file again and applies it in one transaction with one save: new experiences, updated national fields,
    /// placements, and the <see cref="ExperienceImport"/> record. Rejected rows are skipped (the preview listed them);
    /// a file error refuses the whole file. Any failure rolls everything back.
    /// </summary>
    public async Task<OperationResult<ImportOutcome>> ConfirmAsync(
        Stream csv, string fileName, ImportActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(actor);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var work = await PlanAsync(csv, tracking: true, cancellationToken);
            if (work.FileErrors.Count > 0)
            {
                return OperationResult<ImportOutcome>.Failure(work.FileErrors);
            }

            var record = new ExperienceImport
            {
                FileName = Truncate(SafeFileName(fileName), 260),
                ImportedAtUtc = work.Now,
                ImportedByUserId = actor.UserId,
                ImportedByName = Truncate(actor.DisplayName, 200),
                NewCount = work.NewExperiences.Count,
                UpdatedCount = work.UpdatedCount,
                UnchangedCount = work.UnchangedCount,
                RejectedCount = work.Rejections.Count,
                UnmappedCount = work.UnmappedCount,
            };
            db.Experiences.AddRange(work.NewExperiences);
            db.ExperienceImports.Add(record);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);

            logger.LogInformation(
                "Experience import {ImportId} confirmed by {UserId}: {New} new, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected, {Unmapped} unmapped.",
                record.Id, actor.UserId, record.NewCount, record.UpdatedCount, record.UnchangedCount, record.RejectedCount, record.UnmappedCount);
            return OperationResult.Ok(new ImportOutcome(
                record.Id, record.NewCount, record.UpdatedCount, record.UnchangedCount, record.RejectedCount, record.UnmappedCount));
        }
        catch (OperationCanceledException)
        {
            await RollBackAsync(transaction);
            throw;
        }
        catch (Exception exception)
        {
            await RollBackAsync(transaction);
            logger.LogError(exception, "Experience import by {UserId} failed and was rolled back.", actor.UserId);
            return OperationResult<ImportOutcome>.Failure(FailedMessage);
        }
    }

    /// <summary>The answer delay setting in days (default 15).</summary>
    public Task<int> AnswerDelayDaysAsync(CancellationToken cancellationToken = default) =>
        db.DaysSettingAsync(SettingKeys.AnswerDelayDays, SettingKeys.DefaultAnswerDelayDays, cancellationToken);

    private async Task RollBackAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction)
    {
        try
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // Already completed or the connection is gone: disposing the transaction rolls back what remains.
        }

        db.ChangeTracker.Clear();
    }

    private async Task<ImportWork> PlanAsync(Stream csv, bool tracking, CancellationToken cancellationToken)
    {
        var read = ExperienceCsvReader.Read(csv);
        var now = time.GetUtcNow().UtcDateTime;
        var work = new ImportWork(now, read.FileErrors, read.IgnoredColumns);
        if (!read.Succeeded)
        {
            return work;
        }

        work.Rejections.AddRange(read.Rejections);
        var rows = new List<ExperienceCsvRow>(read.Rows.Count);
        foreach (var row in read.Rows)
        {
            if (StorageProblem(row) is { } reason)
            {
                work.Rejections.Add(new ExperienceCsvRejection(row.LineNumber, reason));
            }
            else
            {
                rows.Add(row);
            }
        }

        work.Rejections.Sort((a, b) => a.LineNumber.CompareTo(b.LineNumber));

        var mappings = await db.StructureLabelMappings.AsNoTracking()
            .Select(m => new { m.NormalizedLabel, m.StructureId })
            .ToDictionaryAsync(m => m.NormalizedLabel, m => m.StructureId, StringComparer.Ordinal, cancellationToken);
        var structures = await db.Structures.AsNoTracking()
            .Select(s => new { s.Id, s.Name, s.IsActive })
            .ToListAsync(cancellationToken);
        var resolver = new StructureResolver(mappings, structures.Where(s => s.IsActive).Select(s => (s.Id, s.Name)));
        var structureNames = structures.ToDictionary(s => s.Id, s => s.Name);
        var delayDays = await AnswerDelayDaysAsync(cancellationToken);
        var existing = await LoadExistingAsync(rows.Select(r => r.NationalId).ToList(), tracking, cancellationToken);

        foreach (var row in rows)
        {
            var structureId = resolver.Resolve(row.StructureLabel, row.Typology1, row.Typology2, row.Typology3);
            if (existing.TryGetValue(row.NationalId, out var experience))
            {
                var changes = Apply(row, experience, structureId, delayDays, structureNames);
                if (changes.Count == 0)
                {
                    work.UnchangedCount++;
                    continue;
                }

                experience.LastImportedAtUtc = now;
                work.UpdatedCount++;
                if (work.Changes.Count < MaxChangesShown)
                {
                    work.Changes.Add(new ImportRowChange(row.LineNumber, row.NationalId, experience.Title, changes));
                }
            }
            else
            {
                work.NewExperiences.Add(Create(row, structureId, delayDays, now));
                if (structureId is null)
                {
                    work.UnmappedCount++;
                }
            }
        }

        return work;
    }

    /// <summary>Loads the experiences of these national ids, <see cref="LookupChunkSize"/> ids per query (answers included when tracked).</summary>
    private async Task<Dictionary<string, Experience>> LoadExistingAsync(List<string> nationalIds, bool tracking, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, Experience>(nationalIds.Count, StringComparer.Ordinal);
        foreach (var chunk in nationalIds.Chunk(LookupChunkSize))
        {
            var ids = chunk.ToList();
            var query = db.Experiences.Where(e => e.NationalId != null && ids.Contains(e.NationalId));
            query = tracking ? query.Include(e => e.Answer) : query.AsNoTracking();
            foreach (var experience in await query.ToListAsync(cancellationToken))
            {
                found[experience.NationalId!] = experience;
            }
        }

        return found;
    }

    /// <summary>A value the reader accepts but the database cannot hold (its columns are shorter than the reader's bounds).</summary>
    private string? StorageProblem(ExperienceCsvRow row)
    {
        var entity = db.Model.FindEntityType(typeof(Experience))!;
        var reasons = new List<string>();
        void Check(string property, string label, string? value)
        {
            if (value is not null && entity.FindProperty(property)?.GetMaxLength() is { } max && value.Length > max)
            {
                reasons.Add($"{label} trop long ({value.Length.ToString("N0", French)} caractères, {max.ToString("N0", French)} au maximum)");
            }
        }

        Check(nameof(Experience.NationalId), "identifiant de l'expérience", row.NationalId);
        Check(nameof(Experience.Title), "titre", row.Title);
        Check(nameof(Experience.Description), "description", row.Description);
        Check(nameof(Experience.NationalState), "état de l'expérience", row.NationalState);
        Check(nameof(Experience.Typology1), "intitulé typologie 1", row.Typology1);
        Check(nameof(Experience.Typology2), "intitulé typologie 2", row.Typology2);
        Check(nameof(Experience.Typology3), "intitulé typologie 3", row.Typology3);
        Check(nameof(Experience.NationalStructureLabel), "intitulé de la structure", row.StructureLabel);
        Check(nameof(Experience.PostalCode), "code postal de l'usager", row.PostalCode);
        Check(nameof(Experience.NationalAnswer), "réponse de la structure", row.PublishedAnswer);
        Check(nameof(Experience.RejectionReason), "motif de rejet", row.RejectionReason);
        return reasons.Count > 0 ? string.Join(" ; ", reasons) : null;
    }

    private static Experience Create(ExperienceCsvRow row, int? structureId, int delayDays, DateTime now)
    {
        var experience = new Experience
        {
            NationalId = row.NationalId,
            Source = ExperienceSource.NationalImport,
            StructureId = structureId,
            NationalStructureLabel = row.StructureLabel,
            Typology1 = row.Typology1,
            Typology2 = row.Typology2,
            Typology3 = row.Typology3,
            Title = row.Title,
            Description = row.Description,
            NationalState = row.NationalState,
            Sentiment = row.Sentiment,
            PostalCode = row.PostalCode,
            WrittenOn = row.WrittenOn,
            PublishedOn = row.PublishedOn,
            FirstAnswerOn = row.FirstAnswerOn,
            NationalAnswer = row.PublishedAnswer,
            RejectionReason = row.RejectionReason,
            DueOn = row.PublishedOn?.AddDays(delayDays),
            CreatedAtUtc = now,
            LastImportedAtUtc = now,
        };
        experience.SetTags(row.Tags);
        return experience;
    }

    /// <summary>Copies the row's national fields onto the experience and places it when it waits in the queue; returns what changed.</summary>
    private static List<ImportFieldChange> Apply(
        ExperienceCsvRow row, Experience experience, int? structureId, int delayDays, IReadOnlyDictionary<int, string> structureNames)
    {
        var changes = new List<ImportFieldChange>();

        void Text(string field, string? current, string? incoming, Action<string> set)
        {
            if (incoming is not null && !string.Equals(current, incoming, StringComparison.Ordinal))
            {
                changes.Add(new ImportFieldChange(field, Shown(current), Shown(incoming)));
                set(incoming);
            }
        }

        void Date(string field, DateOnly? current, DateOnly? incoming, Action<DateOnly> set)
        {
            if (incoming is { } value && current != value)
            {
                changes.Add(new ImportFieldChange(field, Shown(current), Shown(incoming)));
                set(value);
            }
        }

        Text("Titre", experience.Title, row.Title, v => experience.Title = v);
        Text("Description", experience.Description, row.Description, v => experience.Description = v);
        Text("État national", experience.NationalState, row.NationalState, v => experience.NationalState = v);
        if (row.Sentiment is { } sentiment && experience.Sentiment != sentiment)
        {
            changes.Add(new ImportFieldChange("Ressenti", experience.Sentiment?.Label() ?? "—", sentiment.Label()));
            experience.Sentiment = sentiment;
        }

        var currentTags = experience.Tags;
        if (row.Tags.Count > 0 && !currentTags.SetEquals(row.Tags))
        {
            changes.Add(new ImportFieldChange("Tags", ShownTags(currentTags), ShownTags(row.Tags)));
            experience.SetTags(row.Tags);
        }

        Text("Typologie 1", experience.Typology1, row.Typology1, v => experience.Typology1 = v);
        Text("Typologie 2", experience.Typology2, row.Typology2, v => experience.Typology2 = v);
        Text("Typologie 3", experience.Typology3, row.Typology3, v => experience.Typology3 = v);
        Text("Intitulé de la structure", experience.NationalStructureLabel, row.StructureLabel, v => experience.NationalStructureLabel = v);
        Text("Code postal", experience.PostalCode, row.PostalCode, v => experience.PostalCode = v);
        Date("Écrit le", experience.WrittenOn, row.WrittenOn, v => experience.WrittenOn = v);
        Date("Publié le", experience.PublishedOn, row.PublishedOn, v =>
        {
            experience.PublishedOn = v;
            experience.DueOn = v.AddDays(delayDays);
        });
        Date("Première réponse le", experience.FirstAnswerOn, row.FirstAnswerOn, v => experience.FirstAnswerOn = v);
        Text("Réponse publiée", experience.NationalAnswer, row.PublishedAnswer, v => experience.NationalAnswer = v);
        Text("Motif de rejet", experience.RejectionReason, row.RejectionReason, v => experience.RejectionReason = v);

        if (experience.StructureId is null && structureId is { } placed)
        {
            changes.Add(new ImportFieldChange("Structure", "— (à affecter)", structureNames.GetValueOrDefault(placed, "—")));
            experience.StructureId = placed;
            if (experience.Answer is { } answer && answer.StructureId != placed)
            {
                answer.StructureId = placed;
            }
        }

        return changes;
    }

    private static string Shown(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "—";
        }

        var flat = string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 120 ? flat : string.Concat(flat.AsSpan(0, 119), "…");
    }

    private static string Shown(DateOnly? value) => value is { } date ? date.ToString("dd/MM/yyyy", French) : "—";

    private static string ShownTags(IReadOnlySet<ExperienceTag> tags) =>
        tags.Count == 0 ? "—" : string.Join(", ", tags.Order().Select(t => t.Label()));

    /// <summary>The name without any folder part: it is only shown, never used as a path.</summary>
    private static string SafeFileName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..].Trim();
        return name.Length == 0 ? "export.csv" : name;
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];

    private sealed class ImportWork(DateTime now, IReadOnlyList<string> fileErrors, IReadOnlyList<string> ignoredColumns)
    {
        public DateTime Now { get; } = now;

        public IReadOnlyList<string> FileErrors { get; } = fileErrors;

        public IReadOnlyList<string> IgnoredColumns { get; } = ignoredColumns;

        public List<ExperienceCsvRejection> Rejections { get; } = [];

        public List<Experience> NewExperiences { get; } = [];

        public List<ImportRowChange> Changes { get; } = [];

        public int UpdatedCount { get; set; }

        public int UnchangedCount { get; set; }

        public int UnmappedCount { get; set; }

        public ImportPlan ToPlan() => new(
            NewExperiences.Count, UpdatedCount, UnchangedCount, Rejections.Count, UnmappedCount,
            Rejections, FileErrors, IgnoredColumns, Changes);
    }
}
