using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.ActionPlans;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Web.Authorization;

namespace SpPlus.Web.Areas.ActionPlans.ViewComponents;

/// <summary>Which record the action link is shown on.</summary>
public enum ActionSourceKind
{
    Experience,
    DocumentReport,
}

/// <summary>
/// On an experience's or a document report's page: the action it led to (a link showing the action's title, when the
/// user may read its plan) and, for those who may edit the structure, a link to create an action from it, pre-filled.
/// </summary>
public sealed class ImprovementActionLinkViewComponent(
    SpPlusDbContext db, UserScope scope, ReviewedDocumentAccess access, TimeProvider time) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(ActionSourceKind kind, int sourceId, int? actionId)
    {
        var content = new HtmlContentBuilder();
        if (actionId is { } id)
        {
            var action = await db.ImprovementActions.AsNoTracking().Where(a => a.Id == id)
                .Select(a => new { a.Title, a.Plan!.StructureId, a.Plan.State }).FirstOrDefaultAsync();
            if (action is not null && await access.CanReadAsync(action.StructureId, action.State))
            {
                var link = new TagBuilder("a");
                link.Attributes["href"] = Url.Action("Details", "Actions", new { area = "ActionPlans", id });
                link.Attributes["id"] = "action-amelioration";
                link.InnerHtml.Append(action.Title);
                content.AppendHtml(link);
            }
            else
            {
                content.Append(action is null ? "Aucune pour le moment" : "Une action d'un plan que vous ne pouvez pas consulter");
            }
        }
        else
        {
            content.Append("Aucune pour le moment");
        }

        var structureId = kind == ActionSourceKind.Experience
            ? await db.Experiences.AsNoTracking().Where(e => e.Id == sourceId).Select(e => e.StructureId).FirstOrDefaultAsync()
            : await db.DocumentReports.AsNoTracking().Where(r => r.Id == sourceId).Select(r => (int?)r.StructureId).FirstOrDefaultAsync();
        if (structureId is { } structure && await scope.CanEditAsync(structure))
        {
            var create = new TagBuilder("a");
            create.AddCssClass("fr-link fr-icon-add-line fr-link--icon-left fr-ml-2w");
            create.Attributes["href"] = kind == ActionSourceKind.Experience
                ? Url.Action("Create", "Actions", new { area = "ActionPlans", structureId = structure, year = time.CurrentYear(), origin = ActionOrigin.Experience, experienceId = sourceId })
                : Url.Action("Create", "Actions", new { area = "ActionPlans", structureId = structure, year = time.CurrentYear(), origin = ActionOrigin.Other, documentReportId = sourceId });
            create.InnerHtml.Append("Créer une action");
            content.AppendHtml(" ");
            content.AppendHtml(create);
        }

        return new HtmlContentViewComponentResult(content);
    }
}
