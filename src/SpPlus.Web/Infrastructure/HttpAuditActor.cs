using System.Security.Claims;
using SpPlus.Core.Auditing;

namespace SpPlus.Web.Infrastructure;

/// <summary>The signed-in user of the current request, for the audit log.</summary>
public sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    public string? UserId => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public string? UserName => accessor.HttpContext?.User.Identity?.Name;
}
