using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Data;

namespace SpPlus.Core.Settings;

/// <summary>What <see cref="SettingReader.CheckUrl"/> finds in an address typed or stored for a setting.</summary>
public enum UrlCheck
{
    /// <summary>An absolute https:// address with a host, without spaces, of at most <see cref="SettingReader.MaxUrlLength"/> characters.</summary>
    Valid,

    /// <summary>Nothing (or only spaces): the setting's default applies.</summary>
    Empty,

    /// <summary>Longer than <see cref="SettingReader.MaxUrlLength"/> characters.</summary>
    TooLong,

    /// <summary>An http:// address: not secure, refused.</summary>
    Insecure,

    /// <summary>Anything else that is not an absolute https:// address (no scheme, another scheme, no host, spaces).</summary>
    NotHttps,
}

/// <summary>The one reading rule of the settings (days and addresses), for every service that needs one (one query).</summary>
public static class SettingReader
{
    /// <summary>The widest number of days accepted on reading; a save accepts less (<see cref="SettingsService.MaxDays"/>).</summary>
    public const int MaxReadableDays = 365;

    /// <summary>The longest address accepted, on saving as on reading.</summary>
    public const int MaxUrlLength = 500;

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

    /// <summary>
    /// Whether <paramref name="text"/>, without its surrounding spaces, is an address the portal can publish: it starts
    /// with https://, names a host, holds no space and has at most <see cref="MaxUrlLength"/> characters. The same rule
    /// decides what a save accepts and what a reading keeps.
    /// </summary>
    public static UrlCheck CheckUrl(string? text)
    {
        var url = text?.Trim();
        if (string.IsNullOrEmpty(url))
        {
            return UrlCheck.Empty;
        }

        if (url.Length > MaxUrlLength)
        {
            return UrlCheck.TooLong;
        }

        if (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            return UrlCheck.Insecure;
        }

        var wellFormed = url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            && !url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
            && Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && uri.Scheme == Uri.UriSchemeHttps
            && !string.IsNullOrEmpty(uri.Host);
        return wellFormed ? UrlCheck.Valid : UrlCheck.NotHttps;
    }

    /// <summary>A stored address without its surrounding spaces, or null when absent or refused by <see cref="CheckUrl"/>.</summary>
    public static string? ReadUrl(string? text) => CheckUrl(text) == UrlCheck.Valid ? text!.Trim() : null;

    /// <summary>A stored address read with <see cref="ReadUrl(string?)"/>, or <paramref name="fallback"/> when absent or refused.</summary>
    public static string ReadUrl(string? text, string fallback) => ReadUrl(text) ?? fallback;

    /// <summary>The setting <paramref name="key"/> as an https:// address, read with <see cref="ReadUrl(string?, string)"/>.</summary>
    public static async Task<string> UrlSettingAsync(this SpPlusDbContext db, string key, string fallback, CancellationToken cancellationToken = default)
    {
        var text = await db.Settings.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
        return ReadUrl(text, fallback);
    }
}
