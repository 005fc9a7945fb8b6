using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Engagements;

namespace SpPlus.Core.SelfAssessments;

/// <summary>
/// The self-assessment grids: the versions of each framework's grid, and their editing by the administrator and the
/// referent. Only the current (highest) version of a framework is edited; older versions are history. A version used
/// by at least one self-assessment is never changed underneath it: the edit copies it to the next version (all its
/// criteria) and applies the change to the copy, which new assessments use. An unused version is edited in place.
/// A framework prepared after the reference data gets its grid here (version 1, empty); a grid is usable only once
/// every engagement of its framework has at least one criterion.
/// </summary>
public sealed class AssessmentGridService(SpPlusDbContext db, TimeProvider time)
{
    public const int NameMaxLength = 200;
    public const int WordingMaxLength = 1000;
    public const int GuidanceMaxLength = 2000;

    public const string NotFoundMessage = "Cette grille d'auto-évaluation n'existe pas.";
    public const string CriterionNotFoundMessage = "Ce critère n'existe pas dans cette version de la grille.";
    public const string ConflictMessage = "La grille vient d'être modifiée par quelqu'un d'autre : rechargez la page et recommencez.";
    public const string FrameworkNotFoundMessage = "Ce référentiel n'existe pas.";
    public const string ArchivedFrameworkMessage = "Ce référentiel est archivé : sa grille d'auto-évaluation ne peut plus être créée.";
    public const string AlreadyCreatedMessage = "Ce référentiel a déjà une grille d'auto-évaluation : modifiez-la plutôt que d'en créer une autre.";

    /// <summary>"Cette grille est utilisée par 3 auto-évaluation(s) : vos modifications ont créé la version 2."</summary>
    public static string NewVersionMessage(int usage, int version) =>
        $"Cette grille est utilisée par {usage} auto-évaluation(s) : vos modifications ont créé la version {version}.";

    /// <summary>"Cette version de la grille est archivée : seule la version courante (version 3) se modifie."</summary>
    public static string NotCurrentMessage(int currentVersion) =>
        $"Cette version de la grille est archivée : seule la version courante (version {currentVersion}) se modifie.";

    /// <summary>
    /// The frameworks that have a grid, newest framework first, each with its versions (newest first), and the draft or
    /// active frameworks without a grid. Two queries.
    /// </summary>
    public async Task<GridOverview> ListAsync(CancellationToken cancellationToken = default)
    {
        var versions = await db.AssessmentGrids.AsNoTracking()
            .Select(g => new
            {
                g.Id, g.FrameworkId, g.Version, g.Name, g.ChangeNote, g.CreatedAtUtc,
                CriteriaCount = g.Criteria.Count,
                AssessmentCount = db.SelfAssessments.Count(a => a.GridId == g.Id),
            })
            .ToListAsync(cancellationToken);
        var frameworkIds = versions.Select(v => v.FrameworkId).Distinct().ToList();
        var frameworks = await db.EngagementFrameworks.AsNoTracking()
            .Where(f => frameworkIds.Contains(f.Id) || f.Status != FrameworkStatus.Archived)
            .Select(f => new { f.Id, f.Year, f.Name, f.Status, EngagementCount = f.Engagements.Count })
            .ToListAsync(cancellationToken);
        var withGrid = frameworks.Where(f => frameworkIds.Contains(f.Id))
            .OrderByDescending(f => f.Year)
            .Select(f =>
            {
                var mine = versions.Where(v => v.FrameworkId == f.Id).OrderByDescending(v => v.Version).ToList();
                var current = mine[0].Version;
                return new FrameworkGrids(f.Id, f.Year, f.Name, f.Status, mine
                    .Select(v => new GridVersionSummary(v.Id, v.Version, v.Name, v.ChangeNote, v.CreatedAtUtc, v.CriteriaCount, v.AssessmentCount, v.Version == current))
                    .ToList());
            })
            .ToList();
        var withoutGrid = frameworks.Where(f => !frameworkIds.Contains(f.Id))
            .OrderByDescending(f => f.Year)
            .Select(f => new FrameworkWithoutGrid(f.Id, f.Year, f.Name, f.Status, f.EngagementCount))
            .ToList();
        return new GridOverview(withGrid, withoutGrid);
    }

    /// <summary>The default name of a framework's grid: « Grille d'auto-évaluation — Référentiel Services Publics + 2023 ».</summary>
    public static string DefaultName(string frameworkName)
    {
        var name = $"Grille d'auto-évaluation — {frameworkName.Trim()}";
        return name.Length <= NameMaxLength ? name : name[..NameMaxLength].TrimEnd();
    }

