using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Data;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Engagements;
using SpPlus.Core.Feedback;
using SpPlus.Core.Identity;
using SpPlus.Core.Settings;
using SpPlus.Web.Tests.Infrastructure;
using static SpPlus.Web.Tests.Authorization.Outcome;

namespace SpPlus.Web.Tests.Authorization;

/// <summary>What each role gets on each endpoint.</summary>
public enum Outcome
{
    /// <summary>200: the page opens.</summary>
    Ok,

    /// <summary>302 to the login page.</summary>
    Login,

    /// <summary>403 and the "Accès refusé" page.</summary>
    Forbidden,

    /// <summary>404.</summary>
    NotFound,

    /// <summary>403 or 404: refused, whichever check comes first (an id that does not exist).</summary>
    Refused,

    /// <summary>302 elsewhere than the login page: a form accepted (Post-Redirect-Get).</summary>
    Done,
}

/// <summary>
/// Access control per role and per record (ASVS 8.2.2): one row per endpoint, one column per role; the correspondent
/// belongs to structure A (<c>{own}</c>) and not to structure B (<c>{other}</c>). Every mismatch is listed, then the
/// test fails once. Forms are posted as a browser would (the fields of the real form, the user's own antiforgery
/// token), and a refused post must leave the database as it was.
/// </summary>
public sealed partial class AuthorizationMatrixTests(SpPlusFactory factory) : IClassFixture<SpPlusFactory>
{
    private const string OwnSlug = ReferenceData.PrefectureSlug;
    private const string OtherSlug = "ddt-aube";

    /// <summary>The columns, in the order of <see cref="E"/>.</summary>
    public enum Who
    {
        Anonymous,
        Administrator,
        Referent,
        Copil,
        Clac,
        Correspondent,
    }

    private static readonly IReadOnlyDictionary<Who, string?> Emails = new Dictionary<Who, string?>
    {
        [Who.Anonymous] = null,
        [Who.Administrator] = $"admin@{DemoDataSeeder.EmailDomain}",
        [Who.Referent] = $"referent@{DemoDataSeeder.EmailDomain}",
        [Who.Copil] = $"copil@{DemoDataSeeder.EmailDomain}",
        [Who.Clac] = $"clac@{DemoDataSeeder.EmailDomain}",
        [Who.Correspondent] = DemoDataSeeder.CorrespondentEmail(OwnSlug),
    };

