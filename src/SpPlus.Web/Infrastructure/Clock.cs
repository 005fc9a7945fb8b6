using System.Globalization;

namespace SpPlus.Web.Infrastructure;

/// <summary>Dates are stored in UTC and shown in Europe/Paris, in French formats.</summary>
public static class Clock
{
    public static readonly TimeZoneInfo Paris = SpPlus.Core.Common.LocalTime.Paris;
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static System.DateTime ToParis(System.DateTime utc) =>
        SpPlus.Core.Common.LocalTime.ToParis(utc);

    /// <summary>"27/11/2026".</summary>
    public static string Date(DateTime utc) => ToParis(utc).ToString("dd/MM/yyyy", French);

    /// <summary>A calendar date (no time zone): "27/11/2026".</summary>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", French);

    /// <summary>"27/11/2026 à 19:05".</summary>
    public static string DateAndTime(DateTime utc) => ToParis(utc).ToString("dd/MM/yyyy 'à' HH:mm", French);

    public static string? Date(DateTime? utc) => utc is { } value ? Date(value) : null;

    public static string? DateAndTime(DateTime? utc) => utc is { } value ? DateAndTime(value) : null;
}
