using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Common;
using SpPlus.Core.Data;

namespace SpPlus.Core.Engagements;

/// <summary>
/// The life of framework versions (référentiels): copy a version into a new draft, edit a draft's engagements and
/// sub-criteria, activate a complete draft (the previous active version is archived). Active and archived versions
/// are never edited: history stays as it was shown (see decision 0003).
/// </summary>
public sealed class EngagementFrameworkService(SpPlusDbContext db, TimeProvider time)
{
    /// <summary>The wording of an engagement still to be written (seeded for the 8th engagement of 2023).</summary>
    public const string PlaceholderWording = "Engagement à compléter";

    public const int MinYear = 2000;
    public const int MaxYear = 2100;
    public const int NameMaxLength = 150;
    public const int WordingMaxLength = 500;

    public const string NotEditableMessage = "Un référentiel actif ou archivé ne se modifie pas : créez une nouvelle version.";

    private const string FrameworkNotFound = "Ce référentiel n'existe pas.";
    private const string EngagementNotFound = "Cet engagement n'existe pas.";

    /// <summary>"Un référentiel existe déjà pour l'année 2025."</summary>
    public static string DuplicateYearMessage(int year) => $"Un référentiel existe déjà pour l'année {year}.";

    /// <summary>Creates a draft version <paramref name="year"/> with copies of the source's engagements and sub-criteria; returns its id.</summary>
    public async Task<OperationResult<int>> CreateCopyAsync(int sourceFrameworkId, int year, string name, CancellationToken cancellationToken = default)
    {
        var errors = new List<string>();
        name = (name ?? "").Trim();
        if (name.Length == 0)
        {
            errors.Add("Indiquez le nom du référentiel.");
        }
        else if (name.Length > NameMaxLength)
        {
            errors.Add($"Le nom du référentiel doit contenir au plus {NameMaxLength} caractères.");
        }

        if (year is < MinYear or > MaxYear)
        {
            errors.Add($"L'année doit être comprise entre {MinYear} et {MaxYear}.");
        }
        else if (await db.EngagementFrameworks.AnyAsync(f => f.Year == year, cancellationToken))
        {
            errors.Add(DuplicateYearMessage(year));
        }

        var source = await db.EngagementFrameworks.AsNoTracking()
            .Where(f => f.Id == sourceFrameworkId)
            .Select(f => new
            {
                f.Description,
                Engagements = f.Engagements.OrderBy(e => e.Number).Select(e => new
                {
                    e.Number,
                    e.Wording,
                    e.Group,
                    SubCriteria = e.SubCriteria.OrderBy(c => c.Order).Select(c => new { c.Order, c.Wording }).ToList(),
                }).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (source is null)
        {
            errors.Add("Le référentiel à copier n'existe pas.");
        }

        if (errors.Count > 0)
        {
            return OperationResult<int>.Failure(errors);
        }

        var copy = new EngagementFramework
        {
            Year = year,
            Name = name,
            Description = source!.Description,
            Status = FrameworkStatus.Draft,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            Engagements = source.Engagements.Select(e => new Engagement
            {
                Number = e.Number,
                Wording = e.Wording,
                Group = e.Group,
                SubCriteria = e.SubCriteria.Select(c => new EngagementSubCriterion { Order = c.Order, Wording = c.Wording }).ToList(),
            }).ToList(),
        };
        db.EngagementFrameworks.Add(copy);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult<int>.Ok(copy.Id);
    }

    /// <summary>
    /// What prevents this version from being activated: not found, already active, archived, no engagement, or an
    /// engagement without its final wording. Empty when it can be activated.
    /// </summary>
    public async Task<OperationResult> CheckActivationAsync(int frameworkId, CancellationToken cancellationToken = default)
    {
        var framework = await db.EngagementFrameworks.AsNoTracking()
            .Where(f => f.Id == frameworkId)
            .Select(f => new
            {
                f.Year,
                f.Status,
                Engagements = f.Engagements.OrderBy(e => e.Number).Select(e => new { e.Number, e.Wording }).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (framework is null)
        {
            return OperationResult.Failure(FrameworkNotFound);
        }

        return ActivationProblems(framework.Status, framework.Year, framework.Engagements.Select(e => (e.Number, e.Wording)));
    }

    /// <summary>Makes this draft the active version and archives the one active until now, in one save.</summary>
    public async Task<OperationResult> ActivateAsync(int frameworkId, CancellationToken cancellationToken = default)
    {
        var framework = await db.EngagementFrameworks
            .Include(f => f.Engagements)
            .FirstOrDefaultAsync(f => f.Id == frameworkId, cancellationToken);
        if (framework is null)
        {
            return OperationResult.Failure(FrameworkNotFound);
        }

        var problems = ActivationProblems(framework.Status, framework.Year, framework.Engagements.Select(e => (e.Number, e.Wording)));
        if (!problems.Succeeded)
        {
            return problems;
        }

        // Every version still marked active is archived, so that a single one stays active even after a bad import.
        var previous = await db.EngagementFrameworks.Where(f => f.Status == FrameworkStatus.Active && f.Id != frameworkId)
            .ToListAsync(cancellationToken);
        foreach (var old in previous)
        {
            old.Status = FrameworkStatus.Archived;
        }

        framework.Status = FrameworkStatus.Active;
        framework.ActivatedAtUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    /// <summary>
    /// Changes an engagement of a draft: its wording, its group and, when <paramref name="subCriteria"/> is given,
    /// its list of sub-criteria (in the given order), all in one save. Sub-criteria whose wording is unchanged keep
    /// their identity; blank lines are ignored.
    /// </summary>
    public async Task<OperationResult> UpdateEngagementAsync(
        int engagementId, string wording, EngagementGroup? group, IReadOnlyList<string>? subCriteria = null,
        CancellationToken cancellationToken = default)
    {
        var engagement = await db.Engagements
            .Include(e => e.Framework)
            .Include(e => e.SubCriteria)
            .FirstOrDefaultAsync(e => e.Id == engagementId, cancellationToken);
        if (engagement is null)
        {
            return OperationResult.Failure(EngagementNotFound);
        }

        if (engagement.Framework!.Status != FrameworkStatus.Draft)
        {
            return OperationResult.Failure(NotEditableMessage);
        }

        var cleaned = subCriteria is null ? null : CleanSubCriteria(subCriteria);
        var errors = ValidateEngagement(wording, group, cleaned);
        if (errors.Count > 0)
        {
            return OperationResult.Failure(errors);
        }

        engagement.Wording = wording.Trim();
        engagement.Group = group;
        if (cleaned is not null)
        {
            SyncSubCriteria(engagement, cleaned);
        }

        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    /// <summary>Adds an engagement at the end of a draft (number = last + 1); returns its id.</summary>
    public async Task<OperationResult<int>> AddEngagementAsync(
        int frameworkId, string wording, EngagementGroup? group, IReadOnlyList<string>? subCriteria = null,
        CancellationToken cancellationToken = default)
    {
        var framework = await db.EngagementFrameworks
            .Where(f => f.Id == frameworkId)
            .Select(f => new { f.Status, LastNumber = f.Engagements.Max(e => (int?)e.Number) })
            .FirstOrDefaultAsync(cancellationToken);
        if (framework is null)
        {
            return OperationResult<int>.Failure(FrameworkNotFound);
        }

        if (framework.Status != FrameworkStatus.Draft)
        {
            return OperationResult<int>.Failure(NotEditableMessage);
        }

        var cleaned = CleanSubCriteria(subCriteria ?? []);
        var errors = ValidateEngagement(wording, group, cleaned);
        if (errors.Count > 0)
        {
            return OperationResult<int>.Failure(errors);
        }

        var engagement = new Engagement
        {
            FrameworkId = frameworkId,
            Number = (framework.LastNumber ?? 0) + 1,
            Wording = wording.Trim(),
            Group = group,
            SubCriteria = cleaned.Select((text, index) => new EngagementSubCriterion { Order = index + 1, Wording = text }).ToList(),
        };
        db.Engagements.Add(engagement);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult<int>.Ok(engagement.Id);
    }

    /// <summary>Removes an engagement from a draft (with its sub-criteria); the following ones move up a number.</summary>
    public async Task<OperationResult> RemoveEngagementAsync(int engagementId, CancellationToken cancellationToken = default)
    {
        // Sub-criteria are loaded so that their deletion is tracked, hence audited, rather than left to the cascade.
        var engagement = await db.Engagements
            .Include(e => e.Framework)
            .Include(e => e.SubCriteria)
            .FirstOrDefaultAsync(e => e.Id == engagementId, cancellationToken);
        if (engagement is null)
        {
            return OperationResult.Failure(EngagementNotFound);
        }

        if (engagement.Framework!.Status != FrameworkStatus.Draft)
        {
            return OperationResult.Failure(NotEditableMessage);
        }

        var commitments = await db.LocalCommitments.CountAsync(c => c.EngagementId == engagementId, cancellationToken);
        if (commitments > 0)
        {
            return OperationResult.Failure(commitments == 1
                ? "Un engagement local est rattaché à cet engagement : rattachez-le à un autre engagement avant de supprimer celui-ci."
                : $"{commitments} engagements locaux sont rattachés à cet engagement : rattachez-les à un autre engagement avant de supprimer celui-ci.");
        }

        var following = await db.Engagements
            .Where(e => e.FrameworkId == engagement.FrameworkId && e.Number > engagement.Number)
            .OrderBy(e => e.Number)
            .ToListAsync(cancellationToken);
        db.Engagements.Remove(engagement);
        foreach (var next in following)
        {
            next.Number--;
        }

        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    /// <summary>Trims the lines and drops the blank ones.</summary>
    public static List<string> CleanSubCriteria(IEnumerable<string?> lines) =>
        lines.Select(line => (line ?? "").Trim()).Where(line => line.Length > 0).ToList();

    private static OperationResult ActivationProblems(FrameworkStatus status, int year, IEnumerable<(int Number, string Wording)> engagements)
    {
        switch (status)
        {
            case FrameworkStatus.Active:
                return OperationResult.Failure($"Le référentiel {year} est déjà actif.");
            case FrameworkStatus.Archived:
                return OperationResult.Failure(
                    $"Le référentiel {year} est archivé et ne peut pas être réactivé : créez une nouvelle version à partir de celui-ci.");
        }

        var list = engagements.ToList();
        if (list.Count == 0)
        {
            return OperationResult.Failure($"Le référentiel {year} ne contient aucun engagement : ajoutez-en avant de l'activer.");
        }

        var incomplete = list
            .Where(e => string.IsNullOrWhiteSpace(e.Wording)
                || string.Equals(e.Wording.Trim(), PlaceholderWording, StringComparison.OrdinalIgnoreCase))
            .Select(e => $"L'engagement n° {e.Number} n'a pas encore de libellé définitif.")
            .ToList();
        return incomplete.Count == 0 ? OperationResult.Success : OperationResult.Failure(incomplete);
    }

    private static List<string> ValidateEngagement(string? wording, EngagementGroup? group, IReadOnlyList<string>? subCriteria)
    {
        var errors = new List<string>();
        var text = (wording ?? "").Trim();
        if (text.Length == 0)
        {
            errors.Add("Indiquez le libellé de l'engagement.");
        }
        else if (text.Length > WordingMaxLength)
        {
            errors.Add($"Le libellé de l'engagement doit contenir au plus {WordingMaxLength} caractères.");
        }

        if (group is { } value && !Enum.IsDefined(value))
        {
            errors.Add("Le groupe choisi n'existe pas.");
        }

        if (subCriteria is not null)
        {
            foreach (var (line, index) in subCriteria.Select((line, index) => (line, index)))
            {
                if (line.Length > WordingMaxLength)
                {
                    errors.Add($"Le sous-critère n° {index + 1} doit contenir au plus {WordingMaxLength} caractères.");
                }
            }
        }

        return errors;
    }

    /// <summary>
    /// Makes the engagement's sub-criteria match <paramref name="wordings"/>: an unchanged wording keeps its row,
    /// the other rows are reused in order for the changed wordings, then rows are added or removed.
    /// </summary>
    private void SyncSubCriteria(Engagement engagement, IReadOnlyList<string> wordings)
    {
        var unused = engagement.SubCriteria.OrderBy(c => c.Order).ToList();
        var targets = new EngagementSubCriterion?[wordings.Count];
        for (var i = 0; i < wordings.Count; i++)
        {
            var same = unused.FirstOrDefault(c => string.Equals(c.Wording, wordings[i], StringComparison.Ordinal));
            if (same is not null)
            {
                targets[i] = same;
                unused.Remove(same);
            }
        }

        for (var i = 0; i < wordings.Count; i++)
        {
            if (targets[i] is null && unused.Count > 0)
            {
                targets[i] = unused[0];
                unused.RemoveAt(0);
            }

            var target = targets[i];
            if (target is null)
            {
                target = new EngagementSubCriterion { EngagementId = engagement.Id };
                engagement.SubCriteria.Add(target);
            }

            target.Order = i + 1;
            target.Wording = wordings[i];
        }

        foreach (var removed in unused)
        {
            engagement.SubCriteria.Remove(removed);
            db.EngagementSubCriteria.Remove(removed);
        }
    }
}
