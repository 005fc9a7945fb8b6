using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Engagements;
using SpPlus.Core.Identity;
using SpPlus.Core.Indicators;
using SpPlus.Core.SelfAssessments;
using SpPlus.Core.Structures;

namespace SpPlus.Core.Data.Seeding;

/// <summary>Adds whatever reference data is missing: roles, the Aube and its structures, the 2021 and 2023 frameworks. Never overwrites an edit.</summary>
public sealed class ReferenceDataSeeder(SpPlusDbContext db, RoleManager<IdentityRole> roles, TimeProvider time)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var role in RoleNames.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var department = await db.Departments.FirstOrDefaultAsync(d => d.Code == ReferenceData.DepartmentCode, cancellationToken);
        if (department is null)
        {
            department = new Department { Code = ReferenceData.DepartmentCode, Name = ReferenceData.DepartmentName };
            db.Departments.Add(department);
            await db.SaveChangesAsync(cancellationToken);
        }

        var existing = await db.Structures.ToDictionaryAsync(s => s.Slug, cancellationToken);
        foreach (var (slug, name, type, _) in ReferenceData.Structures)
        {
            if (!existing.ContainsKey(slug))
            {
                var structure = new Structure { DepartmentId = department.Id, Slug = slug, Name = name, Type = type };
                db.Structures.Add(structure);
                existing[slug] = structure;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (slug, _, _, parentSlug) in ReferenceData.Structures)
        {
            if (parentSlug is not null && existing[slug].ParentId is null)
            {
                existing[slug].ParentId = existing[parentSlug].Id;
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        var now = time.GetUtcNow().UtcDateTime;
        if (!await db.EngagementFrameworks.AnyAsync(f => f.Year == 2021, cancellationToken))
        {
            var anyActive = await db.EngagementFrameworks.AnyAsync(f => f.Status == FrameworkStatus.Active, cancellationToken);
            db.EngagementFrameworks.Add(Build(2021, "Référentiel Services Publics + 2021",
                "Les 9 engagements du programme Services Publics + lancé en janvier 2021.",
                anyActive ? FrameworkStatus.Draft : FrameworkStatus.Active, now, ReferenceData.Framework2021));
        }

        if (!await db.EngagementFrameworks.AnyAsync(f => f.Year == 2023, cancellationToken))
        {
            db.EngagementFrameworks.Add(Build(2023, "Référentiel Services Publics + 2023",
                "Les 8 engagements adoptés après le comité interministériel de la transformation publique du 9 mai 2023. Le 8e engagement reste à compléter avant activation.",
                FrameworkStatus.Draft, now, ReferenceData.Framework2023));
        }

        await db.SaveChangesAsync(cancellationToken);
        await SeedIndicatorsAsync(cancellationToken);
        await SeedGridAsync(now, cancellationToken);
    }

    /// <summary>The first grid of the 2021 framework, when that framework has none.</summary>
    private async Task SeedGridAsync(DateTime now, CancellationToken cancellationToken)
    {
        var framework = await db.EngagementFrameworks.Include(f => f.Engagements).FirstAsync(f => f.Year == 2021, cancellationToken);
        if (await db.AssessmentGrids.AnyAsync(g => g.FrameworkId == framework.Id, cancellationToken))
        {
            return;
        }

        db.AssessmentGrids.Add(new AssessmentGrid
        {
            FrameworkId = framework.Id,
            Version = 1,
            Name = ReferenceGrid.Name2021,
            CreatedAtUtc = now,
            Criteria = framework.Engagements
                .Where(e => ReferenceGrid.Criteria2021.ContainsKey(e.Number))
                .SelectMany(e => ReferenceGrid.Criteria2021[e.Number].Select((wording, i) =>
                    new AssessmentCriterion { EngagementId = e.Id, Order = i + 1, Wording = wording }))
                .ToList(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedIndicatorsAsync(CancellationToken cancellationToken)
    {
        var existingCodes = await db.Indicators.Select(i => i.Code).ToListAsync(cancellationToken);
        var engagements = await db.Engagements.Where(e => e.Framework!.Year == 2021).ToDictionaryAsync(e => e.Number, e => e.Id, cancellationToken);
        var order = existingCodes.Count;
        foreach (var seed in ReferenceIndicators.All.Where(s => !existingCodes.Contains(s.Code)))
        {
            db.Indicators.Add(new Indicator
            {
                Code = seed.Code,
                Label = seed.Label,
                Description = seed.Description,
                Formula = seed.Formula,
                NumeratorLabel = seed.NumeratorLabel,
                DenominatorLabel = seed.DenominatorLabel,
                Kind = seed.Kind,
                Unit = seed.Unit,
                Direction = seed.Direction,
                MinValue = seed.Min,
                MaxValue = seed.Max,
                EngagementId = engagements.TryGetValue(seed.EngagementNumber, out var engagementId) ? engagementId : null,
                DefaultTarget = seed.Target,
                NationalCode = seed.NationalCode,
                Source = seed.Source,
                SortOrder = ++order * 10,
                StructureTypes = seed.AppliesTo.Select(t => new IndicatorStructureType { StructureType = t }).ToList(),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static readonly DateTime ProgrammeStartUtc = new(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static EngagementFramework Build(int year, string name, string description, FrameworkStatus status, DateTime now,
        IReadOnlyList<ReferenceData.EngagementSeed> engagements) => new()
    {
        Year = year,
        Name = name,
        Description = description,
        Status = status,
        // The 2021 version has been in force since the programme started, in January 2021.
        CreatedAtUtc = now,
        ActivatedAtUtc = status == FrameworkStatus.Active ? ProgrammeStartUtc : null,
        Engagements = engagements.Select(e => new Engagement
        {
            Number = e.Number,
            Wording = e.Wording,
            Group = e.Group,
            SubCriteria = e.SubCriteria.Select((w, i) => new EngagementSubCriterion { Order = i + 1, Wording = w }).ToList(),
        }).ToList(),
    };
}
