namespace SpPlus.Core.Feedback;

/// <summary>The user's feeling as stated on the national platform (ressenti usager).</summary>
public enum Sentiment
{
    Positive = 1,
    Neutral = 2,
    Negative = 3,
}

/// <summary>The five general tags of the national platform.</summary>
public enum ExperienceTag
{
    Accessibility = 1,
    Information = 2,
    Relation = 3,
    Reactivity = 4,
    Simplicity = 5,
}

public static class FeedbackLabels
{
    public static string Label(this Sentiment sentiment) => sentiment switch
    {
        Sentiment.Positive => "Positif",
        Sentiment.Neutral => "Neutre",
        Sentiment.Negative => "Négatif",
        _ => sentiment.ToString(),
    };

    /// <summary>The DSFR badge type of a sentiment.</summary>
    public static string BadgeType(this Sentiment sentiment) => sentiment switch
    {
        Sentiment.Positive => "success",
        Sentiment.Negative => "error",
        _ => "info",
    };

    public static string Label(this ExperienceTag tag) => tag switch
    {
        ExperienceTag.Accessibility => "Accessibilité",
        ExperienceTag.Information => "Information et explication",
        ExperienceTag.Relation => "Relation",
        ExperienceTag.Reactivity => "Réactivité",
        ExperienceTag.Simplicity => "Simplicité et complexité",
        _ => tag.ToString(),
    };
}
