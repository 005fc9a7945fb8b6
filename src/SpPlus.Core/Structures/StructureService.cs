using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Common;
using SpPlus.Core.Data;

namespace SpPlus.Core.Structures;

/// <summary>What an administrator enters for a structure.</summary>
public sealed record StructureInput(
    int DepartmentId,
    string Name,
    string Slug,
    StructureType Type,
    int? ParentId,
    bool IsActive);

/// <summary>
/// Creates and edits structures. Structures are never deleted (their data and history refer to them): an inactive
/// structure is kept. Rules: a name, a valid and unique slug, a known type and département, and a parent that is
/// neither the structure itself nor one of its descendants.
/// </summary>
public sealed class StructureService(SpPlusDbContext db)
{
    public const int NameMaxLength = 200;

    public const string NameRequiredMessage = "Indiquez le nom de la structure.";
    public const string SlugInvalidMessage =
        "L'identifiant ne peut contenir que des lettres minuscules sans accent, des chiffres et des tirets entre les mots, par exemple « ddt-aube ».";
    public const string SlugTakenMessage = "Cet identifiant est déjà utilisé par une autre structure.";
    public const string TypeInvalidMessage = "Le type de structure choisi n'existe pas.";
    public const string DepartmentInvalidMessage = "Le département choisi n'existe pas.";
    public const string ParentNotFoundMessage = "La structure de rattachement choisie n'existe pas.";
    public const string ParentCycleMessage = "Une structure ne peut être rattachée ni à elle-même ni à l'une de ses sous-structures.";
    public const string StructureNotFoundMessage = "Cette structure n'existe pas.";

    /// <summary>The form field each message belongs to (a <see cref="StructureInput"/> property name).</summary>
    public static string? FieldOf(string message) => message switch
    {
        NameRequiredMessage => nameof(StructureInput.Name),
        SlugInvalidMessage or SlugTakenMessage => nameof(StructureInput.Slug),
        TypeInvalidMessage => nameof(StructureInput.Type),
        DepartmentInvalidMessage => nameof(StructureInput.DepartmentId),
        ParentNotFoundMessage or ParentCycleMessage => nameof(StructureInput.ParentId),
        _ when message.StartsWith("Le nom de la structure", StringComparison.Ordinal) => nameof(StructureInput.Name),
        _ => null,
    };

    public async Task<OperationResult<int>> CreateAsync(StructureInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = await ValidateAsync(null, input, cancellationToken);
        if (errors.Count > 0)
        {
            return OperationResult<int>.Failure(errors);
        }

        var structure = new Structure();
        Apply(structure, input);
        db.Structures.Add(structure);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult<int>.Ok(structure.Id);
    }

    public async Task<OperationResult> UpdateAsync(int id, StructureInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var structure = await db.Structures.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (structure is null)
        {
            return OperationResult.Failure(StructureNotFoundMessage);
        }

        var errors = await ValidateAsync(id, input, cancellationToken);
        if (errors.Count > 0)
        {
            return OperationResult.Failure(errors);
        }

        Apply(structure, input);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    private static void Apply(Structure structure, StructureInput input)
    {
        structure.DepartmentId = input.DepartmentId;
        structure.Name = input.Name.Trim();
        structure.Slug = input.Slug.Trim();
        structure.Type = input.Type;
        structure.ParentId = input.ParentId;
        structure.IsActive = input.IsActive;
    }

    private async Task<List<string>> ValidateAsync(int? id, StructureInput input, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var name = (input.Name ?? "").Trim();
        if (name.Length == 0)
        {
            errors.Add(NameRequiredMessage);
        }
        else if (name.Length > NameMaxLength)
        {
            errors.Add($"Le nom de la structure doit contenir au plus {NameMaxLength} caractères.");
        }

        var slug = (input.Slug ?? "").Trim();
        if (!Slug.IsValid(slug))
        {
            errors.Add(SlugInvalidMessage);
        }
        else if (await db.Structures.AnyAsync(s => s.Slug == slug && s.Id != id, cancellationToken))
        {
            errors.Add(SlugTakenMessage);
        }

        if (!Enum.IsDefined(input.Type))
        {
            errors.Add(TypeInvalidMessage);
        }

        if (!await db.Departments.AnyAsync(d => d.Id == input.DepartmentId, cancellationToken))
        {
            errors.Add(DepartmentInvalidMessage);
        }

        if (input.ParentId is { } parentId)
        {
            var parents = await db.Structures.AsNoTracking().Select(s => new { s.Id, s.ParentId }).ToDictionaryAsync(s => s.Id, s => s.ParentId, cancellationToken);
            if (!parents.ContainsKey(parentId))
            {
                errors.Add(ParentNotFoundMessage);
            }
            else if (id is { } self && IsSelfOrDescendant(parentId, self, parents))
            {
                errors.Add(ParentCycleMessage);
            }
        }

        return errors;
    }

    /// <summary>True when walking up from <paramref name="candidate"/> reaches <paramref name="self"/>.</summary>
    private static bool IsSelfOrDescendant(int candidate, int self, Dictionary<int, int?> parents)
    {
        var seen = new HashSet<int>();
        for (int? current = candidate; current is { } value && seen.Add(value); current = parents.GetValueOrDefault(value))
        {
            if (value == self)
            {
                return true;
            }
        }

        return false;
    }
}
