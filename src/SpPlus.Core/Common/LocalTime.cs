namespace SpPlus.Core.Common;

/// <summary>The portal's calendar is the département's: Europe/Paris. One place converts the clock's UTC to it.</summary>
public static class LocalTime
{
    public static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>A UTC time as the clock on the wall in Europe/Paris shows it.</summary>
    public static DateTime ToParis(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Paris);

    /// <summary>The calendar day in Europe/Paris of a UTC time.</summary>
    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToParis(utc));

    /// <summary>Now, in Europe/Paris.</summary>
    public static DateTime Now(this TimeProvider time) => ToParis(time.GetUtcNow().UtcDateTime);

    /// <summary>Today in Europe/Paris.</summary>
    public static DateOnly Today(this TimeProvider time) => DateOf(time.GetUtcNow().UtcDateTime);

    /// <summary>
    /// The years for which a structure's yearly document (self-assessment, action plan) can be opened: next year, this
    /// year and last year, newest first.
    /// </summary>
    public static IReadOnlyList<int> OpenableYears(this TimeProvider time)
    {
        var year = time.CurrentYear();
        return [year + 1, year, year - 1];
    }

    /// <summary>The current year in Europe/Paris.</summary>
    public static int CurrentYear(this TimeProvider time) => time.Today().Year;
}
