using Microsoft.AspNetCore.Authorization;
using SpPlus.Core.Identity;
using SpPlus.Core.Reviews;

namespace SpPlus.Web.Authorization;

/// <summary>
/// Who reads a structure's reviewed document (quarterly results, self-assessment, action plan), one rule for every
/// page, list and export:
/// <list type="bullet">
/// <item>published or validated: every agent;</item>
/// <item>approved (and beyond): also the COPIL members;</item>
/// <item>any state: <see cref="StructureOperations.ReadDrafts"/> on its structure (the referent, the administrator,
/// its correspondents).</item>
/// </list>
/// <see cref="CanReadAsync"/> decides for one document and <see cref="VisibleAsync{T}"/> filters a query the same way.
/// Writing is decided by the review rule table (<see cref="ReviewRules.CanEditContent"/>).
/// </summary>
public sealed class ReviewedDocumentAccess(UserScope scope, IAuthorizationService authorization)
{
    public async Task<bool> CanReadAsync(int structureId, ReviewState state) =>
        state is ReviewState.Published or ReviewState.Validated && RoleNames.All.Any(scope.User.IsInRole)
        || state is ReviewState.Approved or ReviewState.Validated or ReviewState.Published && scope.User.IsInRole(RoleNames.CopilMember)
        || (await authorization.AuthorizeAsync(scope.User, new StructureResource(structureId), StructureOperations.ReadDrafts)).Succeeded;

    /// <summary>The same rule as <see cref="CanReadAsync"/>, as a filter on a query of documents.</summary>
    public async Task<IQueryable<T>> VisibleAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default)
        where T : class, IReviewable
    {
        var user = scope.User;
        if (user.IsInRole(RoleNames.Referent) || user.IsInRole(RoleNames.Administrator))
        {
            return query;
        }

        var copil = user.IsInRole(RoleNames.CopilMember);
        var mine = user.IsInRole(RoleNames.Correspondent) ? await scope.GetStructureIdsAsync(cancellationToken) : new HashSet<int>();
        // States are stored as text: compare them by equality, never by order, in queries.
        return query.Where(d => d.State == ReviewState.Published || d.State == ReviewState.Validated
            || copil && d.State == ReviewState.Approved
            || mine.Contains(d.StructureId));
    }
}