    /// <summary>
    /// The matrix. Placeholders (in addresses and field values): {own}/{other} structure ids, {ownCommitment}/{otherCommitment}
    /// a local commitment of each, {newOwnCommitment}/{newOtherCommitment}/{newUser} an entity created for the cell,
    /// {framework} the active framework, {engagement} its first engagement, {draftFramework} a draft framework, {user} an existing account; in field values,
    /// {marker} a value unique to the cell.
    /// </summary>
    public static readonly IReadOnlyList<Row> Rows =
    [
        //                                                                          anon    admin      referent   copil      clac       correspondent
        Get("/",                                                                  E(Login,  Ok,        Ok,        Ok,        Ok,        Ok)),
        Get("/engagements",                                                       E(Ok,     Ok,        Ok,        Ok,        Ok,        Ok)),
        Get("/accessibilite",                                                     E(Ok,     Ok,        Ok,        Ok,        Ok,        Ok)),

        // Administration
        Get("/Admin/Users",                                                       E(Login,  Ok,        Forbidden, Forbidden, Forbidden, Forbidden)),
        Get("/Admin/Users/Create",                                                E(Login,  Ok,        Forbidden, Forbidden, Forbidden, Forbidden)),
        Get("/Admin/Users/Edit/{user}",                                           E(Login,  Ok,        Forbidden, Forbidden, Forbidden, Forbidden)),
        Get("/Admin/Users/Disable/{user}",                                        E(Login,  Ok,        Forbidden, Forbidden, Forbidden, Forbidden)),
        Post("/Admin/Users/Disable/{newUser}",                                    E(Login,  Done,      Forbidden, Forbidden, Forbidden, Forbidden))
            with { FormViewer = Who.Administrator, Probe = UserDisabled("newUser") },
        Get("/Admin/Structures",                                                  E(Login,  Ok,        Forbidden, Forbidden, Forbidden, Forbidden)),
        Get("/Admin/Structures/Edit/{own}",                                       E(Login,  Ok,        Forbidden, Forbidden, Forbidden, Forbidden)),
        Post("/Admin/Structures/Edit/{other}",                                    E(Login,  Done,      Forbidden, Forbidden, Forbidden, Forbidden))
            with { FormViewer = Who.Administrator, Fields = new() { ["Name"] = "DDT de l'Aube {marker}" }, Probe = StructureName("other") },
        Get("/Admin/Audit",                                                       E(Login,  Ok,        Forbidden, Forbidden, Forbidden, Forbidden)),

        // Engagements: frameworks (read by every agent, managed by the administrator)
        Get("/Engagements/Frameworks",                                            E(Login,  Ok,        Ok,        Ok,        Ok,        Ok)),
        Get("/Engagements/Frameworks/Details/{framework}",                        E(Login,  Ok,        Ok,        Ok,        Ok,        Ok)),
        Get("/Engagements/Frameworks/Details/999999",                             E(Login,  NotFound,  NotFound,  NotFound,  NotFound,  NotFound)),
        Get("/Engagements/Frameworks/Create",                                     E(Login,  Ok,        Forbidden, Forbidden, Forbidden, Forbidden)),
        Get("/Engagements/Frameworks/Activate/{draftFramework}",                  E(Login,  Ok,        Forbidden, Forbidden, Forbidden, Forbidden)),

        // Engagements: local commitments (read by every agent, written by the structure's correspondents and the referent)
        Get("/Engagements/Commitments",                                           E(Login,  Ok,        Ok,        Ok,        Ok,        Ok)),
        Get("/Engagements/Commitments?structureId={other}",                       E(Login,  Ok,        Ok,        Ok,        Ok,        Ok)),
        Get("/Engagements/Commitments/Create?structureId={own}",                  E(Login,  Forbidden, Ok,        Forbidden, Forbidden, Ok)),
        Get("/Engagements/Commitments/Create?structureId={other}",                E(Login,  Forbidden, Ok,        Forbidden, Forbidden, Forbidden)),
        Post("/Engagements/Commitments/Create?structureId={other}",               E(Login,  Forbidden, Done,      Forbidden, Forbidden, Forbidden))
            with { Fields = new() { ["EngagementId"] = "{engagement}", ["Kind"] = "Other", ["Text"] = "Accueil sur rendez-vous {marker}" }, Probe = CommitmentCount("other") },
        Get("/Engagements/Commitments/Edit/{ownCommitment}",                      E(Login,  Forbidden, Ok,        Forbidden, Forbidden, Ok)),
        Get("/Engagements/Commitments/Edit/{otherCommitment}",                    E(Login,  Forbidden, Ok,        Forbidden, Forbidden, Forbidden)),
        Get("/Engagements/Commitments/Edit/999999",                               E(Login,  Refused,   NotFound,  Refused,   Refused,   NotFound)),
        Post("/Engagements/Commitments/Edit/{ownCommitment}",                     E(Login,  Forbidden, Done,      Forbidden, Forbidden, Done))
            with { Fields = new() { ["Text"] = "Accueil ouvert {marker}" }, Probe = CommitmentText("ownCommitment") },
        Post("/Engagements/Commitments/Edit/{otherCommitment}",                   E(Login,  Forbidden, Done,      Forbidden, Forbidden, Forbidden))
            with { Fields = new() { ["Text"] = "Accueil ouvert {marker}" }, Probe = CommitmentText("otherCommitment") },
        // Moving one's own commitment into another structure is writing to that structure.
        Post("/Engagements/Commitments/Edit/{newOwnCommitment}",                  E(Login,  Forbidden, Done,      Forbidden, Forbidden, Forbidden))
            with { Fields = new() { ["StructureId"] = "{other}" }, Probe = CommitmentStructure("newOwnCommitment") },
        Get("/Engagements/Commitments/Delete/{ownCommitment}",                    E(Login,  Forbidden, Ok,        Forbidden, Forbidden, Ok)),
        Get("/Engagements/Commitments/Delete/{otherCommitment}",                  E(Login,  Forbidden, Ok,        Forbidden, Forbidden, Forbidden)),
        Post("/Engagements/Commitments/Delete/{newOwnCommitment}",                E(Login,  Forbidden, Done,      Forbidden, Forbidden, Done))
            with { Probe = CommitmentExists("newOwnCommitment") },
        Post("/Engagements/Commitments/Delete/{newOtherCommitment}",              E(Login,  Forbidden, Done,      Forbidden, Forbidden, Forbidden))
            with { Probe = CommitmentExists("newOtherCommitment") },

        // Feedback: metrics (aggregated figures; a correspondent reads only their structures)
        Get("/Feedback/Metrics",                                                  E(Login,  Ok,        Ok,        Ok,        Ok,        Ok)),
        Get("/Feedback/Metrics?StructureId={own}",                                E(Login,  Ok,        Ok,        Ok,        Ok,        Ok)),
        Get("/Feedback/Metrics?StructureId={other}",                              E(Login,  Ok,        Ok,        Ok,        Ok,        Forbidden)),

        // Feedback: documents hard to understand (read as experiences are, written by the structure's correspondents and the referent)
        Get("/Feedback/Documents",                                                E(Login,  Ok,        Ok,        Ok,        Ok,        Ok)),
        Get("/Feedback/Documents/Create",                                         E(Login,  Forbidden, Ok,        Forbidden, Forbidden, Ok)),
        Get("/Feedback/Documents/Create?structureId={other}",                     E(Login,  Forbidden, Ok,        Forbidden, Forbidden, Forbidden)),
        Post("/Feedback/Documents/Create",                                        E(Login,  Forbidden, Done,      Forbidden, Forbidden, Done))
            with { Fields = DocumentFields("own"), Probe = DocumentCount("own") },
        Post("/Feedback/Documents/Create",                                        E(Login,  Forbidden, Done,      Forbidden, Forbidden, Forbidden))
            with { Fields = DocumentFields("other"), Probe = DocumentCount("other") },
        Get("/Feedback/Documents/Details/{newOwnDocument}",                       E(Login,  Ok,        Ok,        Ok,        Ok,        Ok)),
        Get("/Feedback/Documents/Details/{newOtherDocument}",                     E(Login,  Ok,        Ok,        Ok,        Ok,        Forbidden)),
        Get("/Feedback/Documents/Details/999999",                                 E(Login,  NotFound,  NotFound,  NotFound,  NotFound,  NotFound)),
        Post("/Feedback/Documents/Note/{newOwnDocument}",                         E(Login,  Forbidden, Done,      Forbidden, Forbidden, Done))
            with { FormFrom = "/Feedback/Documents/Details/{newOwnDocument}", Fields = new() { ["Note.Text"] = "Note {marker}" }, Probe = DocumentNotes("newOwnDocument") },
        Post("/Feedback/Documents/Note/{newOtherDocument}",                       E(Login,  Forbidden, Done,      Forbidden, Forbidden, Forbidden))
            with { FormFrom = "/Feedback/Documents/Details/{newOtherDocument}", Fields = new() { ["Note.Text"] = "Note {marker}" }, Probe = DocumentNotes("newOtherDocument") },

        // Self-assessments (read as every reviewed document; grids managed by the administrator and the referent)
        Get("/SelfAssessments/Assessments",                                       E(Login,  Ok,        Ok,        Ok,        Ok,        Ok)),
        Get("/SelfAssessments/Assessments/Details/999999",                        E(Login,  NotFound,  NotFound,  NotFound,  NotFound,  NotFound)),
        Get("/SelfAssessments/Assessments/Edit/999999",                           E(Login,  NotFound,  NotFound,  NotFound,  NotFound,  NotFound)),
        Get("/SelfAssessments/Grids",                                             E(Login,  Ok,        Ok,        Forbidden, Forbidden, Forbidden)),
        Get("/SelfAssessments/Grids/Details/999999",                              E(Login,  NotFound,  NotFound,  Forbidden, Forbidden, Forbidden)),

        // Administration: settings
        Get("/Admin/Settings",                                                    E(Login,  Ok,        Forbidden, Forbidden, Forbidden, Forbidden)),
        Post("/Admin/Settings",                                                   E(Login,  Done,      Forbidden, Forbidden, Forbidden, Forbidden))
            with { FormViewer = Who.Administrator, Fields = new() { ["QuarterDeadlineDays"] = "21" }, Probe = SettingValue(SettingKeys.QuarterDeadlineDays) },

        // Feedback: import of the national export and structure mappings (referent and administrator only)
        Get("/Feedback/Imports",                                                  E(Login,  Ok,        Ok,        Forbidden, Forbidden, Forbidden)),
        Get("/Feedback/Imports/Preview/00000000000000000000000000000000",         E(Login,  Done,      Done,      Forbidden, Forbidden, Forbidden)),
        Get("/Feedback/Mappings",                                                 E(Login,  Ok,        Ok,        Forbidden, Forbidden, Forbidden)),

        // Feedback: answers (drafted by the structure's correspondents and the referent, approved by the referent) and their templates
        Get("/Feedback/AnswerTemplates",                                          E(Login,  Ok,        Ok,        Forbidden, Forbidden, Forbidden)),
        Get("/Feedback/AnswerTemplates/Create",                                   E(Login,  Ok,        Ok,        Forbidden, Forbidden, Forbidden)),
        Post("/Feedback/AnswerTemplates/Create",                                  E(Login,  Done,      Done,      Forbidden, Forbidden, Forbidden))
            with { Fields = new() { ["Title"] = "Modèle {marker}", ["Body"] = "Bonjour,\nMerci pour votre avis.\nL'équipe de la préfecture" }, Probe = AnswerTemplateCount() },
        Get("/Feedback/Answers",                                                  E(Login,  Forbidden, Ok,        Forbidden, Forbidden, Forbidden)),
        Post("/Feedback/Answers/Start",                                           E(Login,  Forbidden, Done,      Forbidden, Forbidden, Done))
            with { FormFrom = "/Feedback/Experiences/Details/{answerOwnExperience}", Probe = AnswerCount("answerOwnExperience") },
        Post("/Feedback/Answers/Start",                                           E(Login,  Forbidden, Done,      Forbidden, Forbidden, Forbidden))
            with { FormFrom = "/Feedback/Experiences/Details/{answerOtherExperience}", Probe = AnswerCount("answerOtherExperience") },
        Get("/Feedback/Answers/Edit/{newOwnAnswer}",                              E(Login,  Forbidden, Ok,        Forbidden, Forbidden, Ok)),
        Get("/Feedback/Answers/Edit/{newOtherAnswer}",                            E(Login,  Forbidden, Ok,        Forbidden, Forbidden, Forbidden)),
        Post("/Feedback/Answers/Edit/{newOwnAnswer}",                             E(Login,  Forbidden, Done,      Forbidden, Forbidden, Done))
            with { Fields = new() { ["Text"] = "Bonjour {marker}", ["Command"] = "Save" }, Probe = AnswerText("newOwnAnswer") },
        Post("/Feedback/Answers/Edit/{newOtherAnswer}",                           E(Login,  Forbidden, Done,      Forbidden, Forbidden, Forbidden))
            with { Fields = new() { ["Text"] = "Bonjour {marker}", ["Command"] = "Save" }, Probe = AnswerText("newOtherAnswer") },

        // Feedback: experiences (read as FeedbackAccess says; worked on by the structure's correspondents and the referent)
        Get("/Feedback/Experiences",                                              E(Login,  Ok,        Ok,        Ok,        Ok,        Ok)),
        Get("/Feedback/Experiences?StructureId={other}&Overdue=true",             E(Login,  Ok,        Ok,        Ok,        Ok,        Ok)),
        Get("/Feedback/Experiences/Details/{ownExperience}",                      E(Login,  Ok,        Ok,        Ok,        Ok,        Ok)),
        Get("/Feedback/Experiences/Details/{otherExperience}",                    E(Login,  Ok,        Ok,        Ok,        Ok,        Forbidden)),
        Get("/Feedback/Experiences/Details/{unmappedExperience}",                 E(Login,  Ok,        Ok,        Forbidden, Forbidden, Forbidden)),
        Get("/Feedback/Experiences/Details/999999",                               E(Login,  NotFound,  NotFound,  NotFound,  NotFound,  NotFound)),
        Get("/Feedback/Experiences/Create",                                       E(Login,  Forbidden, Ok,        Forbidden, Forbidden, Ok)),
        Post("/Feedback/Experiences/Create",                                      E(Login,  Forbidden, Done,      Forbidden, Forbidden, Done))
            with { Fields = ExperienceFields("own"), Probe = ExperienceCount("own") },
        Post("/Feedback/Experiences/Create",                                      E(Login,  Forbidden, Done,      Forbidden, Forbidden, Forbidden))
            with { Fields = ExperienceFields("other"), Probe = ExperienceCount("other") },
        Post("/Feedback/Experiences/Comment/{newOwnExperience}",                  E(Login,  Forbidden, Done,      Forbidden, Forbidden, Done))
            with { FormFrom = "/Feedback/Experiences/Details/{newOwnExperience}", Fields = new() { ["CommentText"] = "Commentaire {marker}" }, Probe = ExperienceComments("newOwnExperience") },
        Post("/Feedback/Experiences/Comment/{newOtherExperience}",                E(Login,  Forbidden, Done,      Forbidden, Forbidden, Forbidden))
            with { FormFrom = "/Feedback/Experiences/Details/{newOtherExperience}", Fields = new() { ["CommentText"] = "Commentaire {marker}" }, Probe = ExperienceComments("newOtherExperience") },
        Post("/Feedback/Experiences/Assign/{newOwnExperience}",                   E(Login,  Forbidden, Done,      Forbidden, Forbidden, Done))
            with { FormFrom = "/Feedback/Experiences/Details/{newOwnExperience}", Fields = new() { ["AssigneeUserId"] = "{referentUser}" }, Probe = ExperienceAssignee("newOwnExperience") },
        Post("/Feedback/Experiences/Assign/{newOtherExperience}",                 E(Login,  Forbidden, Done,      Forbidden, Forbidden, Forbidden))
            with { FormFrom = "/Feedback/Experiences/Details/{newOtherExperience}", Fields = new() { ["AssigneeUserId"] = "{referentUser}" }, Probe = ExperienceAssignee("newOtherExperience") },
        Post("/Feedback/Experiences/Move/{newOwnExperience}",                     E(Login,  Forbidden, Done,      Forbidden, Forbidden, Forbidden))
            with { FormFrom = "/Feedback/Experiences/Details/{newOwnExperience}", Fields = new() { ["MoveStructureId"] = "{other}" }, Probe = ExperienceStructure("newOwnExperience") },

        // Action plans: read as every reviewed document (drafts by the structure's correspondents, the referent and the
        // administrator; validated by every agent); actions written in a draft by the structure's correspondents and the
        // referent; after validation, progress updated by them only.
        Get("/ActionPlans/Plans",                                                 E(Login,  Ok,        Ok,        Ok,        Ok,        Ok)),
        Get("/ActionPlans/Actions",                                               E(Login,  Ok,        Ok,        Ok,        Ok,        Ok)),
        Get("/ActionPlans/Actions?late=true&asked=true&owner=Durand",             E(Login,  Ok,        Ok,        Ok,        Ok,        Ok)),
        Get("/ActionPlans/Plans/Details/{ownDraftPlan}",                          E(Login,  Ok,        Ok,        Forbidden, Forbidden, Ok)),
        Get("/ActionPlans/Plans/Details/{otherDraftPlan}",                        E(Login,  Ok,        Ok,        Forbidden, Forbidden, Forbidden)),
        Get("/ActionPlans/Plans/Details/{otherValidatedPlan}",                    E(Login,  Ok,        Ok,        Ok,        Ok,        Ok)),
        Get("/ActionPlans/Plans/Details/999999",                                  E(Login,  NotFound,  NotFound,  NotFound,  NotFound,  NotFound)),
        Get("/ActionPlans/Actions/Details/{ownDraftAction}",                      E(Login,  Ok,        Ok,        Forbidden, Forbidden, Ok)),
        Get("/ActionPlans/Actions/Details/{otherDraftAction}",                    E(Login,  Ok,        Ok,        Forbidden, Forbidden, Forbidden)),
        Get("/ActionPlans/Actions/Details/{otherValidatedAction}",                E(Login,  Ok,        Ok,        Ok,        Ok,        Ok)),
        Get("/ActionPlans/Actions/Details/999999",                                E(Login,  NotFound,  NotFound,  NotFound,  NotFound,  NotFound)),
        Get("/ActionPlans/Actions/Create?structureId={own}&year={ownDraftPlanYear}",     E(Login,  Forbidden, Ok,  Forbidden, Forbidden, Ok)),
        Get("/ActionPlans/Actions/Create?structureId={other}&year={otherDraftPlanYear}", E(Login,  Forbidden, Ok,  Forbidden, Forbidden, Forbidden)),
        Get("/ActionPlans/Actions/Edit/{ownDraftAction}",                         E(Login,  Forbidden, Ok,        Forbidden, Forbidden, Ok)),
        Get("/ActionPlans/Actions/Edit/{otherDraftAction}",                       E(Login,  Forbidden, Ok,        Forbidden, Forbidden, Forbidden)),
        Get("/ActionPlans/Actions/Edit/999999",                                   E(Login,  NotFound,  NotFound,  NotFound,  NotFound,  NotFound)),
        Get("/ActionPlans/Actions/Delete/{otherDraftAction}",                     E(Login,  Forbidden, Ok,        Forbidden, Forbidden, Forbidden)),
        Get("/ActionPlans/Actions/Progress/{ownValidatedAction}",                 E(Login,  Forbidden, Ok,        Forbidden, Forbidden, Ok)),
        Get("/ActionPlans/Actions/Progress/{otherValidatedAction}",               E(Login,  Forbidden, Ok,        Forbidden, Forbidden, Forbidden)),
        Post("/ActionPlans/Actions/Create",                                       E(Login,  Forbidden, Done,      Forbidden, Forbidden, Done))
            with { FormFrom = "/ActionPlans/Actions/Create?structureId={own}&year={ownDraftPlanYear}", Fields = new() { ["Title"] = "Action {marker}" }, Probe = ActionCount("own") },
        Post("/ActionPlans/Actions/Create",                                       E(Login,  Forbidden, Done,      Forbidden, Forbidden, Forbidden))
            with { FormFrom = "/ActionPlans/Actions/Create?structureId={other}&year={otherDraftPlanYear}", Fields = new() { ["Title"] = "Action {marker}" }, Probe = ActionCount("other") },
        Post("/ActionPlans/Actions/Edit/{ownDraftAction}",                        E(Login,  Forbidden, Done,      Forbidden, Forbidden, Done))
            with { Fields = new() { ["Title"] = "Action {marker}" }, Probe = ActionTitle("ownDraftAction") },
        Post("/ActionPlans/Actions/Edit/{otherDraftAction}",                      E(Login,  Forbidden, Done,      Forbidden, Forbidden, Forbidden))
            with { Fields = new() { ["Title"] = "Action {marker}" }, Probe = ActionTitle("otherDraftAction") },
        Post("/ActionPlans/Actions/Delete/{ownDraftAction}",                      E(Login,  Forbidden, Done,      Forbidden, Forbidden, Done))
            with { Probe = ActionExists("ownDraftAction") },
        Post("/ActionPlans/Actions/Delete/{otherDraftAction}",                    E(Login,  Forbidden, Done,      Forbidden, Forbidden, Forbidden))
            with { Probe = ActionExists("otherDraftAction") },
        Post("/ActionPlans/Actions/Progress/{ownValidatedAction}",                E(Login,  Forbidden, Done,      Forbidden, Forbidden, Done))
            with { Fields = new() { ["Progress"] = "55" }, Probe = ActionProgress("ownValidatedAction") },
        Post("/ActionPlans/Actions/Progress/{otherValidatedAction}",              E(Login,  Forbidden, Done,      Forbidden, Forbidden, Forbidden))
            with { Fields = new() { ["Progress"] = "55" }, Probe = ActionProgress("otherValidatedAction") },

        // Reports: the PDF documents, scoped like their pages (posters for every agent; the département report for the
        // referent, the administrator and the COPIL; an action plan as the plan's page).
        Get("/Reports",                                                           E(Login,  Ok,        Ok,        Ok,        Ok,        Ok)),
        Get("/Reports/EngagementsPoster",                                         E(Login,  Ok,        Ok,        Ok,        Ok,        Ok)),
        Get("/Reports/ResultsPoster?structureId={publishedStructure}&year={publishedYear}&quarter={publishedQuarter}", E(Login, Ok, Ok, Ok, Ok, Ok)),
        Get("/Reports/ResultsPoster?structureId={own}&year=2099&quarter=1",       E(Login,  NotFound,  NotFound,  NotFound,  NotFound,  NotFound)),
        Get("/Reports/DepartmentReport?year={publishedYear}&quarter={publishedQuarter}", E(Login, Ok, Ok, Ok, Forbidden, Forbidden)),
        Get("/Reports/ActionPlan/{ownDraftPlan}",                                 E(Login,  Ok,        Ok,        Forbidden, Forbidden, Ok)),
        Get("/Reports/ActionPlan/{otherDraftPlan}",                               E(Login,  Ok,        Ok,        Forbidden, Forbidden, Forbidden)),
        Get("/Reports/ActionPlan/{otherValidatedPlan}",                           E(Login,  Ok,        Ok,        Ok,        Ok,        Ok)),
        Get("/Reports/ClacPack?year={publishedYear}",                             E(Login,  Ok,        Ok,        Ok,        Ok,        Ok)),
        Get("/Reports/ClacPack?year=1999",                                        E(Login,  NotFound,  NotFound,  NotFound,  NotFound,  NotFound)),
        Get("/Reports/ActionPlan/999999",                                         E(Login,  NotFound,  NotFound,  NotFound,  NotFound,  NotFound)),
        Get("/Reports/Exports/IndicatorsHistory",                                 E(Login,  Ok,        Ok,        Ok,        Ok,        Ok)),
        Get("/Reports/Exports/ExperienceLog",                                     E(Login,  Ok,        Ok,        Ok,        Ok,        Ok)),
        Get("/Reports/Exports/ActionPlanTracker",                                 E(Login,  Ok,        Ok,        Ok,        Ok,        Ok)),
        Get("/Reports/Exports/SelfAssessmentResults",                             E(Login,  Ok,        Ok,        Ok,        Ok,        Ok)),

        // Governance: COPIL and CLAC meetings (read by every agent, except COPIL meetings by the CLAC reader; recorded by the referent and the COPIL)
        Get("/Governance/Meetings",                                               E(Login,  Ok,        Ok,        Ok,        Ok,        Ok)),
        Get("/Governance/Decisions",                                              E(Login,  Ok,        Ok,        Ok,        Ok,        Ok)),
        Get("/Governance/Meetings/Details/{newCopilMeeting}",                     E(Login,  Ok,        Ok,        Ok,        Forbidden, Ok)),
        Get("/Governance/Meetings/Details/{newClacMeeting}",                      E(Login,  Ok,        Ok,        Ok,        Ok,        Ok)),
        Get("/Governance/Meetings/Details/999999",                                E(Login,  NotFound,  NotFound,  NotFound,  NotFound,  NotFound)),
        Get("/Governance/Meetings/Create?kind=Copil",                             E(Login,  Forbidden, Ok,        Ok,        Forbidden, Forbidden)),
        Get("/Governance/Meetings/Edit/{newCopilMeeting}",                        E(Login,  Forbidden, Ok,        Ok,        Forbidden, Forbidden)),
        Post("/Governance/Meetings/Create",                                       E(Login,  Forbidden, Done,      Done,      Forbidden, Forbidden))
            with { FormFrom = "/Governance/Meetings/Create?kind=Clac", Fields = new() { ["Date"] = "2030-01-05", ["Place"] = "Salle {marker}" }, Probe = MeetingCount() },
        Post("/Governance/Meetings/Edit/{newClacMeeting}",                        E(Login,  Forbidden, Done,      Done,      Forbidden, Forbidden))
            with { Fields = new() { ["Place"] = "Salle {marker}" }, Probe = MeetingPlace("newClacMeeting") },
        Post("/Governance/Meetings/Delete/{newClacMeeting}",                      E(Login,  Forbidden, Done,      Done,      Forbidden, Forbidden))
            with { FormFrom = "/Governance/Meetings/Details/{newClacMeeting}", Probe = MeetingExists("newClacMeeting") },
    ];

