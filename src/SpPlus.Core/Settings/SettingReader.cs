using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Data;

namespace SpPlus.Core.Settings;

/// <summary>The one reading rule of the integer settings, for every service that needs one (one query).</summary>
public static class SettingReader
{
    /// <summary>The widest number of days accepted on reading; a save accepts less (<see cref="SettingsService.MaxDays"/>).</summary>
    public const int MaxReadableDays = 365;

    /// <summary>A stored number of days, or <paramref name="fallback"/> when absent, unreadable or out of 0–365.</summary>
    public static int ReadDays(string? text, int fallback) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) && days is >= 0 and <= MaxReadableDays
            ? days
            : fallback;

    /// <summary>The setting <paramref name="key"/> as a number of days, read with <see cref="ReadDays"/>.</summary>
    public static async Task<int> DaysSettingAsync(this SpPlusDbContext db, string key, int fallback, CancellationToken cancellationToken = default)
    {
        var text = await db.Settings.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
        return ReadDays(text, fallback);
    }
}
