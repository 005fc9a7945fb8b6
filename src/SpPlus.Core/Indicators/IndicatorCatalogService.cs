using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Structures;

namespace SpPlus.Core.Indicators;

/// <summary>What an administrator or the referent enters to create or change an indicator of the catalogue.</summary>
public sealed record IndicatorInput(
    string Code,
    string Label,
    string? Description,
    string? Formula,
    string? NumeratorLabel,
    string? DenominatorLabel,
    IndicatorKind Kind,
    IndicatorUnit Unit,
    IndicatorDirection Direction,
    double? MinValue,
    double? MaxValue,
    int? EngagementId,
    double? DefaultTarget,
    string? NationalCode,
    IndicatorSource Source,
    int SortOrder,
    IReadOnlyCollection<StructureType> StructureTypes);

/// <summary>
/// The rules of the indicator catalogue: unique upper-case codes, consistent bounds and targets, ratios with their
/// two labels. Indicators are deactivated, never deleted, so the values entered for them stay readable.
/// </summary>
public sealed partial class IndicatorCatalogService(SpPlusDbContext db)
{
    [GeneratedRegex("^[A-Z0-9]+(-[A-Z0-9]+)*$")]
    private static partial Regex CodePattern();

    /// <summary>Checks an input against the catalogue's rules; returns French messages, empty when valid.</summary>
    public async Task<IReadOnlyList<string>> ValidateAsync(int? indicatorId, IndicatorInput input, CancellationToken cancellationToken = default)
    {
        var errors = new List<string>();
        var code = (input.Code ?? "").Trim();
        if (code.Length == 0)
        {
            errors.Add("Le code est obligatoire.");
        }
        else if (!CodePattern().IsMatch(code))
        {
            errors.Add("Le code ne peut contenir que des lettres majuscules sans accent, des chiffres et des tirets (par exemple TAUX-DECROCHE).");
        }
        else
        {
            var existing = await db.Indicators.AsNoTracking()
                .Where(i => i.Code == code && i.Id != (indicatorId ?? 0))
                .Select(i => i.Label)
                .FirstOrDefaultAsync(cancellationToken);
            if (existing is not null)
            {
                errors.Add($"Ce code est déjà utilisé par l'indicateur « {existing} ».");
            }
        }

        if (string.IsNullOrWhiteSpace(input.Label))
        {
            errors.Add("Le libellé est obligatoire.");
        }

        if (input.MinValue is { } min && input.MaxValue is { } max && min > max)
        {
            errors.Add("La valeur minimale doit être inférieure ou égale à la valeur maximale.");
        }

        if (input.DefaultTarget is { } target)
        {
            if ((input.MinValue is { } low && target < low) || (input.MaxValue is { } high && target > high))
            {
                errors.Add($"L'objectif par défaut doit être compris entre {Format(input.MinValue)} et {Format(input.MaxValue)}.");
            }
        }

        if (input.Kind == IndicatorKind.Ratio && (string.IsNullOrWhiteSpace(input.NumeratorLabel) || string.IsNullOrWhiteSpace(input.DenominatorLabel)))
        {
            errors.Add("Un taux a besoin du libellé de son numérateur et de celui de son dénominateur.");
        }

        if (input.StructureTypes.Count == 0)
        {
            errors.Add("Choisissez au moins un type de structure auquel l'indicateur s'applique.");
        }

        if (input.EngagementId is { } engagementId && !await db.Engagements.AnyAsync(e => e.Id == engagementId, cancellationToken))
        {
            errors.Add("L'engagement choisi n'existe pas.");
        }

        return errors;
    }

    public async Task<OperationResult<int>> CreateAsync(IndicatorInput input, CancellationToken cancellationToken = default)
    {
        var errors = await ValidateAsync(null, input, cancellationToken);
        if (errors.Count > 0)
        {
            return OperationResult<int>.Failure(errors);
        }

        var indicator = new Indicator();
        Apply(indicator, input);
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Ok(indicator.Id);
    }

