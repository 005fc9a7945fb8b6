using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Common;
using SpPlus.Core.Data;

namespace SpPlus.Core.Feedback;

/// <summary>A saved mapping, as listed.</summary>
public sealed record StructureMappingRow(int Id, string Label, string NormalizedLabel, int StructureId, string StructureName);

/// <summary>Experiences waiting in the unmapped queue under one normalised label.</summary>
public sealed record UnmappedGroup(string NormalizedLabel, string Label, int Count, IReadOnlyList<string> ExampleTitles, DateOnly? OldestPublishedOn);

/// <summary>One page of a list.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int TotalPages, int TotalCount);

/// <summary>
/// The mapping table of national structure labels to local structures, and the queue of experiences no label places
/// yet. Labels are compared in their normalised form (<see cref="StructureLabels.Normalize"/>); an experience is
/// queued under its structure label, or its most specific typology when that label is empty.
/// </summary>
public sealed class StructureMappingService(SpPlusDbContext db)
{
    public const int MaxExamples = 3;

    public const string UnknownStructureMessage = "Choisissez une structure.";

    public const string EmptyLabelMessage = "Saisissez l'intitulé de la structure tel qu'il figure dans l'export national.";

    public const string NothingToAssignMessage = "Aucune expérience n'attend d'affectation sous cet intitulé.";

