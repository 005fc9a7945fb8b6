using Microsoft.AspNetCore.Authorization;
using SpPlus.Core.Identity;

namespace SpPlus.Web.Authorization;

/// <summary>Role-based policies for areas and controllers. Per-record checks go through <see cref="StructureAuthorizationHandler"/>.</summary>
public static class Policies
{
    /// <summary>Any signed-in agent with at least one role.</summary>
    public const string Staff = "Staff";

    /// <summary>Accounts, structures, catalogues, settings, audit log.</summary>
    public const string Administration = "Administration";

    /// <summary>The framework versions: create, edit wordings, activate.</summary>
    public const string ManageFrameworks = "ManageFrameworks";

    /// <summary>The completeness board of quarterly results: the referent, and the administrator who follows the portal's use.</summary>
    public const string ReviewBoard = "ReviewBoard";

    /// <summary>The indicator catalogue and the per-structure targets: the administrator and the referent.</summary>
    public const string ManageIndicators = "ManageIndicators";

    /// <summary>Feedback imports, the structure-label mappings and the unmapped queue, answer templates: the referent and the administrator.</summary>
    public const string ManageFeedback = "ManageFeedback";

    /// <summary>The self-assessment grid templates: the administrator and the referent.</summary>
    public const string ManageGrids = "ManageGrids";

    /// <summary>Recording COPIL and CLAC meetings (participants, agenda, minutes, decisions): the referent and the COPIL members.</summary>
    public const string ManageMeetings = "ManageMeetings";

    public static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(Staff, p => p.RequireAuthenticatedUser().RequireRole(RoleNames.All));
        options.AddPolicy(Administration, p => p.RequireRole(RoleNames.Administrator));
        options.AddPolicy(ManageFrameworks, p => p.RequireRole(RoleNames.Administrator));
        options.AddPolicy(ReviewBoard, p => p.RequireRole(RoleNames.Referent, RoleNames.Administrator));
        options.AddPolicy(ManageIndicators, p => p.RequireRole(RoleNames.Administrator, RoleNames.Referent));
        options.AddPolicy(ManageFeedback, p => p.RequireRole(RoleNames.Referent, RoleNames.Administrator));
        options.AddPolicy(ManageGrids, p => p.RequireRole(RoleNames.Administrator, RoleNames.Referent));
        options.AddPolicy(ManageMeetings, p => p.RequireRole(RoleNames.Referent, RoleNames.CopilMember));
        options.FallbackPolicy = options.GetPolicy(Staff);
    }
}
