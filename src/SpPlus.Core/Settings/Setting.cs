using SpPlus.Core.Engagements;

namespace SpPlus.Core.Settings;

/// <summary>One administrator-editable setting (quarter deadline, answer delay, opinion form address...), stored as text.</summary>
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

    /// <summary>
    /// Address of the form where users give their opinion (« Je donne mon avis »): the public pages' « Donner mon avis »
    /// links and the posters' QR code. Absent means the national platform's address.
    /// </summary>
    public const string OpinionFormUrl = "Feedback.OpinionFormUrl";

    public const string DefaultOpinionFormUrl = OpinionPlatform.Url;
}