    /// <summary>
    /// Creates version 1 of the grid of a draft or active framework that has none, without criteria: the editor then
    /// adds them engagement by engagement. Refused for an unknown or archived framework, or one that already has a grid.
    /// Returns the new grid's id.
    /// </summary>
    public async Task<OperationResult<int>> CreateAsync(int frameworkId, string? editorName, CancellationToken cancellationToken = default)
    {
        var framework = await db.EngagementFrameworks.AsNoTracking()
            .Where(f => f.Id == frameworkId)
            .Select(f => new { f.Name, f.Status, HasGrid = db.AssessmentGrids.Any(g => g.FrameworkId == f.Id) })
            .FirstOrDefaultAsync(cancellationToken);
        if (framework is null)
        {
            return OperationResult<int>.Failure(FrameworkNotFoundMessage);
        }

        if (framework.Status == FrameworkStatus.Archived)
        {
            return OperationResult<int>.Failure(ArchivedFrameworkMessage);
        }

        if (framework.HasGrid)
        {
            return OperationResult<int>.Failure(AlreadyCreatedMessage);
        }

        var grid = new AssessmentGrid
        {
            FrameworkId = frameworkId,
            Version = 1,
            Name = DefaultName(framework.Name),
            ChangeNote = "Grille créée.",
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            CreatedByName = editorName,
        };
        db.AssessmentGrids.Add(grid);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another editor created the grid at the same moment (unique framework + version).
            db.Entry(grid).State = EntityState.Detached;
            return OperationResult<int>.Failure(ConflictMessage);
        }

