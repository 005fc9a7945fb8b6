namespace SpPlus.Core.Settings;

/// <summary>One administrator-editable setting (quarter deadline, answer delay...), stored as text.</summary>
public class Setting
{
    public string Key { get; set; } = "";

    public string Value { get; set; } = "";
}

/// <summary>The known settings, with their defaults.</summary>
public static class SettingKeys
{
    /// <summary>Days after a quarter's end within which its results are due.</summary>
    public const string QuarterDeadlineDays = "Indicators.QuarterDeadlineDays";

    public const int DefaultQuarterDeadlineDays = 20;

    /// <summary>Days after an experience's publication within which it should be answered.</summary>
    public const string AnswerDelayDays = "Feedback.AnswerDelayDays";

    public const int DefaultAnswerDelayDays = 15;
}
