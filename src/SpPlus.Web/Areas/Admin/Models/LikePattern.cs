namespace SpPlus.Web.Areas.Admin.Models;

/// <summary>Text typed in a search box, made literal inside a SQL LIKE pattern (escape character: <see cref="Escape"/>).</summary>
public static class LikePattern
{
    public const string Escape = "\\";

    /// <summary>"%text%", with %, _, [ and the escape character of the text matched literally.</summary>
    public static string Containing(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = text.Trim()
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal);
        return "%" + escaped + "%";
    }
}