    public async Task<OperationResult> UpdateAsync(int indicatorId, IndicatorInput input, CancellationToken cancellationToken = default)
    {
        var indicator = await db.Indicators.Include(i => i.StructureTypes).FirstOrDefaultAsync(i => i.Id == indicatorId, cancellationToken);
        if (indicator is null)
        {
            return OperationResult.Failure("Cet indicateur n'existe pas.");
        }

        var errors = await ValidateAsync(indicatorId, input, cancellationToken);
        if (errors.Count > 0)
        {
            return OperationResult.Failure(errors);
        }

        Apply(indicator, input);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    /// <summary>Deactivates (or reactivates) an indicator: it leaves the entry forms but its values stay.</summary>
    public async Task<OperationResult> SetActiveAsync(int indicatorId, bool isActive, CancellationToken cancellationToken = default)
    {
        var indicator = await db.Indicators.FirstOrDefaultAsync(i => i.Id == indicatorId, cancellationToken);
        if (indicator is null)
        {
            return OperationResult.Failure("Cet indicateur n'existe pas.");
        }

        indicator.IsActive = isActive;
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    /// <summary>
    /// Replaces the per-structure targets of an indicator at once: a structure absent from <paramref name="targets"/>
    /// or with no value uses the default target.
    /// </summary>
    public async Task<OperationResult> SaveTargetsAsync(
        int indicatorId, IReadOnlyDictionary<int, double?> targets, CancellationToken cancellationToken = default)
    {
        var indicator = await db.Indicators.Include(i => i.Targets).FirstOrDefaultAsync(i => i.Id == indicatorId, cancellationToken);
        if (indicator is null)
        {
            return OperationResult.Failure("Cet indicateur n'existe pas.");
        }

        var structureIds = targets.Keys.ToList();
        var names = await db.Structures.AsNoTracking()
            .Where(s => structureIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var errors = new List<string>();
        foreach (var (structureId, target) in targets)
        {
            if (!names.TryGetValue(structureId, out var name))
            {
                errors.Add("Une des structures n'existe pas.");
                continue;
            }

            if (target is { } value
                && ((indicator.MinValue is { } low && value < low) || (indicator.MaxValue is { } high && value > high)))
            {
                errors.Add($"{name} : l'objectif doit être compris entre {Format(indicator.MinValue)} et {Format(indicator.MaxValue)}.");
            }
        }

        if (errors.Count > 0)
        {
            return OperationResult.Failure(errors);
        }

        foreach (var (structureId, target) in targets)
        {
            var row = indicator.Targets.FirstOrDefault(t => t.StructureId == structureId);
            if (target is null)
            {
                if (row is not null)
                {
                    db.IndicatorTargets.Remove(row);
                }
            }
            else if (row is null)
            {
                indicator.Targets.Add(new IndicatorTarget { StructureId = structureId, Target = target.Value });
            }
            else
            {
                row.Target = target.Value;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    private static void Apply(Indicator indicator, IndicatorInput input)
    {
        indicator.Code = input.Code.Trim();
        indicator.Label = input.Label.Trim();
        indicator.Description = Clean(input.Description);
        indicator.Formula = Clean(input.Formula);
        indicator.NumeratorLabel = input.Kind == IndicatorKind.Ratio ? Clean(input.NumeratorLabel) : null;
        indicator.DenominatorLabel = input.Kind == IndicatorKind.Ratio ? Clean(input.DenominatorLabel) : null;
        indicator.Kind = input.Kind;
        indicator.Unit = input.Unit;
        indicator.Direction = input.Direction;
        indicator.MinValue = input.MinValue;
        indicator.MaxValue = input.MaxValue;
        indicator.EngagementId = input.EngagementId;
        indicator.DefaultTarget = input.DefaultTarget;
        indicator.NationalCode = Clean(input.NationalCode);
        indicator.Source = input.Source;
        indicator.SortOrder = input.SortOrder;

        var wanted = input.StructureTypes.Distinct().ToHashSet();
        indicator.StructureTypes.RemoveAll(t => !wanted.Contains(t.StructureType));
        foreach (var type in wanted.Where(t => indicator.StructureTypes.All(s => s.StructureType != t)))
        {
            indicator.StructureTypes.Add(new IndicatorStructureType { StructureType = type });
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Format(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.GetCultureInfo("fr-FR")) : "—";
}
