using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Data;
using SpPlus.Core.Identity;
using SpPlus.Core.Reviews;

namespace SpPlus.Web.Authorization;

/// <summary>
/// The current user as the review workflow sees them: roles from the principal, structures from <see cref="UserScope"/>
/// (read from the database per request), display name from the account (one query). Built once per request.
/// </summary>
public sealed class ReviewActorFactory(UserScope scope, SpPlusDbContext db)
{
    private ReviewActor? _current;

    public async Task<ReviewActor> CurrentAsync(CancellationToken cancellationToken = default)
    {
        if (_current is not null)
        {
            return _current;
        }

        var user = scope.User;
        var userId = scope.UserId ?? throw new InvalidOperationException("The review workflow needs a signed-in user.");
        var displayName = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        var structureIds = await scope.GetStructureIdsAsync(cancellationToken);
        _current = new ReviewActor(
            userId,
            string.IsNullOrWhiteSpace(displayName) ? user.Identity?.Name ?? userId : displayName,
            user.IsInRole(RoleNames.Correspondent),
            user.IsInRole(RoleNames.Referent),
            user.IsInRole(RoleNames.CopilMember),
            structureIds);
        return _current;
    }
}
