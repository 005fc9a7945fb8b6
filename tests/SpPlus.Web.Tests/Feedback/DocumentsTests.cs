using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.ActionPlans;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Feedback;
using SpPlus.Web.Tests.Infrastructure;

namespace SpPlus.Web.Tests.Feedback;

/// <summary>
/// Documents hard to understand over HTTP: registration through the real form (errors keep what was typed), the
/// structure scope for reading and writing, the dated notes that move the status, and the concurrency check.
/// </summary>
public sealed class DocumentsTests(SpPlusFactory factory) : IClassFixture<SpPlusFactory>
{
    private const string Index = "/Feedback/Documents";

    private static string Email(string account) => $"{account}@{DemoDataSeeder.EmailDomain}";

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private Task<int> AddReportAsync(string slug, string name, DocumentReportStatus status = DocumentReportStatus.New) =>
        factory.WithDbAsync(async db =>
        {
            var structureId = await db.Structures.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync();
            var report = new DocumentReport
            {
                StructureId = structureId,
                DocumentName = name,
                Kind = DocumentKind.Form,
                ReceivedOn = new DateOnly(2026, 1, 12),
                Difficulty = "Les cases à cocher ne disent pas quand elles s'appliquent.",
                Status = status,
                CreatedAtUtc = DateTime.UtcNow,
                CreatedByUserId = "seed",
            };
            db.DocumentReports.Add(report);
            await db.SaveChangesAsync();
            return report.Id;
        });

    private Task<DocumentReport> ReportAsync(int id) =>
        factory.WithDbAsync(db => db.DocumentReports.AsNoTracking().Include(r => r.Notes).SingleAsync(r => r.Id == id));

    [Fact]
    public async Task A_correspondent_registers_a_report_for_their_structure_and_an_error_keeps_what_was_typed()
    {
        var client = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail("sgcd-aube"));
        var sgcd = await factory.StructureIdAsync("sgcd-aube");
        var list = await client.GetPageAsync(Index);
        Assert.Contains("Signaler un document", list.Text);

        var create = await client.GetPageAsync($"{Index}/Create");
        Assert.Equal("Signaler un document difficile à comprendre", create.H1);
        var form = create.FormPostingTo($"{Index}/Create");
        // Only their structure is offered, already chosen; the three kinds are radios.
        Assert.Equal([Id(sgcd)], form.QuerySelectorAll("select[name=StructureId] option").Select(o => o.GetAttribute("value")).Where(v => !string.IsNullOrEmpty(v)));
        Assert.Equal(["Letter", "Email", "Form"], form.QuerySelectorAll("input[type=radio][name=Kind]").Select(r => r.GetAttribute("value")));

        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var refused = await HtmlPage.ReadAsync(await client.SubmitFormAsync(create, form, new Dictionary<string, string>
        {
            ["DocumentName"] = "Avis de passage du contrôleur",
            ["Kind"] = "Letter",
            ["ReceivedOn"] = tomorrow,
            ["Difficulty"] = "",
            ["Suggestion"] = "Dire en une phrase ce qu'il faut faire.",
        }));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(
            [DocumentReportService.ReceivedOnFutureMessage, DocumentReportService.DifficultyRequiredMessage],
            refused.ErrorMessages());
        Assert.Equal("Avis de passage du contrôleur", refused.Document.QuerySelector<IHtmlInputElement>("input[name=DocumentName]")!.Value);
        Assert.Equal("Dire en une phrase ce qu'il faut faire.", refused.Document.QuerySelector<IHtmlTextAreaElement>("textarea[name=Suggestion]")!.Value);
        Assert.True(refused.Document.QuerySelector<IHtmlInputElement>("input[name=Kind][value=Letter]")!.IsChecked);
        Assert.Equal(0, await factory.WithDbAsync(db => db.DocumentReports.CountAsync(r => r.DocumentName == "Avis de passage du contrôleur")));

        var saved = await client.FollowRedirectsAsync(await client.SubmitFormAsync(refused, refused.FormPostingTo($"{Index}/Create"), new Dictionary<string, string>
        {
            ["ReceivedOn"] = "2026-01-05",
            ["Difficulty"] = "L'usager n'a pas compris s'il devait être présent.",
        }));

