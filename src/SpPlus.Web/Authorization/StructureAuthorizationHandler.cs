using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using SpPlus.Core.Identity;

namespace SpPlus.Web.Authorization;

/// <summary>The one place that decides whether a user may read or write a given structure's data.</summary>
public sealed class StructureAuthorizationHandler(UserScope scope, ILogger<StructureAuthorizationHandler> logger)
    : AuthorizationHandler<OperationAuthorizationRequirement, StructureResource>
{
    protected override async Task HandleRequirementAsync(
        AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, StructureResource resource)
    {
        var allowed = requirement.Name switch
        {
            nameof(StructureOperations.Read) => RoleNames.All.Any(context.User.IsInRole),
            nameof(StructureOperations.Edit) => await scope.CanEditAsync(resource.StructureId),
            nameof(StructureOperations.ReadDrafts) => context.User.IsInRole(RoleNames.Administrator) || await scope.CanEditAsync(resource.StructureId),
            _ => false,
        };

        if (allowed)
        {
            context.Succeed(requirement);
        }
        else
        {
            logger.LogWarning("Refused {Operation} on structure {StructureId} to user {UserId}",
                requirement.Name, resource.StructureId, scope.UserId);
        }
    }
}
