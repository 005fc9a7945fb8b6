using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Common;
using SpPlus.Core.Data;

namespace SpPlus.Core.Feedback;

/// <summary>
/// The answer templates the referent manages: a unique title and a body whose placeholders must all be known to
/// <see cref="AnswerTemplateRenderer"/>. Templates are deactivated rather than deleted, so that a draft keeps the
/// reference of the template it started from.
/// </summary>
public sealed class AnswerTemplateService(SpPlusDbContext db, TimeProvider time)
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 10_000;

    public const string NotFoundMessage = "Ce modèle de réponse n'existe pas ou plus.";

    /// <summary>One page of templates, active ones first, then by title; and the total count.</summary>
    public async Task<(IReadOnlyList<AnswerTemplateRow> Rows, int Total)> ListAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var total = await db.AnswerTemplates.CountAsync(cancellationToken);
        var rows = await db.AnswerTemplates.AsNoTracking()
            .OrderByDescending(t => t.IsActive).ThenBy(t => t.Title)
            .Skip((Math.Max(1, page) - 1) * pageSize)
            .Take(pageSize)
            .Select(t => new AnswerTemplateRow(t.Id, t.Title, t.IsActive, t.UpdatedAtUtc))
            .ToListAsync(cancellationToken);
        return (rows, total);
    }

    /// <summary>The active templates, by title: the choices offered when a draft is started.</summary>
    public async Task<IReadOnlyList<AnswerTemplateChoice>> ActiveChoicesAsync(CancellationToken cancellationToken = default) =>
        await db.AnswerTemplates.AsNoTracking()
            .Where(t => t.IsActive)
            .OrderBy(t => t.Title)
            .Select(t => new AnswerTemplateChoice(t.Id, t.Title))
            .ToListAsync(cancellationToken);

    public Task<AnswerTemplate?> GetAsync(int id, CancellationToken cancellationToken = default) =>
        db.AnswerTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);

    public async Task<AnswerTemplateSaveResult> CreateAsync(AnswerTemplateInput input, CancellationToken cancellationToken = default)
    {
        var errors = await ValidateAsync(input, null, cancellationToken);
        if (errors.Count > 0)
        {
            return AnswerTemplateSaveResult.Refused(errors);
        }

        var template = new AnswerTemplate
        {
            Title = input.Title!.Trim(),
            Body = Body(input.Body),
            IsActive = true,
            UpdatedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        db.AnswerTemplates.Add(template);
        return await SaveAsync(template, cancellationToken);
    }

    public async Task<AnswerTemplateSaveResult> UpdateAsync(int id, AnswerTemplateInput input, CancellationToken cancellationToken = default)
    {
        var template = await db.AnswerTemplates.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (template is null)
        {
            return AnswerTemplateSaveResult.Refused([new AnswerTemplateError("", NotFoundMessage)]);
        }

        var errors = await ValidateAsync(input, id, cancellationToken);
        if (errors.Count > 0)
        {
            return AnswerTemplateSaveResult.Refused(errors);
        }

        template.Title = input.Title!.Trim();
        template.Body = Body(input.Body);
        template.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        return await SaveAsync(template, cancellationToken);
    }

    /// <summary>Offers the template again when drafts are started (true), or stops offering it (false).</summary>
    public async Task<OperationResult> SetActiveAsync(int id, bool active, CancellationToken cancellationToken = default)
    {
        var template = await db.AnswerTemplates.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (template is null)
        {
            return OperationResult.Failure(NotFoundMessage);
        }

        if (template.IsActive != active)
        {
            template.IsActive = active;
            template.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }

        return OperationResult.Success;
    }

    /// <summary>The French refusal of a body that uses placeholders the renderer does not know; null when all are known.</summary>
    public static string? UnknownPlaceholdersMessage(string body)
    {
        var unknown = AnswerTemplateRenderer.UnknownPlaceholders(body);
        if (unknown.Count == 0)
        {
            return null;
        }

        var known = string.Join(", ", AnswerTemplateRenderer.KnownPlaceholders);
        return unknown.Count == 1
            ? $"Le champ {unknown[0]} n'est pas connu : les champs possibles sont {known}."
            : $"Les champs {string.Join(", ", unknown)} ne sont pas connus : les champs possibles sont {known}.";
    }

    private async Task<List<AnswerTemplateError>> ValidateAsync(AnswerTemplateInput input, int? id, CancellationToken cancellationToken)
    {
        var errors = new List<AnswerTemplateError>();
        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            errors.Add(new(nameof(AnswerTemplateInput.Title), "Indiquez le titre du modèle."));
        }
        else if (title.Length > TitleMaxLength)
        {
            errors.Add(new(nameof(AnswerTemplateInput.Title), $"Le titre doit contenir au plus {TitleMaxLength} caractères."));
        }
        else
        {
            var lower = title.ToLower();
            if (await db.AnswerTemplates.AnyAsync(t => t.Id != id && t.Title.ToLower() == lower, cancellationToken))
            {
                errors.Add(new(nameof(AnswerTemplateInput.Title), $"Un modèle s'appelle déjà « {title} » : choisissez un autre titre."));
            }
        }

        var body = Body(input.Body);
        if (body.Trim().Length == 0)
        {
            errors.Add(new(nameof(AnswerTemplateInput.Body), "Indiquez le texte du modèle."));
        }
        else if (body.Length > BodyMaxLength)
        {
            errors.Add(new(nameof(AnswerTemplateInput.Body), $"Le texte doit contenir au plus {BodyMaxLength} caractères."));
        }
        else if (UnknownPlaceholdersMessage(body) is { } unknown)
        {
            errors.Add(new(nameof(AnswerTemplateInput.Body), unknown));
        }

        return errors;
    }

    private async Task<AnswerTemplateSaveResult> SaveAsync(AnswerTemplate template, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same title saved at the same moment by someone else: the unique index refused ours.
            db.Entry(template).State = EntityState.Detached;
            return AnswerTemplateSaveResult.Refused(
                [new AnswerTemplateError(nameof(AnswerTemplateInput.Title), $"Un modèle s'appelle déjà « {template.Title} » : choisissez un autre titre.")]);
        }

        return AnswerTemplateSaveResult.Saved(template.Id);
    }

    /// <summary>The body as typed, line ends made uniform and trailing blanks removed.</summary>
    private static string Body(string? body) => (body ?? "").Replace("\r\n", "\n").TrimEnd();
}
