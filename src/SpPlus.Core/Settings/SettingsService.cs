using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Engagements;
using SpPlus.Core.Feedback;

namespace SpPlus.Core.Settings;

/// <summary>
/// The values of the administrator-editable settings. <paramref name="OpinionFormUrl"/> is the address the administrator
/// set for the opinion form; null when none is set, and then the national platform's address applies.
/// </summary>
public sealed record SettingsValues(int QuarterDeadlineDays, int AnswerDelayDays, string? OpinionFormUrl = null);

/// <summary>What a save changed: the number of experiences whose due date was recomputed (0 when the answer delay did not change).</summary>
public sealed record SettingsSaved(bool AnswerDelayChanged, int RecomputedDueDates);

/// <summary>
/// Reads and writes the settings: the integer ones (quarter deadline, answer delay) and the opinion form's address. A
/// stored number is read as an integer in the invariant culture; an absent or unreadable value gives the default. The
/// reading rules are those of <see cref="SettingReader"/> (0 to 365 days, an https:// address), shared with every
/// service that reads a setting, so that the page shows the value the rest of the portal uses; a save only accepts
/// <see cref="MinDays"/> to <see cref="MaxDays"/> days, and an empty address or one <see cref="SettingReader.CheckUrl"/> accepts.
/// </summary>
public sealed class SettingsService(SpPlusDbContext db, ExperienceService experiences)
{
    public const int MinDays = 1;

    public const int MaxDays = 120;

    public const string QuarterDeadlineMessage = "Le délai de remise des résultats trimestriels doit être compris entre 1 et 120 jours.";

    public const string AnswerDelayMessage = "Le délai de réponse aux avis des usagers doit être compris entre 1 et 120 jours.";

    public const string OpinionFormUrlFormatMessage =
        "Indiquez une adresse qui commence par https://, sans espace, par exemple " + OpinionPlatform.Url + ".";

    public const string OpinionFormUrlInsecureMessage =
        "L'adresse du formulaire « Je donne mon avis » commence par http:// : indiquez son adresse sécurisée, qui commence par https://.";

    public const string OpinionFormUrlTooLongMessage =
        "L'adresse du formulaire « Je donne mon avis » ne doit pas dépasser 500 caractères.";

    private static readonly string[] Keys = [SettingKeys.QuarterDeadlineDays, SettingKeys.AnswerDelayDays, SettingKeys.OpinionFormUrl];

    /// <summary>Every setting, in one query.</summary>
    public async Task<SettingsValues> GetAsync(CancellationToken cancellationToken = default)
    {
        var stored = await db.Settings.AsNoTracking()
            .Where(s => Keys.Contains(s.Key))
            .ToDictionaryAsync(s => s.Key, s => s.Value, cancellationToken);
        return new SettingsValues(
            SettingReader.ReadDays(stored.GetValueOrDefault(SettingKeys.QuarterDeadlineDays), SettingKeys.DefaultQuarterDeadlineDays),
            SettingReader.ReadDays(stored.GetValueOrDefault(SettingKeys.AnswerDelayDays), SettingKeys.DefaultAnswerDelayDays),
            SettingReader.ReadUrl(stored.GetValueOrDefault(SettingKeys.OpinionFormUrl)));
    }

    /// <summary>The answer delay (days after an experience's publication within which it should be answered).</summary>
    public Task<int> AnswerDelayDaysAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(SettingKeys.AnswerDelayDays, SettingKeys.DefaultAnswerDelayDays, cancellationToken);

    /// <summary>The quarter deadline (days after a quarter's end within which its results are due).</summary>
    public Task<int> QuarterDeadlineDaysAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(SettingKeys.QuarterDeadlineDays, SettingKeys.DefaultQuarterDeadlineDays, cancellationToken);

    /// <summary>The French message of an opinion form address a save refuses; null for a valid or empty one (empty: back to the default).</summary>
    public static string? OpinionFormUrlMessage(string? url) => SettingReader.CheckUrl(url) switch
    {
        UrlCheck.TooLong => OpinionFormUrlTooLongMessage,
        UrlCheck.Insecure => OpinionFormUrlInsecureMessage,
        UrlCheck.NotHttps => OpinionFormUrlFormatMessage,
        _ => null,
    };

    /// <summary>The French messages of the values refused, with the setting each concerns; empty when all are valid.</summary>
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

        if (OpinionFormUrlMessage(values.OpinionFormUrl) is { } urlMessage)
        {
            errors.Add((SettingKeys.OpinionFormUrl, urlMessage));
        }

        return errors;
    }

    /// <summary>
    /// Saves every setting; an empty opinion form address removes the stored one (the national platform's address
    /// applies again), a valid one is stored without its surrounding spaces. When the answer delay changes, every
    /// experience's due date becomes its publication date plus the new delay (none for an experience without a
    /// publication date), through <see cref="ExperienceService.RecomputeDueDatesAsync"/> in the same transaction: either
    /// the settings and all due dates change, or nothing does.
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
            .Where(s => Keys.Contains(s.Key))
            .ToDictionaryAsync(s => s.Key, cancellationToken);
        Set(stored, SettingKeys.QuarterDeadlineDays, values.QuarterDeadlineDays.ToString(CultureInfo.InvariantCulture));
        Set(stored, SettingKeys.AnswerDelayDays, values.AnswerDelayDays.ToString(CultureInfo.InvariantCulture));
        Set(stored, SettingKeys.OpinionFormUrl, SettingReader.ReadUrl(values.OpinionFormUrl));

        var delayChanged = previousDelay != values.AnswerDelayDays;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var recomputed = delayChanged ? await experiences.RecomputeDueDatesAsync(values.AnswerDelayDays, cancellationToken) : 0;
        await transaction.CommitAsync(cancellationToken);
        return OperationResult<SettingsSaved>.Ok(new SettingsSaved(delayChanged, recomputed));
    }

    private Task<int> ReadAsync(string key, int fallback, CancellationToken cancellationToken) =>
        db.DaysSettingAsync(key, fallback, cancellationToken);

    /// <summary>Stores <paramref name="text"/> under <paramref name="key"/>; null removes the stored value (the default applies).</summary>
    private void Set(Dictionary<string, Setting> stored, string key, string? text)
    {
        if (text is null)
        {
            if (stored.TryGetValue(key, out var removed))
            {
                db.Settings.Remove(removed);
            }
        }
        else if (stored.TryGetValue(key, out var setting))
        {
            setting.Value = text;
        }
        else
        {
            db.Settings.Add(new Setting { Key = key, Value = text });
        }
    }
}
