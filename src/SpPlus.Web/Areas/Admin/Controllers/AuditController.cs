using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Auditing;
using SpPlus.Core.Data;
using SpPlus.Web.Areas.Admin.Models;
using SpPlus.Web.Authorization;
using SpPlus.Web.Infrastructure;

namespace SpPlus.Web.Areas.Admin.Controllers;

/// <summary>The audit log: who changed which object, when, with the old and new values. Read-only.</summary>
[Area("Admin")]
[Authorize(Policy = Policies.Administration)]
public sealed class AuditController(SpPlusDbContext db) : Controller
{
    public const int PageSize = 50;

    // The audited CLR type names that carry ids worth resolving into names.
    private const string AccountType = "AppUser";
    private const string StructureType = "Structure";
    private const string AccountRoleType = "IdentityUserRole`1";
    private const string AccountStructureType = "UserStructure";

    [HttpGet]
    public async Task<IActionResult> Index([FromQuery] AuditFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.AuditEntries.AsNoTracking();
        var isFiltered = false;
        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            var type = filter.EntityType.Trim();
            query = query.Where(a => a.EntityType == type);
            isFiltered = true;
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityId))
        {
            // An account's id also finds its role and structure assignments (keys "account id,role id"...).
            var id = filter.EntityId.Trim();
            var compositePrefix = id + ",";
            query = query.Where(a => a.EntityId == id || a.EntityId.StartsWith(compositePrefix));
            isFiltered = true;
        }

        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            var pattern = LikePattern.Containing(filter.User);
            query = query.Where(a => EF.Functions.Like(a.UserName, pattern, LikePattern.Escape));
            isFiltered = true;
        }

        if (filter.Action is { } action)
        {
            query = query.Where(a => a.Action == action);
            isFiltered = true;
        }

        // Dates are days in Paris: from the start of "Du" to the end of "Au".
        if (filter.From is { } from)
        {
            var fromUtc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(from.Date, DateTimeKind.Unspecified), Clock.Paris);
            query = query.Where(a => a.TimestampUtc >= fromUtc);
            isFiltered = true;
        }

        if (filter.To is { } to)
        {
            var toUtc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(to.Date.AddDays(1), DateTimeKind.Unspecified), Clock.Paris);
            query = query.Where(a => a.TimestampUtc < toUtc);
            isFiltered = true;
        }

        if (filter.From > filter.To)
        {
            ModelState.AddModelError(nameof(AuditFilter.To), "La date de fin doit être égale ou postérieure à la date de début.");
        }

        var total = await query.CountAsync(cancellationToken);
        var totalPages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, totalPages);
        var entries = await query
            .OrderByDescending(a => a.TimestampUtc).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(a => new { a.Id, a.TimestampUtc, a.UserName, a.Action, a.EntityType, a.EntityId, a.Changes })
            .ToListAsync(cancellationToken);

        var names = await NamesAsync(entries.Select(e => (e.EntityType, e.EntityId, e.Changes)).ToList(), cancellationToken);
        var rows = entries.Select(e =>
        {
            var (lines, more) = AuditText.Format(e.Changes, names.Resolve);
            return new AuditRow(e.Id, e.TimestampUtc, e.UserName, e.Action, e.EntityType, e.EntityId, names.ObjectName(e.EntityType, e.EntityId), lines, more);
        }).ToList();

        var types = await db.AuditEntries.AsNoTracking().Select(a => a.EntityType).Distinct().ToListAsync(cancellationToken);
        return View(new AuditListViewModel
        {
            EntityType = filter.EntityType,
            EntityId = filter.EntityId,
            User = filter.User,
            Action = filter.Action,
            From = filter.From,
            To = filter.To,
            Page = page,
            Entries = rows,
            TotalPages = totalPages,
            TotalCount = total,
            IsFiltered = isFiltered,
            EntityTypeChoices = [.. types
                .Select(t => new SelectListItem(AuditText.EntityLabel(t), t))
                .OrderBy(i => i.Text, StringComparer.Create(Clock.French, ignoreCase: true))],
            ActionChoices = [.. Enum.GetValues<AuditAction>().Select(a => new SelectListItem(a.Label(), a.ToString()))],
        });
    }

    /// <summary>
    /// Names for the ids the page shows (roles, structures, accounts), read in at most three queries for the whole
    /// page, so that "RoleId : 3f2a…" reads "Rôle : Référent SP+".
    /// </summary>
    private async Task<ReferenceNames> NamesAsync(IReadOnlyList<(string EntityType, string EntityId, string Changes)> entries, CancellationToken cancellationToken)
    {
        var roleIds = new HashSet<string>();
        var structureIds = new HashSet<int>();
        var userIds = new HashSet<string>();
        foreach (var (entityType, entityId, changes) in entries)
        {
            switch (entityType)
            {
                case AccountType:
                    userIds.Add(entityId);
                    break;
                case StructureType when int.TryParse(entityId, CultureInfo.InvariantCulture, out var ownId):
                    structureIds.Add(ownId);
                    break;
                case AccountRoleType when entityId.Split(',') is [var userId, var roleId]:
                    userIds.Add(userId);
                    roleIds.Add(roleId);
                    break;
                case AccountStructureType when entityId.Split(',') is [var userId, var structure]
                                               && int.TryParse(structure, CultureInfo.InvariantCulture, out var assignedId):
                    userIds.Add(userId);
                    structureIds.Add(assignedId);
                    break;
            }

            IEnumerable<(string Property, string Value)> references;
            try
            {
                references = AuditText.ReferencedIds(changes);
            }
            catch (System.Text.Json.JsonException)
            {
                continue;
            }

            foreach (var (property, value) in references)
            {
                switch (property)
                {
                    case "RoleId":
                        roleIds.Add(value);
                        break;
                    case "UserId":
                        userIds.Add(value);
                        break;
                    case "StructureId" or "ParentId" when int.TryParse(value, CultureInfo.InvariantCulture, out var structureId):
                        structureIds.Add(structureId);
                        break;
                }
            }
        }

        var roles = roleIds.Count == 0
            ? new Dictionary<string, string>()
            : await db.Roles.AsNoTracking().Where(r => roleIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name ?? r.Id, cancellationToken);
        var structures = structureIds.Count == 0
            ? new Dictionary<int, string>()
            : await db.Structures.AsNoTracking().Where(s => structureIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var users = userIds.Count == 0
            ? new Dictionary<string, string>()
            : await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return new ReferenceNames(roles, structures, users);
    }

    private sealed record ReferenceNames(
        IReadOnlyDictionary<string, string> Roles,
        IReadOnlyDictionary<int, string> Structures,
        IReadOnlyDictionary<string, string> Users)
    {
        public string? Resolve(string property, string value) => property switch
        {
            "RoleId" => Roles.GetValueOrDefault(value),
            "UserId" => Users.GetValueOrDefault(value),
            "StructureId" or "ParentId" when int.TryParse(value, CultureInfo.InvariantCulture, out var id) => Structures.GetValueOrDefault(id),
            _ => null,
        };

        public string? ObjectName(string entityType, string entityId) => entityType switch
        {
            AccountType => Users.GetValueOrDefault(entityId),
            StructureType => Resolve("StructureId", entityId),
            AccountRoleType when entityId.Split(',') is [var userId, var roleId] => Pair(Users.GetValueOrDefault(userId), Roles.GetValueOrDefault(roleId)),
            AccountStructureType when entityId.Split(',') is [var userId, var structureId] => Pair(Users.GetValueOrDefault(userId), Resolve("StructureId", structureId)),
            _ => null,
        };

        private static string? Pair(string? account, string? other) =>
            account is null && other is null ? null : $"{account ?? "compte inconnu"} : {other ?? "inconnu"}";
    }
}
