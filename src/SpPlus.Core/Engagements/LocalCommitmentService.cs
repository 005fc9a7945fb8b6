using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Common;
using SpPlus.Core.Data;

namespace SpPlus.Core.Engagements;

/// <summary>What a user enters for a structure's local commitment.</summary>
public sealed record LocalCommitmentInput(
    int StructureId,
    int EngagementId,
    LocalCommitmentKind Kind,
    string Text,
    int? AnnouncedDelayDays,
    string? Target);

/// <summary>
/// Writes a structure's local commitments. Who may write which structure is decided by the caller (the web layer's
/// structure authorization); this service enforces the content rules: an engagement of the active framework, a text,
/// a delay of 1 to 365 days for an announced delay, and the update time.
/// </summary>
public sealed class LocalCommitmentService(SpPlusDbContext db, TimeProvider time)
{
    public const int TextMaxLength = 1000;
    public const int TargetMaxLength = 200;
    public const int MinDelayDays = 1;
    public const int MaxDelayDays = 365;

    public const string DelayRequiredMessage = "Indiquez le délai annoncé, en jours.";

    public async Task<OperationResult<int>> CreateAsync(LocalCommitmentInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = await ValidateAsync(input, cancellationToken);
        if (errors.Count > 0)
        {
            return OperationResult<int>.Failure(errors);
        }

        var commitment = new LocalCommitment();
        Apply(commitment, input);
        db.LocalCommitments.Add(commitment);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult<int>.Ok(commitment.Id);
    }

    public async Task<OperationResult> UpdateAsync(int id, LocalCommitmentInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var commitment = await db.LocalCommitments.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (commitment is null)
        {
            return OperationResult.Failure("Cet engagement local n'existe pas.");
        }

        var errors = await ValidateAsync(input, cancellationToken);
        if (errors.Count > 0)
        {
            return OperationResult.Failure(errors);
        }

        Apply(commitment, input);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    public async Task<OperationResult> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        var commitment = await db.LocalCommitments.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (commitment is null)
        {
            return OperationResult.Failure("Cet engagement local n'existe pas.");
        }

        db.LocalCommitments.Remove(commitment);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    private void Apply(LocalCommitment commitment, LocalCommitmentInput input)
    {
        commitment.StructureId = input.StructureId;
        commitment.EngagementId = input.EngagementId;
        commitment.Kind = input.Kind;
        commitment.Text = input.Text.Trim();
        // A delay only means something for an announced delay; elsewhere it would be shown nowhere and go stale.
        commitment.AnnouncedDelayDays = input.Kind == LocalCommitmentKind.AnnouncedDelay ? input.AnnouncedDelayDays : null;
        commitment.Target = string.IsNullOrWhiteSpace(input.Target) ? null : input.Target.Trim();
        commitment.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
    }

    private async Task<List<string>> ValidateAsync(LocalCommitmentInput input, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var text = (input.Text ?? "").Trim();
        if (text.Length == 0)
        {
            errors.Add("Indiquez le texte de l'engagement local.");
        }
        else if (text.Length > TextMaxLength)
        {
            errors.Add($"Le texte de l'engagement local doit contenir au plus {TextMaxLength} caractères.");
        }

        if (!Enum.IsDefined(input.Kind))
        {
            errors.Add("Le type d'engagement local choisi n'existe pas.");
        }
        else if (input.Kind == LocalCommitmentKind.AnnouncedDelay)
        {
            if (input.AnnouncedDelayDays is null)
            {
                errors.Add(DelayRequiredMessage);
            }
            else if (input.AnnouncedDelayDays is < MinDelayDays or > MaxDelayDays)
            {
                errors.Add($"Le délai annoncé doit être compris entre {MinDelayDays} et {MaxDelayDays} jours.");
            }
        }

        if (input.Target is { Length: > 0 } target && target.Trim().Length > TargetMaxLength)
        {
            errors.Add($"L'objectif doit contenir au plus {TargetMaxLength} caractères.");
        }

        if (!await db.Structures.AnyAsync(s => s.Id == input.StructureId, cancellationToken))
        {
            errors.Add("La structure choisie n'existe pas.");
        }

        var engagementIsActive = await db.Engagements.AnyAsync(
            e => e.Id == input.EngagementId && e.Framework!.Status == FrameworkStatus.Active, cancellationToken);
        if (!engagementIsActive)
        {
            errors.Add("Choisissez un engagement du référentiel actif.");
        }

        return errors;
    }
}