    [Fact]
    public async Task Each_role_gets_the_expected_answer_on_each_endpoint()
    {
        var clients = new Dictionary<Who, HttpClient>();
        foreach (var (who, email) in Emails)
        {
            clients[who] = email is null ? factory.CreateBrowserClient() : await factory.SignInAsync(email);
        }

        var ids = await FixedIdsAsync();
        var mismatches = new List<string>();
        var cells = 0;
        foreach (var row in Rows)
        {
            foreach (var (who, expected) in row.Expected)
            {
                cells++;
                var errorsBefore = factory.ServerLog.ErrorCount;
                try
                {
                    var problem = await CheckCellAsync(row, who, expected, clients, ids);
                    if (problem is not null)
                    {
                        var errors = factory.ServerLog.ErrorsSince(errorsBefore);
                        mismatches.Add($"{row.Method} {row.Url} as {who}: {problem}{(errors.Count > 0 ? " — server: " + errors[0] : "")}");
                    }
                }
                catch (Exception e) when (e is InvalidOperationException or HttpRequestException or Xunit.Sdk.XunitException)
                {
                    mismatches.Add($"{row.Method} {row.Url} as {who}: could not run the cell: {e.Message.Split('\n')[0]}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {cells} cells differ from the matrix:\n" + string.Join("\n", mismatches));
    }

    [Fact]
    public void Every_row_has_a_cell_for_every_role()
    {
        Assert.All(Rows, row => Assert.Equal(Enum.GetValues<Who>().Length, row.Expected.Count));
        Assert.All(Rows.Where(r => r.Method == "POST"), row => Assert.NotNull(row.Probe));
    }

    private async Task<string?> CheckCellAsync(Row row, Who who, Outcome expected, IReadOnlyDictionary<Who, HttpClient> clients, Dictionary<string, string> fixedIds)
    {
        var values = new Dictionary<string, string>(fixedIds);
        foreach (Match placeholder in Placeholder().Matches(row.Url + row.FormFrom + string.Concat((row.Fields ?? []).Values)))
        {
            var name = placeholder.Groups[1].Value;
            if (!values.ContainsKey(name) && name != "marker")
            {
                values[name] = await CreateForCellAsync(name);
            }
        }

        var url = Fill(row.Url, values);
        var client = clients[who];
        if (row.Method == "GET")
        {
            var response = await client.GetAsync(url);
            return Compare(expected, response, await response.Content.ReadAsStringAsync());
        }

        // A form as a browser sends it: the fields of the real form (opened by someone allowed to see it),
        // the user's own antiforgery token; then the database must show the change only where it is allowed.
        var formPage = await clients[row.FormViewer].GetPageAsync(Fill(row.FormFrom ?? row.Url, values));
        if (formPage.StatusCode != HttpStatusCode.OK)
        {
            return $"the form page {formPage.Url.PathAndQuery} answered {(int)formPage.StatusCode} to {row.FormViewer}";
        }

        var marker = Guid.NewGuid().ToString("N")[..8];
        var form = formPage.FormPostingTo(new Uri(SpPlusFactory.BaseAddress, url).AbsolutePath);
        values["marker"] = marker;
        var fields = HtmlPage.FormValues(form, (row.Fields ?? []).Select(f => new KeyValuePair<string, string>(f.Key, Fill(f.Value, values, escape: false))))
            .Where(f => f.Key != "__RequestVerificationToken")
            .Append(new("__RequestVerificationToken", await TokenAsync(client)))
            .ToList();

        var before = await factory.WithDbAsync(db => row.Probe!(db, values));
        var post = await client.PostAsync(url, new FormUrlEncodedContent(fields));
        var after = await factory.WithDbAsync(db => row.Probe!(db, values));
        var body = await post.Content.ReadAsStringAsync();
        var mismatch = Compare(expected, post, body);
        if (mismatch is not null)
        {
            var messages = post.StatusCode == HttpStatusCode.OK ? HtmlPage.ErrorMessagesOf(body) : [];
            return mismatch
                + (messages.Count > 0 ? $" (the form came back: {string.Join(" | ", messages)})" : "")
                + (before != after ? $"; and the database changed ({before} → {after})" : "");
        }

        if (expected == Done && before == after)
        {
            return $"accepted but nothing changed in the database ({before})";
        }

        if (expected != Done && before != after)
        {
            return $"refused ({(int)post.StatusCode}) but the database changed: {before} → {after}";
        }

        return null;
    }

    private static string? Compare(Outcome expected, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        var actual = response.StatusCode switch
        {
            HttpStatusCode.OK => Ok,
            HttpStatusCode.Forbidden => Forbidden,
            HttpStatusCode.NotFound => NotFound,
            _ when response.RedirectsToLogin() => Login,
            _ when HttpClientExtensions.IsRedirect(response.StatusCode) => Done,
            _ => (Outcome?)null,
        };
        var matches = actual == expected || expected == Refused && actual is Forbidden or NotFound;
        if (matches && actual == Forbidden && HtmlPage.Parse(body).QuerySelector("h1")?.TextContent.Trim() != "Accès refusé")
        {
            return "403 without the French page « Accès refusé »";
        }

        if (matches)
        {
            return null;
        }

        var where = response.Headers.Location is { } location ? $" to {location}" : "";
        return $"expected {expected}, got {status}{where}";
    }

    /// <summary>An antiforgery token issued to this client (signed in or not), read from a form of a page it can open.</summary>
    private static async Task<string> TokenAsync(HttpClient client)
    {
        foreach (var path in new[] { "/", AccountPaths.Login })
        {
            var page = await client.GetPageAsync(path);
            if (page.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") is { Length: > 0 } token)
            {
                return token;
            }
        }

        throw new InvalidOperationException("No page offered an antiforgery token to this client.");
    }

    private async Task<Dictionary<string, string>> FixedIdsAsync() => await factory.WithDbAsync(async db =>
    {
        var own = await db.Structures.Where(s => s.Slug == OwnSlug).Select(s => s.Id).SingleAsync();
        var other = await db.Structures.Where(s => s.Slug == OtherSlug).Select(s => s.Id).SingleAsync();
        return new Dictionary<string, string>
        {
            ["own"] = $"{own}",
            ["other"] = $"{other}",
            ["ownCommitment"] = $"{await db.LocalCommitments.Where(c => c.StructureId == own).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync()}",
            ["otherCommitment"] = $"{await db.LocalCommitments.Where(c => c.StructureId == other).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync()}",
            ["framework"] = $"{await db.EngagementFrameworks.Where(f => f.Status == FrameworkStatus.Active).Select(f => f.Id).SingleAsync()}",
            ["engagement"] = $"{await db.Engagements.Where(e => e.Framework!.Status == FrameworkStatus.Active).OrderBy(e => e.Number).Select(e => e.Id).FirstAsync()}",
            ["draftFramework"] = $"{await db.EngagementFrameworks.Where(f => f.Status == FrameworkStatus.Draft).OrderBy(f => f.Id).Select(f => f.Id).FirstAsync()}",
            ["user"] = await db.Users.Where(u => u.Email == $"clac@{DemoDataSeeder.EmailDomain}").Select(u => u.Id).SingleAsync(),
            ["ownExperience"] = $"{await db.Experiences.Where(e => e.StructureId == own).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync()}",
            ["otherExperience"] = $"{await db.Experiences.Where(e => e.StructureId == other).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync()}",
            ["unmappedExperience"] = $"{await db.Experiences.Where(e => e.StructureId == null).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync()}",
            ["referentUser"] = await db.Users.Where(u => u.Email == $"referent@{DemoDataSeeder.EmailDomain}").Select(u => u.Id).SingleAsync(),
            ["publishedStructure"] = $"{await db.QuarterlyReports.Where(r => r.State == SpPlus.Core.Reviews.ReviewState.Published).OrderBy(r => r.Id).Select(r => r.StructureId).FirstAsync()}",
            ["publishedYear"] = $"{await db.QuarterlyReports.Where(r => r.State == SpPlus.Core.Reviews.ReviewState.Published).OrderBy(r => r.Id).Select(r => r.Year).FirstAsync()}",
            ["publishedQuarter"] = $"{await db.QuarterlyReports.Where(r => r.State == SpPlus.Core.Reviews.ReviewState.Published).OrderBy(r => r.Id).Select(r => r.QuarterNumber).FirstAsync()}",
        };
    });

    private async Task<string> CreateForCellAsync(string placeholder)
    {
        switch (placeholder)
        {
            case "newUser":
                return (await factory.CreateUserAsync(RoleNames.ClacReader)).Id;
            case "newOwnCommitment" or "newOtherCommitment":
                var slug = placeholder == "newOwnCommitment" ? OwnSlug : OtherSlug;
                return await factory.WithDbAsync(async db =>
                {
                    var structureId = await db.Structures.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync();
                    var engagementId = await db.Engagements.Where(e => e.Framework!.Status == FrameworkStatus.Active).OrderBy(e => e.Number).Select(e => e.Id).FirstAsync();
                    var commitment = new LocalCommitment
                    {
                        StructureId = structureId,
                        EngagementId = engagementId,
                        Kind = LocalCommitmentKind.Other,
                        Text = "Engagement créé pour la matrice d'autorisations",
                        UpdatedAtUtc = DateTime.UtcNow,
                    };
                    db.LocalCommitments.Add(commitment);
                    await db.SaveChangesAsync();
                    return $"{commitment.Id}";
                });
            case "newOwnDocument" or "newOtherDocument":
                var documentSlug = placeholder == "newOwnDocument" ? OwnSlug : OtherSlug;
                return await factory.WithDbAsync(async db =>
                {
                    var report = new DocumentReport
                    {
                        StructureId = await db.Structures.Where(s => s.Slug == documentSlug).Select(s => s.Id).SingleAsync(),
                        DocumentName = "Document créé pour la matrice d'autorisations",
                        Kind = DocumentKind.Letter,
                        ReceivedOn = new DateOnly(2026, 1, 5),
                        Difficulty = "Phrases trop longues.",
                        CreatedAtUtc = DateTime.UtcNow,
                        CreatedByUserId = "matrix",
                    };
                    db.DocumentReports.Add(report);
                    await db.SaveChangesAsync();
                    return $"{report.Id}";
                });
            case "answerOwnExperience" or "answerOtherExperience" or "newOwnAnswer" or "newOtherAnswer":
                return await CreateAnswerFixtureAsync(placeholder);
            case "newOwnExperience" or "newOtherExperience":
                var experienceSlug = placeholder == "newOwnExperience" ? OwnSlug : OtherSlug;
                return await factory.WithDbAsync(async db =>
                {
                    var experience = new Experience
                    {
                        Source = ExperienceSource.Manual,
                        StructureId = await db.Structures.Where(s => s.Slug == experienceSlug).Select(s => s.Id).SingleAsync(),
                        Title = "Expérience créée pour la matrice d'autorisations",
                        Description = "Attente trop longue au guichet.",
                        PublishedOn = new DateOnly(2026, 1, 5),
                        DueOn = new DateOnly(2026, 1, 20),
                        CreatedAtUtc = DateTime.UtcNow,
                    };
                    db.Experiences.Add(experience);
                    await db.SaveChangesAsync();
                    return $"{experience.Id}";
                });
            case "newCopilMeeting" or "newClacMeeting":
                return await factory.WithDbAsync(async db =>
                {
                    var meeting = new SpPlus.Core.Governance.Meeting
                    {
                        Kind = placeholder == "newCopilMeeting" ? SpPlus.Core.Governance.MeetingKind.Copil : SpPlus.Core.Governance.MeetingKind.Clac,
                        HeldAt = new DateTime(2030, 2, 3, 14, 0, 0),
                        Place = "Réunion créée pour la matrice d'autorisations",
                        CreatedAtUtc = DateTime.UtcNow,
                        UpdatedAtUtc = DateTime.UtcNow,
                        CreatedByUserId = "matrix",
                    };
                    db.Meetings.Add(meeting);
                    await db.SaveChangesAsync();
                    return $"{meeting.Id}";
                });
            case "ownDraftPlan" or "otherDraftPlan" or "ownDraftPlanYear" or "otherDraftPlanYear" or "otherValidatedPlan"
                or "ownDraftAction" or "otherDraftAction" or "ownValidatedAction" or "otherValidatedAction":
                return await CreatePlanForCellAsync(placeholder);
            default:
                throw new InvalidOperationException($"Unknown placeholder {{{placeholder}}}.");
        }
    }

    private static int _nextPlanYear = 4000;

    /// <summary>
    /// A plan of its own for the cell (a year no other plan uses), of structure A ("own…") or B ("other…"), a draft or
    /// validated, with one action: the plan's id, its year ("…Year") or its action's id ("…Action").
    /// </summary>
    private Task<string> CreatePlanForCellAsync(string placeholder) => factory.WithDbAsync(async db =>
    {
        var slug = placeholder.StartsWith("own", StringComparison.Ordinal) ? OwnSlug : OtherSlug;
        var plan = new SpPlus.Core.ActionPlans.ActionPlan
        {
            StructureId = await db.Structures.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync(),
            Year = Interlocked.Increment(ref _nextPlanYear),
            State = placeholder.Contains("Validated", StringComparison.Ordinal) ? SpPlus.Core.Reviews.ReviewState.Validated : SpPlus.Core.Reviews.ReviewState.Draft,
            CreatedAtUtc = DateTime.UtcNow,
        };
        var action = new SpPlus.Core.ActionPlans.ImprovementAction
        {
            Plan = plan, Title = "Action créée pour la matrice d'autorisations", CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
        };
        db.ImprovementActions.Add(action);
        await db.SaveChangesAsync();
        return placeholder.EndsWith("Year", StringComparison.Ordinal) ? $"{plan.Year}"
            : placeholder.EndsWith("Action", StringComparison.Ordinal) ? $"{action.Id}"
            : $"{plan.Id}";
    });

    private static Func<SpPlusDbContext, IReadOnlyDictionary<string, string>, Task<string?>> ActionCount(string structurePlaceholder) =>
        async (db, values) =>
        {
            var id = IdOf(values, structurePlaceholder);
            return $"{await db.ImprovementActions.CountAsync(a => a.Plan!.StructureId == id)} actions";
        };

    private static Func<SpPlusDbContext, IReadOnlyDictionary<string, string>, Task<string?>> ActionTitle(string placeholder) =>
        async (db, values) =>
        {
            var id = IdOf(values, placeholder);
            return await db.ImprovementActions.Where(a => a.Id == id).Select(a => a.Title).SingleAsync();
        };

    private static Func<SpPlusDbContext, IReadOnlyDictionary<string, string>, Task<string?>> ActionExists(string placeholder) =>
        async (db, values) =>
        {
            var id = IdOf(values, placeholder);
            return await db.ImprovementActions.AnyAsync(a => a.Id == id) ? "present" : "deleted";
        };

    private static Func<SpPlusDbContext, IReadOnlyDictionary<string, string>, Task<string?>> ActionProgress(string placeholder) =>
        async (db, values) =>
        {
            var id = IdOf(values, placeholder);
            var progress = await db.ImprovementActions.Where(a => a.Id == id).Select(a => a.Progress).SingleAsync();
            return $"{progress} % ({await db.ActionUpdates.CountAsync(u => u.ActionId == id)} updates)";
        };

    private static string Fill(string template, IReadOnlyDictionary<string, string> values, bool escape = true) =>
        Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var value)
            ? escape ? Uri.EscapeDataString(value) : value
            : throw new InvalidOperationException($"Unknown placeholder {m.Value}."));

    private static int IdOf(IReadOnlyDictionary<string, string> values, string placeholder) =>
        int.Parse(values[placeholder], System.Globalization.CultureInfo.InvariantCulture);

    private static Func<SpPlusDbContext, IReadOnlyDictionary<string, string>, Task<string?>> CommitmentText(string placeholder) =>
        async (db, values) =>
        {
            var id = IdOf(values, placeholder);
            return await db.LocalCommitments.Where(c => c.Id == id).Select(c => c.Text).SingleAsync();
        };

    private static Func<SpPlusDbContext, IReadOnlyDictionary<string, string>, Task<string?>> CommitmentStructure(string placeholder) =>
        async (db, values) =>
        {
            var id = IdOf(values, placeholder);
            return $"structure {await db.LocalCommitments.Where(c => c.Id == id).Select(c => c.StructureId).SingleAsync()}";
        };

    private static Func<SpPlusDbContext, IReadOnlyDictionary<string, string>, Task<string?>> CommitmentCount(string structurePlaceholder) =>
        async (db, values) =>
        {
            var id = IdOf(values, structurePlaceholder);
            return $"{await db.LocalCommitments.CountAsync(c => c.StructureId == id)} commitments";
        };

    private static Func<SpPlusDbContext, IReadOnlyDictionary<string, string>, Task<string?>> CommitmentExists(string placeholder) =>
        async (db, values) =>
        {
            var id = IdOf(values, placeholder);
            return await db.LocalCommitments.AnyAsync(c => c.Id == id) ? "present" : "deleted";
        };

    private static Func<SpPlusDbContext, IReadOnlyDictionary<string, string>, Task<string?>> UserDisabled(string placeholder) =>
        async (db, values) =>
        {
            var id = values[placeholder];
            return await db.Users.Where(u => u.Id == id).Select(u => u.IsDisabled ? "disabled" : "active").SingleAsync();
        };

    private static Func<SpPlusDbContext, IReadOnlyDictionary<string, string>, Task<string?>> StructureName(string placeholder) =>
        async (db, values) =>
        {
            var id = IdOf(values, placeholder);
            return await db.Structures.Where(s => s.Id == id).Select(s => s.Name).SingleAsync();
        };

    /// <summary>The fields of a manual experience for the structure of <paramref name="structurePlaceholder"/>, named after the cell.</summary>
    private static Dictionary<string, string> ExperienceFields(string structurePlaceholder) => new()
    {
        ["StructureId"] = $"{{{structurePlaceholder}}}",
        ["Title"] = "Accueil {marker}",
        ["Description"] = "Accueil aimable et rapide.",
        ["PublishedOn"] = "2026-01-05",
    };

    private static Func<SpPlusDbContext, IReadOnlyDictionary<string, string>, Task<string?>> ExperienceCount(string structurePlaceholder) =>
        async (db, values) =>
        {
            var id = IdOf(values, structurePlaceholder);
            return $"{await db.Experiences.CountAsync(e => e.StructureId == id)} experiences";
        };

    private static Func<SpPlusDbContext, IReadOnlyDictionary<string, string>, Task<string?>> ExperienceComments(string placeholder) =>
        async (db, values) =>
        {
            var id = IdOf(values, placeholder);
            return $"{await db.ExperienceComments.CountAsync(c => c.ExperienceId == id)} comments";
        };

    private static Func<SpPlusDbContext, IReadOnlyDictionary<string, string>, Task<string?>> ExperienceAssignee(string placeholder) =>
        async (db, values) =>
        {
            var id = IdOf(values, placeholder);
            return $"assignee {await db.Experiences.Where(e => e.Id == id).Select(e => e.AssigneeUserId).SingleAsync()}";
        };

    private static Func<SpPlusDbContext, IReadOnlyDictionary<string, string>, Task<string?>> ExperienceStructure(string placeholder) =>
        async (db, values) =>
        {
            var id = IdOf(values, placeholder);
            return $"structure {await db.Experiences.Where(e => e.Id == id).Select(e => e.StructureId).SingleAsync()}";
        };

    /// <summary>The fields of a document report for the structure of <paramref name="structurePlaceholder"/>, named after the cell.</summary>
    private static Dictionary<string, string> DocumentFields(string structurePlaceholder) => new()
    {
        ["StructureId"] = $"{{{structurePlaceholder}}}",
        ["DocumentName"] = "Formulaire {marker}",
        ["Kind"] = "Form",
        ["ReceivedOn"] = "2026-01-05",
        ["Difficulty"] = "Les rubriques ne sont pas expliquées.",
    };

    private static Func<SpPlusDbContext, IReadOnlyDictionary<string, string>, Task<string?>> DocumentCount(string structurePlaceholder) =>
        async (db, values) =>
        {
            var id = IdOf(values, structurePlaceholder);
            return $"{await db.DocumentReports.CountAsync(r => r.StructureId == id)} document reports";
        };

    private static Func<SpPlusDbContext, IReadOnlyDictionary<string, string>, Task<string?>> DocumentNotes(string placeholder) =>
        async (db, values) =>
        {
            var id = IdOf(values, placeholder);
            return $"{await db.DocumentReportNotes.CountAsync(n => n.DocumentReportId == id)} notes";
        };

    private static Func<SpPlusDbContext, IReadOnlyDictionary<string, string>, Task<string?>> SettingValue(string key) =>
        async (db, _) => await db.Settings.Where(s => s.Key == key).Select(s => s.Value).SingleOrDefaultAsync() ?? "absent";

    /// <summary>An experience of structure A (own) or B (other) for the answer rows; with a draft answer for "newOwnAnswer"/"newOtherAnswer" (the answer's id).</summary>
    private Task<string> CreateAnswerFixtureAsync(string placeholder) => factory.WithDbAsync(async db =>
    {
        var slug = placeholder is "answerOwnExperience" or "newOwnAnswer" ? OwnSlug : OtherSlug;
        var structureId = await db.Structures.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync();
        var experience = new Experience
        {
            Source = ExperienceSource.Manual,
            StructureId = structureId,
            Title = "Avis créé pour la matrice d'autorisations",
            PublishedOn = new DateOnly(2026, 1, 5),
            CreatedAtUtc = DateTime.UtcNow,
        };
        db.Experiences.Add(experience);
        await db.SaveChangesAsync();
        if (placeholder.StartsWith("answer", StringComparison.Ordinal))
        {
            return $"{experience.Id}";
        }

        var answer = new ExperienceAnswer
        {
            ExperienceId = experience.Id,
            StructureId = structureId,
            Text = "Bonjour, brouillon de la matrice.",
            CreatedAtUtc = DateTime.UtcNow,
            UpdatedAtUtc = DateTime.UtcNow,
        };
        db.ExperienceAnswers.Add(answer);
        await db.SaveChangesAsync();
        return $"{answer.Id}";
    });

    private static Func<SpPlusDbContext, IReadOnlyDictionary<string, string>, Task<string?>> AnswerCount(string experiencePlaceholder) =>
        async (db, values) =>
        {
            var id = IdOf(values, experiencePlaceholder);
            return $"{await db.ExperienceAnswers.CountAsync(a => a.ExperienceId == id)} answers";
        };

    private static Func<SpPlusDbContext, IReadOnlyDictionary<string, string>, Task<string?>> AnswerText(string placeholder) =>
        async (db, values) =>
        {
            var id = IdOf(values, placeholder);
            return await db.ExperienceAnswers.Where(a => a.Id == id).Select(a => a.Text).SingleAsync();
        };

    private static Func<SpPlusDbContext, IReadOnlyDictionary<string, string>, Task<string?>> AnswerTemplateCount() =>
        async (db, _) => $"{await db.AnswerTemplates.CountAsync()} templates";

    private static Func<SpPlusDbContext, IReadOnlyDictionary<string, string>, Task<string?>> MeetingCount() =>
        async (db, _) => $"{await db.Meetings.CountAsync()} meetings";

    private static Func<SpPlusDbContext, IReadOnlyDictionary<string, string>, Task<string?>> MeetingPlace(string placeholder) =>
        async (db, values) =>
        {
            var id = IdOf(values, placeholder);
            return await db.Meetings.Where(m => m.Id == id).Select(m => m.Place).SingleAsync();
        };

    private static Func<SpPlusDbContext, IReadOnlyDictionary<string, string>, Task<string?>> MeetingExists(string placeholder) =>
        async (db, values) =>
        {
            var id = IdOf(values, placeholder);
            return await db.Meetings.AnyAsync(m => m.Id == id) ? "present" : "deleted";
        };

    private static Row Get(string url, IReadOnlyDictionary<Who, Outcome> expected) => new("GET", url, expected);

    private static Row Post(string url, IReadOnlyDictionary<Who, Outcome> expected) => new("POST", url, expected);

    /// <summary>The expected outcomes, one per column: anonymous, administrator, referent, COPIL, CLAC, correspondent of structure A.</summary>
    private static Dictionary<Who, Outcome> E(Outcome anonymous, Outcome administrator, Outcome referent, Outcome copil, Outcome clac, Outcome correspondent) => new()
    {
        [Who.Anonymous] = anonymous,
        [Who.Administrator] = administrator,
        [Who.Referent] = referent,
        [Who.Copil] = copil,
        [Who.Clac] = clac,
        [Who.Correspondent] = correspondent,
    };

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();

    /// <summary>One endpoint: its method and address template, and what each role must get.</summary>
    public sealed record Row(string Method, string Url, IReadOnlyDictionary<Who, Outcome> Expected)
    {
        /// <summary>For a POST: the page whose form supplies the fields (default: <see cref="Url"/> itself), opened by <see cref="FormViewer"/>.</summary>
        public string? FormFrom { get; init; }

        public Who FormViewer { get; init; } = Who.Referent;

        /// <summary>For a POST: fields to change in the form; "{marker}" becomes a value unique to the cell.</summary>
        public Dictionary<string, string>? Fields { get; init; }

        /// <summary>For a POST: reads the state the post would change, compared before and after.</summary>
        public Func<SpPlusDbContext, IReadOnlyDictionary<string, string>, Task<string?>>? Probe { get; init; }
    }
}
