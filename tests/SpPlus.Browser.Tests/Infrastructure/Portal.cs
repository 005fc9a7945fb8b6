using SpPlus.Core.Data.Seeding;

namespace SpPlus.Browser.Tests.Infrastructure;

/// <summary>Addresses a user types or bookmarks.</summary>
public static class Paths
{
    public const string MySpace = "/";
    public const string Login = "/Account/Login";
    public const string PublicEngagements = "/engagements";
    public const string Accessibility = "/accessibilite";
    public const string PersonalData = "/donnees-personnelles";
}

/// <summary>What the login form shows (Views/Account/Login.cshtml, AccountController).</summary>
public static class LoginLabels
{
    public const string Email = "Adresse électronique";
    public const string Password = "Mot de passe";
    public const string Submit = "Se connecter";
    public const string InvalidCredentials = "Adresse électronique ou mot de passe incorrect.";
}

/// <summary>The demo accounts the journeys sign in with (fictitious people, seeded by <see cref="DemoDataSeeder"/>).</summary>
public static class DemoUsers
{
    public const string Administrator = "admin@demo.spplus.fr";
    public const string Referent = "referent@demo.spplus.fr";
    public const string CopilMember = "copil@demo.spplus.fr";
    public const string ClacReader = "clac@demo.spplus.fr";
    public const string PrefectureCorrespondent = "correspondant.prefecture-aube@demo.spplus.fr";
    public const string DdtCorrespondent = "correspondant.ddt-aube@demo.spplus.fr";
    public const string DdtName = "DDT de l'Aube";
}