        Assert.Equal("Document signalé : Avis de passage du contrôleur", saved.H1);
        Assert.Contains("Le signalement du document « Avis de passage du contrôleur » a été enregistré.", saved.Text);
        Assert.Contains("Nouveau", saved.Text);
        Assert.Contains("05/01/2026", saved.Text);
        var report = await factory.WithDbAsync(db => db.DocumentReports.SingleAsync(r => r.DocumentName == "Avis de passage du contrôleur"));
        Assert.Equal((sgcd, DocumentKind.Letter, DocumentReportStatus.New), (report.StructureId, report.Kind, report.Status));
        Assert.Contains("Avis de passage du contrôleur", (await client.GetPageAsync(Index)).Text);
    }

    [Fact]
    public async Task A_correspondent_cannot_register_a_report_for_another_structure()
    {
        var client = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail("sgcd-aube"));
        var ddt = await factory.StructureIdAsync("ddt-aube");
        var create = await client.GetPageAsync($"{Index}/Create");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{Index}/Create?structureId={Id(ddt)}")).StatusCode);
        var post = await client.SubmitFormAsync(create, create.FormPostingTo($"{Index}/Create"), new Dictionary<string, string>
        {
            ["StructureId"] = Id(ddt),
            ["DocumentName"] = "Formulaire détourné",
            ["Kind"] = "Form",
            ["ReceivedOn"] = "2026-01-05",
            ["Difficulty"] = "Trop long.",
        });

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.DocumentReports.CountAsync(r => r.DocumentName == "Formulaire détourné")));
    }

    [Fact]
    public async Task Correspondents_read_their_structures_reports_and_every_other_role_reads_them_all()
    {
        var own = await AddReportAsync("ddetspp-aube", "Formulaire de la DDETSPP");
        var other = await AddReportAsync("prefecture-aube", "Courrier de la préfecture");
        var correspondent = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail("ddetspp-aube"));

        var mine = await correspondent.GetPageAsync(Index);
        Assert.Contains("Formulaire de la DDETSPP", mine.Text);
        Assert.DoesNotContain("Courrier de la préfecture", mine.Text);
        Assert.DoesNotContain("Courrier de la préfecture", (await correspondent.GetPageAsync($"{Index}?structureId=")).Text);
        Assert.Equal(HttpStatusCode.OK, (await correspondent.GetAsync($"{Index}/Details/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await correspondent.GetAsync($"{Index}/Details/{other}")).StatusCode);

        foreach (var account in new[] { "clac", "copil", "admin" })
        {
            var reader = await factory.SignInAsync(Email(account));
            var list = await reader.GetPageAsync(Index);
            Assert.Contains("Formulaire de la DDETSPP", list.Text);
            Assert.Contains("Courrier de la préfecture", list.Text);
            Assert.DoesNotContain("Signaler un document", list.Text);
            var details = await reader.GetPageAsync($"{Index}/Details/{other}");
            Assert.Equal(HttpStatusCode.OK, details.StatusCode);
            Assert.Empty(details.Document.QuerySelectorAll($"form[action$='/Note/{other}']"));
        }
    }

    [Fact]
    public async Task The_list_filters_by_status_and_kind_and_pages_by_25_with_a_fixed_number_of_queries()
    {
        for (var i = 0; i < 26; i++)
        {
            await AddReportAsync("sous-prefecture-bar-sur-aube", $"Liste {i:00}", i % 2 == 0 ? DocumentReportStatus.Dropped : DocumentReportStatus.InProgress);
        }

        var client = await factory.SignInAsync(Email("referent"));
        var bar = Id(await factory.StructureIdAsync("sous-prefecture-bar-sur-aube"));

        var first = await client.GetPageAsync($"{Index}?structureId={bar}");
        var dropped = await client.GetPageAsync($"{Index}?structureId={bar}&status=Dropped&kind=Form");
        var letters = await client.GetPageAsync($"{Index}?structureId={bar}&kind=Letter");

        Assert.Equal(25, first.Document.QuerySelectorAll("tbody tr").Length);
        Assert.NotNull(first.Document.QuerySelector("nav.fr-pagination"));
        Assert.Equal(13, dropped.Document.QuerySelectorAll("tbody tr").Length);
        Assert.All(dropped.Document.QuerySelectorAll("tbody tr"), r => Assert.Contains("Sans suite", r.TextContent, StringComparison.Ordinal));
        Assert.Empty(letters.Document.QuerySelectorAll("tbody tr"));
        Assert.Contains("Aucun document signalé ne correspond à ces critères.", letters.Text);

        factory.Commands.Reset();
        await client.GetAsync($"{Index}?structureId=");
        var few = factory.Commands.Count;
        for (var i = 0; i < 10; i++)
        {
            await AddReportAsync("ddt-aube", $"Encore {i}");
        }

        factory.Commands.Reset();
        await client.GetAsync($"{Index}?structureId=");
        Assert.Equal(few, factory.Commands.Count);
        Assert.True(few <= 12, $"{few} commands");
    }

    [Fact]
    public async Task A_note_sets_the_status_and_a_note_on_a_stale_page_comes_back_with_the_typed_text()
    {
        var id = await AddReportAsync("sous-prefecture-nogent-sur-seine", "Courriel de confirmation de rendez-vous");
        var correspondent = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail("sous-prefecture-nogent-sur-seine"));
        var referent = await factory.SignInAsync(Email("referent"));
        var seenByCorrespondent = await correspondent.GetPageAsync($"{Index}/Details/{id}");
        var seenByReferent = await referent.GetPageAsync($"{Index}/Details/{id}");
        Assert.Contains("Aucune note pour le moment.", seenByReferent.Text);

        var first = await referent.FollowRedirectsAsync(await referent.SubmitFormAsync(seenByReferent, seenByReferent.FormPostingTo($"{Index}/Note/{id}"),
            new Dictionary<string, string> { ["Note.Text"] = "Transmis au service des étrangers.", ["Note.Status"] = "InProgress" }));

        Assert.Contains("La note a été ajoutée au suivi.", first.Text);
        var row = first.Document.QuerySelector("tbody tr")!;
        Assert.Contains("Romain Référent", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Transmis au service des étrangers.", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("En cours", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(DocumentReportStatus.InProgress, (await ReportAsync(id)).Status);

        // The correspondent's page was opened before that note: their note is refused, kept, and can be sent again.
        var conflict = await HtmlPage.ReadAsync(await correspondent.SubmitFormAsync(seenByCorrespondent, seenByCorrespondent.FormPostingTo($"{Index}/Note/{id}"),
            new Dictionary<string, string> { ["Note.Text"] = "Nouvelle version en ligne.", ["Note.Status"] = "Simplified" }));

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains(DocumentReportService.ConflictMessage, conflict.ErrorMessages());
        Assert.Equal("Nouvelle version en ligne.", conflict.Document.QuerySelector<IHtmlTextAreaElement>("textarea[name='Note.Text']")!.Value);
        Assert.True(conflict.Document.QuerySelector<IHtmlInputElement>("input[name='Note.Status'][value=Simplified]")!.IsChecked);
        Assert.Contains("Transmis au service des étrangers.", conflict.Text);
        var afterConflict = await ReportAsync(id);
        Assert.Equal(DocumentReportStatus.InProgress, afterConflict.Status);
        Assert.Single(afterConflict.Notes);

        var again = await correspondent.FollowRedirectsAsync(await correspondent.SubmitFormAsync(conflict, conflict.FormPostingTo($"{Index}/Note/{id}")));
        Assert.Contains("La note a été ajoutée au suivi.", again.Text);
        var final = await ReportAsync(id);
        Assert.Equal(DocumentReportStatus.Simplified, final.Status);
        Assert.Equal(2, final.Notes.Count);
    }

    [Fact]
    public async Task An_empty_note_is_refused_in_french_and_the_improvement_action_is_shown_when_set()
    {
        var id = await AddReportAsync("prefecture-aube", "Formulaire de réclamation");
        // A real action, in a plan of a year no other test uses, that the report points to.
        var actionId = await factory.WithDbAsync(async db =>
        {
            var structureId = await db.Structures.Where(s => s.Slug == "prefecture-aube").Select(s => s.Id).SingleAsync();
            var plan = new ActionPlan { StructureId = structureId, Year = 2035, CreatedAtUtc = DateTime.UtcNow };
            var action = new ImprovementAction { Plan = plan, Title = "Réécrire le formulaire de réclamation", CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow };
            db.ImprovementActions.Add(action);
            await db.SaveChangesAsync();
            await db.DocumentReports.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ImprovementActionId, action.Id));
            return action.Id;
        });
        var client = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail("prefecture-aube"));
        var page = await client.GetPageAsync($"{Index}/Details/{id}");
        var link = page.Document.QuerySelector("#action-amelioration");
        Assert.NotNull(link);
        Assert.Equal("Réécrire le formulaire de réclamation", link.TextContent.Trim());
        Assert.Equal($"/ActionPlans/Actions/Details/{actionId}", link.GetAttribute("href"));

        var refused = await HtmlPage.ReadAsync(await client.SubmitFormAsync(page, page.FormPostingTo($"{Index}/Note/{id}"),
            new Dictionary<string, string> { ["Note.Text"] = "   ", ["Note.Status"] = "Dropped" }));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(DocumentReportService.NoteRequiredMessage, refused.ErrorMessages());
        Assert.True(refused.Document.QuerySelector<IHtmlInputElement>("input[name='Note.Status'][value=Dropped]")!.IsChecked);
        Assert.Equal(DocumentReportStatus.New, (await ReportAsync(id)).Status);
    }
}
