using SpPlus.Core.Feedback;
using SpPlus.Core.Identity;
using SpPlus.Core.Reviews;

namespace SpPlus.Web.Authorization;

/// <summary>
/// Who sees which experiences, in one place for every page and export of the Feedback area:
/// <list type="bullet">
/// <item>the referent and the administrator: every experience, including those waiting in the unmapped queue;</item>
/// <item>COPIL members and CLAC readers: every experience placed in a structure (the text is public on the national
/// platform), without the user's postal code or the internal comments;</item>
/// <item>correspondents: the experiences of their structures, with internal comments.</item>
/// </list>
/// Working on an experience (answer draft, comment, assignment) needs <see cref="StructureOperations.Edit"/> on its structure.
/// </summary>
public sealed class FeedbackAccess(UserScope scope)
{
    private bool IsReferentOrAdministrator => scope.User.IsInRole(RoleNames.Referent) || scope.User.IsInRole(RoleNames.Administrator);

    private bool ReadsAllPlaced => IsReferentOrAdministrator || scope.User.IsInRole(RoleNames.CopilMember) || scope.User.IsInRole(RoleNames.ClacReader);

    /// <summary>Filters a query of experiences to those the current user may read.</summary>
    public async Task<IQueryable<Experience>> VisibleAsync(IQueryable<Experience> query, CancellationToken cancellationToken = default)
    {
        if (IsReferentOrAdministrator)
        {
            return query;
        }

        if (ReadsAllPlaced)
        {
            return query.Where(e => e.StructureId != null);
        }

        var mine = scope.User.IsInRole(RoleNames.Correspondent) ? await scope.GetStructureIdsAsync(cancellationToken) : new HashSet<int>();
        return query.Where(e => e.StructureId != null && mine.Contains(e.StructureId.Value));
    }

    /// <summary>The same rule as <see cref="VisibleAsync"/> for one experience.</summary>
    public async Task<bool> CanReadAsync(int? structureId, CancellationToken cancellationToken = default) =>
        IsReferentOrAdministrator
        || structureId is { } id && (ReadsAllPlaced || await IsCorrespondentOfAsync(id, cancellationToken));

    /// <summary>Internal comments, the postal code and the assignee: staff who work on the experience.</summary>
    public async Task<bool> CanSeeInternalAsync(int? structureId, CancellationToken cancellationToken = default) =>
        IsReferentOrAdministrator || structureId is { } id && await IsCorrespondentOfAsync(id, cancellationToken);

    /// <summary>
    /// Who sees an experience's answer: in any state, the staff who see its internal data (the referent, the
    /// administrator, the structure's correspondents); once approved, also the COPIL members; once published, every
    /// reader of the experience.
    /// </summary>
    public async Task<bool> CanSeeAnswerAsync(int? structureId, ReviewState state, CancellationToken cancellationToken = default) =>
        await CanSeeInternalAsync(structureId, cancellationToken)
        || state is ReviewState.Approved or ReviewState.Published && scope.User.IsInRole(RoleNames.CopilMember)
        || state == ReviewState.Published && await CanReadAsync(structureId, cancellationToken);

    /// <summary>Drafting the answer, commenting, assigning: the structure's correspondents and the referent.</summary>
    public Task<bool> CanWorkOnAsync(int? structureId, CancellationToken cancellationToken = default) =>
        structureId is { } id ? scope.CanEditAsync(id, cancellationToken) : Task.FromResult(scope.User.IsInRole(RoleNames.Referent));

    private async Task<bool> IsCorrespondentOfAsync(int structureId, CancellationToken cancellationToken) =>
        scope.User.IsInRole(RoleNames.Correspondent) && (await scope.GetStructureIdsAsync(cancellationToken)).Contains(structureId);
}