    public async Task<PagedList<StructureMappingRow>> ListAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var total = await db.StructureLabelMappings.CountAsync(cancellationToken);
        var totalPages = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, totalPages);
        var rows = await db.StructureLabelMappings.AsNoTracking()
            .OrderBy(m => m.NormalizedLabel)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(m => new StructureMappingRow(m.Id, m.Label, m.NormalizedLabel, m.StructureId, m.Structure!.Name))
            .ToListAsync(cancellationToken);
        return new PagedList<StructureMappingRow>(rows, page, totalPages, total);
    }

    /// <summary>
    /// The unmapped queue grouped by normalised label, the groups with the oldest publication first. Reads the waiting
    /// experiences' labels in one query (the queue is meant to stay short) and groups them in memory.
    /// </summary>
    public async Task<PagedList<UnmappedGroup>> QueueAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var groups = (await WaitingAsync(cancellationToken))
            .GroupBy(w => w.Key, StringComparer.Ordinal)
            .Select(g => new UnmappedGroup(
                g.Key,
                g.Select(w => w.Label).GroupBy(l => l, StringComparer.Ordinal).OrderByDescending(l => l.Count()).ThenBy(l => l.Key, StringComparer.Ordinal).First().Key,
                g.Count(),
                g.Where(w => !string.IsNullOrWhiteSpace(w.Title)).OrderBy(w => w.PublishedOn ?? DateOnly.MaxValue).ThenBy(w => w.Id)
                    .Select(w => w.Title!).Distinct(StringComparer.Ordinal).Take(MaxExamples).ToList(),
                g.Min(w => w.PublishedOn)))
            .OrderBy(g => g.OldestPublishedOn ?? DateOnly.MaxValue)
            .ThenBy(g => g.NormalizedLabel, StringComparer.Ordinal)
            .ToList();
        var totalPages = Math.Max(1, (groups.Count + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, totalPages);
        return new PagedList<UnmappedGroup>(groups.Skip((page - 1) * pageSize).Take(pageSize).ToList(), page, totalPages, groups.Count);
    }

    /// <summary>How many experiences wait in the queue.</summary>
    public Task<int> WaitingCountAsync(CancellationToken cancellationToken = default) =>
        db.Experiences.CountAsync(e => e.StructureId == null, cancellationToken);

    /// <summary>
    /// Saves a mapping (or points an existing one of the same normalised label to this structure), then places the
    /// experiences waiting under that label, in one save. Returns how many were placed.
    /// </summary>
    public Task<OperationResult<int>> AddAsync(string label, int structureId, CancellationToken cancellationToken = default) =>
        AssignAsync(label, structureId, saveMapping: true, cancellationToken);

    /// <summary>
    /// Places every experience waiting under this label (normalised) in the structure, in one save; with
    /// <paramref name="saveMapping"/>, also saves the mapping so that later imports place such rows alone. Returns how
    /// many experiences were placed.
    /// </summary>
    public async Task<OperationResult<int>> AssignAsync(string label, int structureId, bool saveMapping, CancellationToken cancellationToken = default)
    {
        var key = StructureLabels.Normalize(label);
        // Experiences without any label (entered by hand) can be placed, but no mapping can be saved for them.
        if (key.Length == 0 && saveMapping)
        {
            return OperationResult<int>.Failure(EmptyLabelMessage);
        }

        if (!await db.Structures.AnyAsync(s => s.Id == structureId && s.IsActive, cancellationToken))
        {
            return OperationResult<int>.Failure(UnknownStructureMessage);
        }

        var ids = (await WaitingAsync(cancellationToken)).Where(w => w.Key == key).Select(w => w.Id).ToList();
        if (ids.Count == 0 && !saveMapping)
        {
            return OperationResult<int>.Failure(NothingToAssignMessage);
        }

        if (saveMapping)
        {
            var mapping = await db.StructureLabelMappings.FirstOrDefaultAsync(m => m.NormalizedLabel == key, cancellationToken);
            if (mapping is null)
            {
                var trimmed = label.Trim();
                db.StructureLabelMappings.Add(new StructureLabelMapping
                {
                    NormalizedLabel = key.Length <= 300 ? key : key[..300],
                    Label = trimmed.Length <= 300 ? trimmed : trimmed[..300],
                    StructureId = structureId,
                });
            }
            else
            {
                mapping.StructureId = structureId;
            }
        }

        var placed = await PlaceAsync(ids, structureId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Ok(placed);
    }

    /// <summary>Deletes a mapping. Experiences already placed through it stay where they are.</summary>
    public async Task<OperationResult> RemoveAsync(int mappingId, CancellationToken cancellationToken = default)
    {
        var mapping = await db.StructureLabelMappings.FirstOrDefaultAsync(m => m.Id == mappingId, cancellationToken);
        if (mapping is null)
        {
            return OperationResult.Failure("Cette correspondance n'existe plus.");
        }

        db.StructureLabelMappings.Remove(mapping);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    /// <summary>Sets the structure of the experiences among these ids that still have none (their answer kept in step); does not save.</summary>
    private async Task<int> PlaceAsync(List<int> ids, int structureId, CancellationToken cancellationToken)
    {
        var placed = 0;
        foreach (var chunk in ids.Chunk(ExperienceImportService.LookupChunkSize))
        {
            var chunkIds = chunk.ToList();
            var experiences = await db.Experiences.Include(e => e.Answer)
                .Where(e => chunkIds.Contains(e.Id) && e.StructureId == null)
                .ToListAsync(cancellationToken);
            foreach (var experience in experiences)
            {
                experience.StructureId = structureId;
                if (experience.Answer is { } answer && answer.StructureId != structureId)
                {
                    answer.StructureId = structureId;
                }

                placed++;
            }
        }

        return placed;
    }

    private async Task<List<Waiting>> WaitingAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Experiences.AsNoTracking()
            .Where(e => e.StructureId == null)
            .Select(e => new { e.Id, e.NationalStructureLabel, e.Typology1, e.Typology2, e.Typology3, e.Title, e.PublishedOn })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r =>
            {
                var label = StructureLabels.QueueLabel(r.NationalStructureLabel, r.Typology1, r.Typology2, r.Typology3) ?? "";
                return new Waiting(r.Id, StructureLabels.Normalize(label), label.Length == 0 ? "(sans intitulé)" : label, r.Title, r.PublishedOn);
            })
            .ToList();
    }

    private sealed record Waiting(int Id, string Key, string Label, string? Title, DateOnly? PublishedOn);
}
