using Microsoft.AspNetCore.Mvc.ViewFeatures;
using SpPlus.Core.Common;
using SpPlus.Core.Governance;
using SpPlus.Core.Reviews;

namespace SpPlus.Web.Models;

/// <summary>
/// What the shared review panel (<c>Views/Shared/_ReviewPanel.cshtml</c>) shows for any reviewed document: its state,
/// its history, and one form per action the rule table allows the current user (<see cref="ReviewRules.AllowedFor"/>).
/// Each form posts <see cref="ReviewPostFields"/> to <see cref="PostUrl"/>.
/// </summary>
public sealed class ReviewPanelModel
{
    public required ReviewDocumentKind Kind { get; init; }

    public required ReviewState State { get; init; }

    public required int StructureId { get; init; }

    /// <summary>The document's concurrency token when the page was built.</summary>
    public required Guid ConcurrencyToken { get; init; }

    /// <summary>Where the action forms post.</summary>
    public required string PostUrl { get; init; }

    public required ReviewActor Actor { get; init; }

    /// <summary>The history, oldest first.</summary>
    public IReadOnlyList<ReviewEvent> History { get; init; } = [];

    /// <summary>A comment typed before a refusal, given back to the user.</summary>
    public string? Comment { get; init; }

    /// <summary>The action the comment was typed for.</summary>
    public ReviewAction? CommentAction { get; init; }

    /// <summary>The heading of the panel (an h2).</summary>
    public string Heading { get; init; } = "Relecture";

    /// <summary>
    /// Actions the page offers with a form of its own instead of the panel's button (an answer's submission goes
    /// through the pre-submit check, its publication needs a date). The server rules are unchanged.
    /// </summary>
    public IReadOnlySet<ReviewAction> HiddenActions { get; init; } = new HashSet<ReviewAction>();

    /// <summary>
    /// The COPIL meetings a validation can be recorded in (newest first), offered by the form of an action whose rule
    /// requires a meeting. Read with <c>db.RecentAsync(MeetingKind.Copil)</c>.
    /// </summary>
    public IReadOnlyList<MeetingChoice> MeetingChoices { get; init; } = [];

    public IReadOnlyList<ReviewRule> AllowedActions =>
        ReviewRules.AllowedFor(Kind, State, Actor, StructureId).Where(r => !HiddenActions.Contains(r.Action)).ToList();
}

/// <summary>The names of the fields every review form posts, bound by <see cref="ReviewPostForm"/>.</summary>
public static class ReviewPostFields
{
    public const string Action = nameof(ReviewPostForm.ReviewAction);
    public const string Comment = nameof(ReviewPostForm.Comment);
    public const string Token = nameof(ReviewPostForm.Token);
    public const string MeetingId = nameof(ReviewPostForm.MeetingId);
}

/// <summary>
/// What a review form posts: the action, the comment (required by some rules), the COPIL meeting (required by a
/// validation) and the concurrency token. <see cref="ToRequest"/> turns it into the workflow's request.
/// </summary>
public sealed class ReviewPostForm
{
    public ReviewAction? ReviewAction { get; set; }

    public string? Comment { get; set; }

    public Guid? Token { get; set; }

    public int? MeetingId { get; set; }

    public ReviewService.Request ToRequest(ReviewAction action) => new(action, Comment, MeetingId, Token);
}

/// <summary>
/// What a review post leaves for the page it redirects to, the same for every reviewed document: the success message,
/// or the refusal and the comment the user typed (given back in the panel's textarea of that action).
/// </summary>
public static class ReviewTempData
{
    private const string CommentKey = "ReviewComment";
    private const string CommentActionKey = "ReviewCommentAction";

    public static void Keep(ITempDataDictionary tempData, ReviewAction action, ReviewPostForm form, OperationResult result, string successMessage)
    {
        if (result.Succeeded)
        {
            tempData["Success"] = successMessage;
            return;
        }

        tempData["Error"] = string.Join(" ", result.Errors);
        if (!string.IsNullOrWhiteSpace(form.Comment))
        {
            tempData[CommentKey] = form.Comment;
            tempData[CommentActionKey] = action.ToString();
        }
    }

    /// <summary>The comment typed before a refusal, if any.</summary>
    public static string? TypedComment(ITempDataDictionary tempData) => tempData[CommentKey] as string;

    /// <summary>The action the comment was typed for.</summary>
    public static ReviewAction? TypedCommentAction(ITempDataDictionary tempData) =>
        Enum.TryParse<ReviewAction>(tempData[CommentActionKey] as string, out var action) ? action : null;
}
