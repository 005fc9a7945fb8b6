namespace SpPlus.Core.Common;

/// <summary>The portal's calendar is the département's: Europe/Paris. One place converts the clock's UTC to it.</summary>
public static class LocalTime
{
    public static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>Today in Europe/Paris.</summary>
    public static DateOnly Today(this TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, Paris));

    /// <summary>The current year in Europe/Paris.</summary>
    public static int CurrentYear(this TimeProvider time) => time.Today().Year;
}
