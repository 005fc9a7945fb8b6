using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Feedback;

namespace SpPlus.Core.Settings;

/// <summary>The values of the administrator-editable settings.</summary>
public sealed record SettingsValues(int QuarterDeadlineDays, int AnswerDelayDays);

/// <summary>What a save changed: the number of experiences whose due date was recomputed (0 when the answer delay did not change).</summary>
public sealed record SettingsSaved(bool AnswerDelayChanged, int RecomputedDueDates);

/// <summary>
/// Reads and writes the integer settings (quarter deadline, answer delay). A stored value is read as an integer in
/// the invariant culture; an absent or unreadable value gives the default. The reading rule is the one of
/// <see cref="SettingReader"/> (0 to 365 accepted on reading), shared with every service that reads a setting, so that
/// the page shows the value the rest of the portal uses; a save only accepts <see cref="MinDays"/> to <see cref="MaxDays"/>.
/// </summary>
public sealed class SettingsService(SpPlusDbContext db, ExperienceService experiences)
{
    public const int MinDays = 1;

    public const int MaxDays = 120;

    public const string QuarterDeadlineMessage = "Le délai de remise des résultats trimestriels doit être compris entre 1 et 120 jours.";

    public const string AnswerDelayMessage = "Le délai de réponse aux avis des usagers doit être compris entre 1 et 120 jours.";

    /// <summary>Both settings, in one query.</summary>
    public async Task<SettingsValues> GetAsync(CancellationToken cancellationToken = default)
    {
        var stored = await db.Settings.AsNoTracking()
            .Where(s => s.Key == SettingKeys.QuarterDeadlineDays || s.Key == SettingKeys.AnswerDelayDays)
            .ToDictionaryAsync(s => s.Key, s => s.Value, cancellationToken);
        return new SettingsValues(
            SettingReader.ReadDays(stored.GetValueOrDefault(SettingKeys.QuarterDeadlineDays), SettingKeys.DefaultQuarterDeadlineDays),
            SettingReader.ReadDays(stored.GetValueOrDefault(SettingKeys.AnswerDelayDays), SettingKeys.DefaultAnswerDelayDays));
    }

    /// <summary>The answer delay (days after an experience's publication within which it should be answered).</summary>
    public Task<int> AnswerDelayDaysAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(SettingKeys.AnswerDelayDays, SettingKeys.DefaultAnswerDelayDays, cancellationToken);

    /// <summary>The quarter deadline (days after a quarter's end within which its results are due).</summary>
    public Task<int> QuarterDeadlineDaysAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(SettingKeys.QuarterDeadlineDays, SettingKeys.DefaultQuarterDeadlineDays, cancellationToken);

    /// <summary>The French messages of the values out of range, with the setting each concerns; empty when both are valid.</summary>
    public static IReadOnlyList<(string Key, string Message)> Validate(SettingsValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var errors = new List<(string, string)>();
        if (values.QuarterDeadlineDays is < MinDays or > MaxDays)
        {
            errors.Add((SettingKeys.QuarterDeadlineDays, QuarterDeadlineMessage));
        }

        if (values.AnswerDelayDays is < MinDays or > MaxDays)
        {
            errors.Add((SettingKeys.AnswerDelayDays, AnswerDelayMessage));
        }

        return errors;
    }

    /// <summary>
    /// Saves both settings. When the answer delay changes, every experience's due date becomes its publication date
    /// plus the new delay (none for an experience without a publication date), through
    /// <see cref="ExperienceService.RecomputeDueDatesAsync"/> in the same transaction: either the setting and all due
    /// dates change, or nothing does.
    /// </summary>
    public async Task<OperationResult<SettingsSaved>> SaveAsync(SettingsValues values, CancellationToken cancellationToken = default)
    {
        var errors = Validate(values);
        if (errors.Count > 0)
        {
            return OperationResult<SettingsSaved>.Failure(errors.Select(e => e.Message));
        }

        var previousDelay = await AnswerDelayDaysAsync(cancellationToken);
        var stored = await db.Settings
            .Where(s => s.Key == SettingKeys.QuarterDeadlineDays || s.Key == SettingKeys.AnswerDelayDays)
            .ToDictionaryAsync(s => s.Key, cancellationToken);
        Set(stored, SettingKeys.QuarterDeadlineDays, values.QuarterDeadlineDays);
        Set(stored, SettingKeys.AnswerDelayDays, values.AnswerDelayDays);

        var delayChanged = previousDelay != values.AnswerDelayDays;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var recomputed = delayChanged ? await experiences.RecomputeDueDatesAsync(values.AnswerDelayDays, cancellationToken) : 0;
        await transaction.CommitAsync(cancellationToken);
        return OperationResult<SettingsSaved>.Ok(new SettingsSaved(delayChanged, recomputed));
    }

    private Task<int> ReadAsync(string key, int fallback, CancellationToken cancellationToken) =>
        db.DaysSettingAsync(key, fallback, cancellationToken);

    private void Set(Dictionary<string, Setting> stored, string key, int days)
    {
        var text = days.ToString(CultureInfo.InvariantCulture);
        if (stored.TryGetValue(key, out var setting))
        {
            setting.Value = text;
        }
        else
        {
            db.Settings.Add(new Setting { Key = key, Value = text });
        }
    }
}
