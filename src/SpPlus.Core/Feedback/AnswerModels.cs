namespace SpPlus.Core.Feedback;

/// <summary>What the template editor posts: a title and a body with placeholders.</summary>
public sealed record AnswerTemplateInput(string? Title, string? Body);

/// <summary>A refusal of a template, tied to the field it concerns (<see cref="AnswerTemplateInput"/>'s property name).</summary>
public sealed record AnswerTemplateError(string Field, string Message);

/// <summary>The outcome of saving a template: its id, or the errors by field.</summary>
public sealed class AnswerTemplateSaveResult
{
    private AnswerTemplateSaveResult(int? id, IReadOnlyList<AnswerTemplateError> errors)
    {
        Id = id;
        Errors = errors;
    }

    public int? Id { get; }

    public IReadOnlyList<AnswerTemplateError> Errors { get; }

    public bool Succeeded => Errors.Count == 0;

    public static AnswerTemplateSaveResult Saved(int id) => new(id, []);

    public static AnswerTemplateSaveResult Refused(IReadOnlyList<AnswerTemplateError> errors) => new(null, errors);
}

/// <summary>One line of the template list.</summary>
public sealed record AnswerTemplateRow(int Id, string Title, bool IsActive, DateTime UpdatedAtUtc);

/// <summary>An active template offered when a draft is started.</summary>
public sealed record AnswerTemplateChoice(int Id, string Title);

/// <summary>One submitted answer waiting for the referent, with the count of pre-submit warnings its text raises now.</summary>
public sealed record AnswerToApprove(
    int Id,
    int ExperienceId,
    string StructureName,
    string? ExperienceTitle,
    DateTime? SubmittedAtUtc,
    Guid ConcurrencyToken,
    int WarningCount);