        return OperationResult.Ok(grid.Id);
    }

    /// <summary>
    /// The numbers of the engagements of the grid's framework that have no criterion in this grid version, in order.
    /// A grid is usable for an assessment only when this list is empty.
    /// </summary>
    public Task<List<int>> EngagementsWithoutCriterionAsync(int gridId, CancellationToken cancellationToken = default) =>
        db.AssessmentGrids.AsNoTracking()
            .Where(g => g.Id == gridId)
            .SelectMany(g => g.Framework!.Engagements)
            .Where(e => !db.AssessmentCriteria.Any(c => c.GridId == gridId && c.EngagementId == e.Id))
            .OrderBy(e => e.Number)
            .Select(e => e.Number)
            .ToListAsync(cancellationToken);

    /// <summary>"l'engagement 3" or "les engagements 3, 5 et 8".</summary>
    public static string EngagementList(IReadOnlyList<int> numbers) => numbers.Count switch
    {
        0 => "",
        1 => $"l'engagement {numbers[0]}",
        _ => $"les engagements {string.Join(", ", numbers.Take(numbers.Count - 1))} et {numbers[^1]}",
    };

    /// <summary>The id of the current grid version of the active framework; null when there is no active framework or it has no grid.</summary>
    public Task<int?> CurrentGridIdOfActiveFrameworkAsync(CancellationToken cancellationToken = default) =>
        db.AssessmentGrids.AsNoTracking()
            .Where(g => g.Framework!.Status == FrameworkStatus.Active)
            .OrderByDescending(g => g.Version)
            .Select(g => (int?)g.Id)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>A grid version with its criteria grouped by the engagements of its framework (every engagement, even without criteria). Null when unknown.</summary>
    public async Task<GridSheet?> GetAsync(int gridId, CancellationToken cancellationToken = default)
    {
        var header = await db.AssessmentGrids.AsNoTracking()
            .Where(g => g.Id == gridId)
            .Select(g => new
            {
                g.Id, g.FrameworkId, FrameworkYear = g.Framework!.Year, FrameworkName = g.Framework.Name, g.Version, g.Name, g.ChangeNote,
                Current = db.AssessmentGrids.Where(o => o.FrameworkId == g.FrameworkId).OrderByDescending(o => o.Version)
                    .Select(o => new { o.Id, o.Version }).First(),
                AssessmentCount = db.SelfAssessments.Count(a => a.GridId == g.Id),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (header is null)
        {
            return null;
        }

        var engagements = await db.Engagements.AsNoTracking()
            .Where(e => e.FrameworkId == header.FrameworkId)
            .OrderBy(e => e.Number)
            .Select(e => new { e.Id, e.Number, e.Wording })
            .ToListAsync(cancellationToken);
        var criteria = await CriteriaAsync(gridId, cancellationToken);
        return new GridSheet(header.Id, header.FrameworkId, header.FrameworkYear, header.FrameworkName, header.Version, header.Name,
            header.ChangeNote, header.Current.Id == header.Id, header.Current.Version, header.Current.Id, header.AssessmentCount,
            engagements.Select(e => new GridEngagement(e.Id, e.Number, e.Wording, criteria.Where(c => c.EngagementId == e.Id).ToList())).ToList());
    }

    /// <summary>The criteria of a grid version, by engagement number then order.</summary>
    public async Task<List<GridCriterion>> CriteriaAsync(int gridId, CancellationToken cancellationToken = default) =>
        await db.AssessmentCriteria.AsNoTracking()
            .Where(c => c.GridId == gridId)
            .OrderBy(c => c.Engagement!.Number).ThenBy(c => c.Order).ThenBy(c => c.Id)
            .Select(c => new GridCriterion(c.Id, c.EngagementId, c.Engagement!.Number, c.Order, c.Wording, c.Guidance))
            .ToListAsync(cancellationToken);

    /// <summary>Renames the grid (the current version, or its new version when it is in use).</summary>
    public Task<OperationResult<GridEditOutcome>> RenameAsync(int gridId, string? name, string? editorName, CancellationToken cancellationToken = default)
    {
        name = name?.Trim() ?? "";
        if (name.Length == 0)
        {
            return Task.FromResult(OperationResult<GridEditOutcome>.Failure("Indiquez le nom de la grille."));
        }

        if (name.Length > NameMaxLength)
        {
            return Task.FromResult(OperationResult<GridEditOutcome>.Failure($"Le nom de la grille doit contenir au plus {NameMaxLength} caractères."));
        }

        return EditAsync(gridId, null, editorName, "Grille renommée.", (_, _) => null, (grid, _) => grid.Name = name, cancellationToken);
    }

    /// <summary>Adds a criterion at the end of an engagement of the grid's framework.</summary>
    public async Task<OperationResult<GridEditOutcome>> AddCriterionAsync(
        int gridId, CriterionInput input, string? editorName, CancellationToken cancellationToken = default)
    {
        var errors = ValidateInput(input);
        if (errors.Count > 0)
        {
            return OperationResult<GridEditOutcome>.Failure(errors);
        }

        var engagement = await db.Engagements.AsNoTracking().Where(e => e.Id == input.EngagementId)
            .Select(e => new { e.FrameworkId, e.Number }).FirstOrDefaultAsync(cancellationToken);
        return await EditAsync(gridId, null, editorName, $"Critère ajouté à l'engagement {engagement?.Number}.",
            (grid, _) => engagement is null || engagement.FrameworkId != grid.FrameworkId
                ? "Choisissez un engagement du référentiel de cette grille."
                : null,
            (grid, _) => grid.Criteria.Add(new AssessmentCriterion
            {
                Grid = grid,
                EngagementId = input.EngagementId,
                Order = grid.Criteria.Where(c => c.EngagementId == input.EngagementId).Select(c => c.Order).DefaultIfEmpty(0).Max() + 1,
                Wording = input.Wording!.Trim(),
                Guidance = Clean(input.Guidance),
            }),
            cancellationToken);
    }

    /// <summary>Changes a criterion's wording and guidance (its engagement stays).</summary>
    public Task<OperationResult<GridEditOutcome>> UpdateCriterionAsync(
        int gridId, int criterionId, CriterionInput input, string? editorName, CancellationToken cancellationToken = default)
    {
        var errors = ValidateInput(input);
        if (errors.Count > 0)
        {
            return Task.FromResult(OperationResult<GridEditOutcome>.Failure(errors));
        }

        return EditAsync(gridId, criterionId, editorName, "Critère modifié.", (_, _) => null, (_, criterion) =>
        {
            criterion!.Wording = input.Wording!.Trim();
            criterion.Guidance = Clean(input.Guidance);
        }, cancellationToken);
    }

    /// <summary>Removes a criterion; the next ones of its engagement move up.</summary>
    public Task<OperationResult<GridEditOutcome>> RemoveCriterionAsync(int gridId, int criterionId, string? editorName, CancellationToken cancellationToken = default) =>
        EditAsync(gridId, criterionId, editorName, "Critère supprimé.",
            (grid, criterion) => grid.Criteria.Count(c => c.EngagementId == criterion!.EngagementId) <= 1
                ? "Chaque engagement garde au moins un critère : ajoutez-en un autre avant de supprimer celui-ci."
                : null,
            (grid, criterion) =>
            {
                grid.Criteria.Remove(criterion!);
                if (criterion!.Id != 0)
                {
                    db.AssessmentCriteria.Remove(criterion);
                }
                else
                {
                    db.Entry(criterion).State = EntityState.Detached;
                }

                var order = 1;
                foreach (var other in grid.Criteria.Where(c => c.EngagementId == criterion.EngagementId).OrderBy(c => c.Order).ThenBy(c => c.Id))
                {
                    other.Order = order++;
                }
            },
            cancellationToken);

    /// <summary>Moves a criterion one place up or down within its engagement.</summary>
    public Task<OperationResult<GridEditOutcome>> MoveCriterionAsync(int gridId, int criterionId, bool up, string? editorName, CancellationToken cancellationToken = default) =>
        EditAsync(gridId, criterionId, editorName, "Ordre des critères modifié.",
            (grid, criterion) => Neighbour(grid, criterion!, up) is null
                ? up ? "Ce critère est déjà le premier de son engagement." : "Ce critère est déjà le dernier de son engagement."
                : null,
            (grid, criterion) =>
            {
                var neighbour = Neighbour(grid, criterion!, up)!;
                (criterion!.Order, neighbour.Order) = (neighbour.Order, criterion.Order);
            },
            cancellationToken);

    /// <summary>
    /// Loads the grid, checks it is the current version and the change is possible (<paramref name="check"/>, on the
    /// grid as it is), copies it to the next version when an assessment uses it, applies the change
    /// (<paramref name="apply"/>, on the copy or the grid itself, with the matching criterion) and saves.
    /// </summary>
    private async Task<OperationResult<GridEditOutcome>> EditAsync(
        int gridId,
        int? criterionId,
        string? editorName,
        string changeNote,
        Func<AssessmentGrid, AssessmentCriterion?, string?> check,
        Action<AssessmentGrid, AssessmentCriterion?> apply,
        CancellationToken cancellationToken)
    {
        var grid = await db.AssessmentGrids.Include(g => g.Criteria).FirstOrDefaultAsync(g => g.Id == gridId, cancellationToken);
        if (grid is null)
        {
            return OperationResult<GridEditOutcome>.Failure(NotFoundMessage);
        }

        var currentVersion = await db.AssessmentGrids.Where(g => g.FrameworkId == grid.FrameworkId).MaxAsync(g => g.Version, cancellationToken);
        if (currentVersion != grid.Version)
        {
            return OperationResult<GridEditOutcome>.Failure(NotCurrentMessage(currentVersion));
        }

        AssessmentCriterion? criterion = null;
        if (criterionId is { } wanted)
        {
            criterion = grid.Criteria.FirstOrDefault(c => c.Id == wanted);
            if (criterion is null)
            {
                return OperationResult<GridEditOutcome>.Failure(CriterionNotFoundMessage);
            }
        }

        if (check(grid, criterion) is { } refusal)
        {
            return OperationResult<GridEditOutcome>.Failure(refusal);
        }

        var usage = await db.SelfAssessments.CountAsync(a => a.GridId == grid.Id, cancellationToken);
        var target = grid;
        var targetCriterion = criterion;
        if (usage > 0)
        {
            // Copy on edit: the used version keeps its criteria; the change goes to the next version.
            target = new AssessmentGrid
            {
                FrameworkId = grid.FrameworkId,
                Version = grid.Version + 1,
                Name = grid.Name,
                ChangeNote = changeNote,
                CreatedAtUtc = time.GetUtcNow().UtcDateTime,
                CreatedByName = editorName,
            };
            var copies = new Dictionary<int, AssessmentCriterion>();
            foreach (var original in grid.Criteria.OrderBy(c => c.EngagementId).ThenBy(c => c.Order))
            {
                var copy = new AssessmentCriterion
                {
                    Grid = target,
                    EngagementId = original.EngagementId,
                    Order = original.Order,
                    Wording = original.Wording,
                    Guidance = original.Guidance,
                };
                copies[original.Id] = copy;
                target.Criteria.Add(copy);
            }

            targetCriterion = criterion is null ? null : copies[criterion.Id];
            db.AssessmentGrids.Add(target);
        }

        apply(target, targetCriterion);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another editor created the next version at the same moment (unique framework + version).
            return OperationResult<GridEditOutcome>.Failure(ConflictMessage);
        }

        return OperationResult.Ok(new GridEditOutcome(target.Id, usage > 0 ? NewVersionMessage(usage, target.Version) : null));
    }

    private static AssessmentCriterion? Neighbour(AssessmentGrid grid, AssessmentCriterion criterion, bool up)
    {
        var siblings = grid.Criteria.Where(c => c.EngagementId == criterion.EngagementId);
        return up
            ? siblings.Where(c => c.Order < criterion.Order).OrderByDescending(c => c.Order).FirstOrDefault()
            : siblings.Where(c => c.Order > criterion.Order).OrderBy(c => c.Order).FirstOrDefault();
    }

    private static List<string> ValidateInput(CriterionInput input)
    {
        var errors = new List<string>();
        var wording = input.Wording?.Trim() ?? "";
        if (wording.Length == 0)
        {
            errors.Add("Indiquez l'intitulé du critère.");
        }
        else if (wording.Length > WordingMaxLength)
        {
            errors.Add($"L'intitulé du critère doit contenir au plus {WordingMaxLength} caractères.");
        }

        if (input.Guidance?.Trim().Length > GuidanceMaxLength)
        {
            errors.Add($"L'aide à l'évaluation doit contenir au plus {GuidanceMaxLength} caractères.");
        }

        return errors;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
