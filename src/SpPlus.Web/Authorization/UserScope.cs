using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Data;
using SpPlus.Core.Identity;

namespace SpPlus.Web.Authorization;

/// <summary>
/// The current user's structures, read from the database once per request, so that a change of assignment takes
/// effect at once. Lists filter with <see cref="GetStructureIdsAsync"/>; per-record checks use the same set.
/// </summary>
public sealed class UserScope(IHttpContextAccessor accessor, SpPlusDbContext db)
{
    private IReadOnlySet<int>? _structureIds;

    public ClaimsPrincipal User => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    public async Task<IReadOnlySet<int>> GetStructureIdsAsync(CancellationToken cancellationToken = default)
    {
        if (_structureIds is null)
        {
            var userId = UserId;
            _structureIds = userId is null
                ? new HashSet<int>()
                : (await db.UserStructures.AsNoTracking().Where(us => us.UserId == userId).Select(us => us.StructureId)
                    .ToListAsync(cancellationToken)).ToHashSet();
        }

        return _structureIds;
    }

    /// <summary>True when the user may write this structure's content: the referent, or one of its correspondents.</summary>
    public async Task<bool> CanEditAsync(int structureId, CancellationToken cancellationToken = default) =>
        User.IsInRole(RoleNames.Referent)
        || User.IsInRole(RoleNames.Correspondent) && (await GetStructureIdsAsync(cancellationToken)).Contains(structureId);
}
