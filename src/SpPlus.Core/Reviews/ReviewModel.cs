namespace SpPlus.Core.Reviews;

/// <summary>The states every reviewed document goes through (see the review workflow in the product description).</summary>
public enum ReviewState
{
    Draft = 0,
    Submitted = 1,
    Approved = 2,
    Validated = 3,
    Published = 4,
}

public enum ReviewAction
{
    Submit = 1,
    Approve = 2,
    Return = 3,
    Validate = 4,
    Publish = 5,
    Reopen = 6,
}

/// <summary>The four kinds of reviewed documents.</summary>
public enum ReviewDocumentKind
{
    QuarterlyReport = 1,
    ExperienceAnswer = 2,
    SelfAssessment = 3,
    ActionPlan = 4,
}

/// <summary>Who may perform a transition: a role, and for correspondents the document's structure must be theirs.</summary>
public enum ReviewParty
{
    /// <summary>A correspondent of the document's structure.</summary>
    Correspondent = 1,
    Referent = 2,
    CopilMember = 3,
}

public static class ReviewLabels
{
    public static string Label(this ReviewState state) => state switch
    {
        ReviewState.Draft => "Brouillon",
        ReviewState.Submitted => "Soumis",
        ReviewState.Approved => "Approuvé",
        ReviewState.Validated => "Validé",
        ReviewState.Published => "Publié",
        _ => state.ToString(),
    };

    /// <summary>The DSFR badge type of a state.</summary>
    public static string BadgeType(this ReviewState state) => state switch
    {
        ReviewState.Draft => "info",
        ReviewState.Submitted => "new",
        ReviewState.Approved => "success",
        ReviewState.Validated => "success",
        ReviewState.Published => "success",
        _ => "info",
    };

    /// <summary>The button wording of an action.</summary>
    public static string Label(this ReviewAction action, ReviewDocumentKind kind) => (action, kind) switch
    {
        (ReviewAction.Submit, _) => "Soumettre au référent",
        (ReviewAction.Approve, _) => "Approuver",
        (ReviewAction.Return, _) => "Renvoyer pour correction",
        (ReviewAction.Validate, _) => "Valider en COPIL",
        (ReviewAction.Publish, ReviewDocumentKind.ExperienceAnswer) => "Marquer comme publiée sur la plateforme nationale",
        (ReviewAction.Publish, _) => "Publier",
        (ReviewAction.Reopen, _) => "Rouvrir",
        _ => action.ToString(),
    };

    /// <summary>The history wording of an action ("Soumis", "Renvoyé"...).</summary>
    public static string PastLabel(this ReviewAction action) => action switch
    {
        ReviewAction.Submit => "Soumis",
        ReviewAction.Approve => "Approuvé",
        ReviewAction.Return => "Renvoyé pour correction",
        ReviewAction.Validate => "Validé en COPIL",
        ReviewAction.Publish => "Publié",
        ReviewAction.Reopen => "Rouvert",
        _ => action.ToString(),
    };

    public static string Label(this ReviewDocumentKind kind) => kind switch
    {
        ReviewDocumentKind.QuarterlyReport => "Résultats trimestriels",
        ReviewDocumentKind.ExperienceAnswer => "Réponse à un avis",
        ReviewDocumentKind.SelfAssessment => "Auto-évaluation",
        ReviewDocumentKind.ActionPlan => "Plan d'action",
        _ => kind.ToString(),
    };
}
