using System.Security.Claims;
using SpPlus.Core.Governance;
using SpPlus.Core.Identity;

namespace SpPlus.Web.Authorization;

/// <summary>
/// The one read rule of meetings: every staff role reads COPIL and CLAC meetings (and their decisions), except the
/// CLAC reader who holds no other role, who reads CLAC meetings only. The list, the details and the decisions pages
/// all ask here.
/// </summary>
public static class MeetingAccess
{
    private static readonly MeetingKind[] All = [MeetingKind.Copil, MeetingKind.Clac];
    private static readonly MeetingKind[] ClacOnly = [MeetingKind.Clac];

    /// <summary>The kinds of meetings this user reads; none for a user without a role.</summary>
    public static IReadOnlyList<MeetingKind> ReadableKinds(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (RoleNames.All.Any(r => r != RoleNames.ClacReader && user.IsInRole(r)))
        {
            return All;
        }

        return user.IsInRole(RoleNames.ClacReader) ? ClacOnly : [];
    }

    public static bool CanRead(ClaimsPrincipal user, MeetingKind kind) => ReadableKinds(user).Contains(kind);
}
