using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Data;
using SpPlus.Core.Feedback;
using SpPlus.Core.Reviews;
using SpPlus.Web.Areas.Feedback.Controllers;
using SpPlus.Web.Areas.Feedback.Models;
using SpPlus.Web.Authorization;
using SpPlus.Web.Models;

namespace SpPlus.Web.Areas.Feedback.ViewComponents;

/// <summary>
/// The answer part of an experience's page: <c>@await Component.InvokeAsync("AnswerSection", new { experienceId })</c>.
/// It shows the answer in the states the user may see (see <see cref="AnswersController"/>): a reader of the
/// experience sees a published answer's text only; the staff who work on it see every state, the review panel, the
/// start form, the editor's link, the copy button and the publication form.
/// </summary>
public sealed class AnswerSectionViewComponent(
    SpPlusDbContext db,
    FeedbackAccess access,
    ReviewActorFactory actors,
    AnswerTemplateService templates,
    ReviewService reviewService,
    ExperienceAnswerService answers) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int experienceId)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var returned = db.ReviewEvents.ReturnedIds(ReviewDocumentKind.ExperienceAnswer);
        var experience = await db.Experiences.AsNoTracking().Where(e => e.Id == experienceId)
            .Select(e => new
            {
                e.Id,
                e.StructureId,
                Answer = e.Answer == null ? null : new
                {
                    e.Answer.Id,
                    e.Answer.State,
                    e.Answer.Text,
                    e.Answer.StructureId,
                    e.Answer.ConcurrencyToken,
                    e.Answer.PostedOn,
                    IsReturned = returned.Contains(e.Answer.Id),
                },
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (experience is null)
        {
            return Content("");
        }

        var canWork = experience.StructureId is not null && await access.CanWorkOnAsync(experience.StructureId, cancellationToken);
        var internalView = await access.CanSeeInternalAsync(experience.StructureId, cancellationToken);
        var answer = experience.Answer;
        var visible = answer is not null && await access.CanSeeAnswerAsync(experience.StructureId, answer.State, cancellationToken);

        if (answer is null || !visible)
        {
            var choices = canWork && answer is null ? await templates.ActiveChoicesAsync(cancellationToken) : [];
            return View(new AnswerSectionViewModel
            {
                ExperienceId = experience.Id,
                IsPlaced = experience.StructureId is not null,
                CanWork = canWork,
                Start = canWork && answer is null ? new AnswerStartForm { ExperienceId = experience.Id } : null,
                TemplateChoices = choices.Select(c => new SelectListItem(c.Title, c.Id.ToString(CultureInfo.InvariantCulture))).ToList(),
            });
        }

        var actor = await actors.CurrentAsync(cancellationToken);
        var mayPublish = ReviewRules.AllowedFor(ReviewDocumentKind.ExperienceAnswer, answer.State, actor, answer.StructureId)
            .Any(r => r.Action == ReviewAction.Publish);
        // TempData gives back a text that looks like a date as a DateTime.
        DateTime? typedDate = TempData[AnswersController.PostedOnKey] switch
        {
            DateTime date => date,
            string text when DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) => parsed,
            _ => null,
        };
        return View(new AnswerSectionViewModel
        {
            ExperienceId = experience.Id,
            IsPlaced = true,
            CanWork = canWork,
            Answer = new AnswerSectionAnswer
            {
                Id = answer.Id,
                State = answer.State,
                Text = answer.Text,
                CanEdit = ReviewRules.CanEditContent(answer.State, actor, answer.StructureId),
                PostedOn = answer.PostedOn,
                IsReturned = answer.State == ReviewState.Draft && answer.IsReturned,
            },
            MarkPublished = mayPublish
                ? new AnswerMarkPublishedForm
                {
                    PostedOn = typedDate ?? answers.Today.ToDateTime(TimeOnly.MinValue),
                    Token = answer.ConcurrencyToken,
                }
                : null,
            Review = internalView
                ? new ReviewPanelModel
                {
                    Kind = ReviewDocumentKind.ExperienceAnswer,
                    State = answer.State,
                    StructureId = answer.StructureId,
                    ConcurrencyToken = answer.ConcurrencyToken,
                    PostUrl = Url.Content($"~/Feedback/Answers/Review/{answer.Id}"),
                    Actor = actor,
                    History = await reviewService.HistoryAsync(ReviewDocumentKind.ExperienceAnswer, answer.Id, cancellationToken),
                    Comment = ReviewTempData.TypedComment(TempData),
                    CommentAction = ReviewTempData.TypedCommentAction(TempData),
                    Heading = "Relecture de la réponse",
                    // Submitting goes through the editor's pre-submit check; publishing needs its date (the form above).
                    HiddenActions = new HashSet<ReviewAction> { ReviewAction.Submit, ReviewAction.Publish },
                }
                : null,
        });
    }
}
