namespace SpPlus.Core.Identity;

/// <summary>The five roles of the portal. The value is the role name stored by Identity and shown in the UI.</summary>
public static class RoleNames
{
    public const string Administrator = "Administrateur";
    public const string Referent = "Référent SP+";
    public const string Correspondent = "Correspondant SP+";
    public const string CopilMember = "Membre du COPIL";
    public const string ClacReader = "Lecteur (CLAC)";

    public static readonly IReadOnlyList<string> All =
        [Administrator, Referent, Correspondent, CopilMember, ClacReader];
}
