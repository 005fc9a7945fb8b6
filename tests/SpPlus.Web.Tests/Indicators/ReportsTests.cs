using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Common;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Indicators;
using SpPlus.Core.Reviews;
using SpPlus.Web.Tests.Infrastructure;

namespace SpPlus.Web.Tests.Indicators;

/// <summary>
/// Quarterly reports over HTTP, on the demo data (four past quarters in mixed states): entry through the real form,
/// the review workflow, publication of several reports, and who may read or write what.
/// </summary>
public sealed class ReportsTests(SpPlusFactory factory) : IClassFixture<SpPlusFactory>
{
    private static readonly Quarter Current = Quarter.Containing(DateOnly.FromDateTime(DateTime.UtcNow));
    private static readonly Quarter Latest = Current.Previous;

    private static string Email(string account) => $"{account}@{DemoDataSeeder.EmailDomain}";

    [Fact]
    public async Task A_correspondent_opens_a_quarter_fills_it_through_the_form_and_submits_it()
    {
        var client = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail("ddt-aube"));
        var ddt = await factory.StructureIdAsync("ddt-aube");

        // Open the current quarter from the list page.
        var index = await client.GetPageAsync("/Indicators/Reports");
        Assert.Equal("Résultats trimestriels", index.H1);
        var openForm = index.FormPostingTo("/Indicators/Reports/Open");
        var structureOptions = openForm.QuerySelectorAll("select[name='open.OpenStructureId'] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal([ddt.ToString(System.Globalization.CultureInfo.InvariantCulture)], structureOptions.Where(v => !string.IsNullOrEmpty(v)));
        var opened = await client.SubmitFormAsync(index, openForm, new Dictionary<string, string>
        {
            ["open.OpenStructureId"] = ddt.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["open.OpenQuarter"] = Current.ToSlug(),
        });
        var edit = await client.FollowRedirectsAsync(opened);
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal($"Saisir les résultats du {Current} — DDT de l'Aube", edit.H1);
        var reportId = await factory.WithDbAsync(db => db.QuarterlyReports
            .Where(r => r.StructureId == ddt && r.Year == Current.Year && r.QuarterNumber == Current.Number).Select(r => r.Id).SingleAsync());
        Assert.EndsWith($"/Indicators/Reports/Edit/{reportId}", edit.Url.AbsolutePath);

        // Computed indicators are shown, not editable.
        Assert.Contains("Taux de réponse aux avis Services Publics + : calculé automatiquement", edit.Text);
        var kinds = await factory.WithDbAsync(db => db.Indicators.ToDictionaryAsync(i => i.Id, i => i.Kind));
        var computed = await factory.WithDbAsync(db => db.Indicators.Where(i => i.Source == IndicatorSource.ComputedFromFeedback).Select(i => i.Id).ToListAsync());
        var form = edit.FormWithField("Rows[0].IndicatorId");
        var rowIds = form.QuerySelectorAll<IHtmlInputElement>("input[name$='.IndicatorId']").Select(i => (i.Name!, int.Parse(i.Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.NotEmpty(rowIds);
        Assert.DoesNotContain(rowIds, r => computed.Contains(r.Item2));

        // A numerator above its denominator: the form comes back with the input and the error by the row; nothing saved.
        var wrong = Fill(rowIds, kinds, numerator: "250");
        var refused = await HtmlPage.ReadAsync(await client.SubmitFormAsync(edit, form, wrong));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Taux de décroché (par un agent) : Le numérateur ne peut pas dépasser le dénominateur.", refused.ErrorMessages());
        Assert.Equal("250", refused.Document.QuerySelector<IHtmlInputElement>("input[name='Rows[0].Numerator']")!.Value);
        Assert.Equal(0, await factory.WithDbAsync(db => db.IndicatorValues.CountAsync(v => v.ReportId == reportId && !computed.Contains(v.IndicatorId))));

        // The two computed indicators were filled from the Feedback area when the quarter was opened.
        Assert.Equal(computed.Order(), await factory.WithDbAsync(db => db.IndicatorValues.Where(v => v.ReportId == reportId && computed.Contains(v.IndicatorId))
            .Select(v => v.IndicatorId).OrderBy(i => i).ToListAsync()));

        // Valid figures: saved, and the computed value is shown beside the target.
        var saved = await client.FollowRedirectsAsync(await client.SubmitFormAsync(edit, form, Fill(rowIds, kinds, numerator: "175")));
        Assert.Contains("Les valeurs ont été enregistrées.", saved.Text);
        Assert.Contains("87,5 %", saved.Text);
        var details = await client.GetPageAsync($"/Indicators/Reports/Details/{reportId}");
        var decroche = details.Document.QuerySelectorAll("tbody tr").First(r => r.TextContent.Contains("Taux de décroché", StringComparison.Ordinal));
        Assert.Contains("87,5 %", decroche.TextContent);
        Assert.Contains("au moins 85 %", decroche.TextContent);
        Assert.Contains("Atteint", decroche.TextContent);

        // Submit through the review panel.
        var submitted = await client.FollowRedirectsAsync(await client.SubmitFormAsync(details, ReviewForm(details, ReviewAction.Submit)));
        Assert.Contains("Les résultats ont été soumis au référent.", submitted.Text);
        Assert.Equal(ReviewState.Submitted, await StateAsync(reportId));
        Assert.Contains("Soumis", submitted.Document.QuerySelector("section[aria-labelledby^='relecture'] table")!.TextContent);

        // A submitted report is no longer editable, by GET or by POST.
        var editAgain = await client.GetAsync($"/Indicators/Reports/Edit/{reportId}");
        Assert.True(HttpClientExtensions.IsRedirect(editAgain.StatusCode));
        Assert.EndsWith($"/Indicators/Reports/Details/{reportId}", HttpClientExtensions.RedirectTarget(editAgain).AbsolutePath);
        var locked = await client.FollowRedirectsAsync(editAgain);
        Assert.Contains("Les résultats soumis ne sont plus modifiables.", locked.Text);
        var post = await client.SubmitFormAsync(edit, form, Fill(rowIds, kinds, numerator: "1"));
        Assert.True(HttpClientExtensions.IsRedirect(post.StatusCode));
        Assert.Equal(175, await factory.WithDbAsync(db => db.IndicatorValues
            .Where(v => v.ReportId == reportId && v.Indicator!.Code == "TAUX-DECROCHE").Select(v => v.Numerator).SingleAsync()));
    }

    [Fact]
    public async Task A_correspondent_of_another_structure_can_neither_read_nor_change_a_draft()
    {
        var reportId = await DemoReportAsync("prefecture-aube", Latest);
        Assert.Equal(ReviewState.Draft, await StateAsync(reportId));
        var before = await SnapshotAsync(reportId);
        var client = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail("ddt-aube"));
        var token = HtmlPage.AntiforgeryToken((await client.GetPageAsync("/Indicators/Reports")).FormPostingTo("/Indicators/Reports/Open"))!;
        var reportToken = await factory.WithDbAsync(db => db.QuarterlyReports.Where(r => r.Id == reportId).Select(r => r.ConcurrencyToken).SingleAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Indicators/Reports/Details/{reportId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Indicators/Reports/Edit/{reportId}")).StatusCode);
        var edit = await client.PostAsync($"/Indicators/Reports/Edit/{reportId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Token"] = reportToken.ToString(),
            ["Rows[0].IndicatorId"] = before.Values[0].IndicatorId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Rows[0].Numerator"] = "1",
            ["Rows[0].Denominator"] = "1",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        var review = await client.PostAsync($"/Indicators/Reports/Review/{reportId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["ReviewAction"] = "Submit",
            ["Token"] = reportToken.ToString(),
        }));
        Assert.Equal(HttpStatusCode.Forbidden, review.StatusCode);

        Assert.Equal(before, await SnapshotAsync(reportId));
    }

    [Theory]
    [InlineData("clac", 0, HttpStatusCode.Forbidden)]
    [InlineData("clac", 1, HttpStatusCode.Forbidden)]
    [InlineData("clac", 2, HttpStatusCode.Forbidden)]
    [InlineData("clac", 3, HttpStatusCode.OK)]
    [InlineData("copil", 0, HttpStatusCode.Forbidden)]
    [InlineData("copil", 1, HttpStatusCode.Forbidden)]
    [InlineData("copil", 2, HttpStatusCode.OK)]
    [InlineData("correspondant.ddt-aube", 3, HttpStatusCode.OK)]
    [InlineData("admin", 0, HttpStatusCode.OK)]
    [InlineData("referent", 0, HttpStatusCode.OK)]
    public async Task Readers_see_a_report_according_to_its_state(string account, int which, HttpStatusCode expected)
    {
        // The demo: the préfecture's latest quarter is a draft, the Nogent one submitted, the préfecture's quarter
        // before approved, and the oldest quarter published.
        var (slug, quarter) = which switch
        {
            0 => ("prefecture-aube", Latest),
            1 => ("sous-prefecture-nogent-sur-seine", Latest.Previous),
            2 => ("sgcd-aube", Latest.Previous),
            _ => ("prefecture-aube", Latest.Previous.Previous.Previous),
        };
        var reportId = await DemoReportAsync(slug, quarter);
        var client = await factory.SignInAsync(Email(account));

        var response = await client.GetAsync($"/Indicators/Reports/Details/{reportId}");

        Assert.Equal(expected, response.StatusCode);
        var list = await client.GetPageAsync("/Indicators/Reports?structureId=&quarter=" + quarter.ToSlug());
        Assert.Equal(expected == HttpStatusCode.OK, list.Document.QuerySelectorAll("tbody a").Any(a => a.GetAttribute("href")!.EndsWith($"/Details/{reportId}", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_referent_returns_a_report_only_with_a_comment()
    {
        var reportId = await DemoReportAsync("sous-prefecture-nogent-sur-seine", Latest);
        Assert.Equal(ReviewState.Submitted, await StateAsync(reportId));
        var client = await factory.SignInAsync(Email("referent"));
        var details = await client.GetPageAsync($"/Indicators/Reports/Details/{reportId}");
        Assert.Equal(["Approve", "Return"], ReviewActions(details));

        var empty = await client.FollowRedirectsAsync(await client.SubmitFormAsync(details, ReviewForm(details, ReviewAction.Return),
            new Dictionary<string, string> { ["Comment"] = "  " }));

        Assert.Contains("Indiquez un commentaire expliquant ce qui doit être corrigé.", empty.Text);
        Assert.Equal(ReviewState.Submitted, await StateAsync(reportId));

        var returned = await client.FollowRedirectsAsync(await client.SubmitFormAsync(empty, ReviewForm(empty, ReviewAction.Return),
            new Dictionary<string, string> { ["Comment"] = "Merci de vérifier le nombre d'appels." }));

        Assert.Contains("Les résultats ont été renvoyés au correspondant pour correction.", returned.Text);
        Assert.Equal(ReviewState.Draft, await StateAsync(reportId));
        Assert.Contains("Merci de vérifier le nombre d'appels.", returned.Text);
        Assert.Contains("Renvoyé pour correction", returned.Text);

        // The correspondent finds it on "Mon espace", to correct.
        var correspondent = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail("sous-prefecture-nogent-sur-seine"));
        var home = await correspondent.GetPageAsync("/");
        Assert.Contains($"Résultats du {Latest} à corriger", home.Text);
    }

    [Fact]
    public async Task The_referent_publishes_the_approved_reports_of_a_quarter_together()
    {
        var quarter = Latest.Previous;
        var approved = await factory.WithDbAsync(db => db.QuarterlyReports
            .Where(r => r.Year == quarter.Year && r.QuarterNumber == quarter.Number && r.State == ReviewState.Approved)
            .Select(r => r.Id).OrderBy(id => id).ToListAsync());
        Assert.True(approved.Count >= 2, "The demo has at least two approved reports in that quarter.");
        var client = await factory.SignInAsync(Email("referent"));

        var page = await client.GetPageAsync($"/Indicators/Reports/Batch?operation=Publish&quarter={quarter.ToSlug()}");
        Assert.Equal("Traitement groupé des résultats trimestriels", page.H1);
        var form = page.FormWithField("Selected");
        Assert.Contains("Publier la sélection", form.TextContent);
        var boxes = form.QuerySelectorAll<IHtmlInputElement>("input[name=Selected]").Select(b => int.Parse(b.Value, System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(approved, boxes);

        var published = await client.FollowRedirectsAsync(await client.SubmitFormAsync(page, form));

        Assert.Contains($"{approved.Count} résultats trimestriels ont été publiés.", published.Text);
        var reports = await factory.WithDbAsync(db => db.QuarterlyReports.Where(r => approved.Contains(r.Id)).ToListAsync());
        Assert.All(reports, r => Assert.Equal(ReviewState.Published, r.State));
        Assert.All(reports, r => Assert.NotNull(r.PublishedAtUtc));
        Assert.Contains($"Aucun résultat approuvé n'attend d'être publié pour le trimestre {quarter}.", published.Text);
    }

    [Fact]
    public async Task Publication_is_for_the_referent_only()
    {
        var client = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail("prefecture-aube"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Indicators/Reports/Publish")).StatusCode);
        var anonymous = factory.CreateBrowserClient();
        Assert.True((await anonymous.GetAsync("/Indicators/Reports")).RedirectsToLogin());
    }

    private static Dictionary<string, string> Fill(IEnumerable<(string Name, int IndicatorId)> rows, IReadOnlyDictionary<int, IndicatorKind> kinds, string numerator)
    {
        var values = new Dictionary<string, string>();
        foreach (var (name, indicatorId) in rows)
        {
            var prefix = name[..name.LastIndexOf('.')];
            switch (kinds[indicatorId])
            {
                case IndicatorKind.Ratio:
                    values[$"{prefix}.Numerator"] = numerator;
                    values[$"{prefix}.Denominator"] = "200";
                    break;
                case IndicatorKind.Average:
                    values[$"{prefix}.Value"] = "12,5";
                    values[$"{prefix}.Count"] = "40";
                    break;
                default:
                    values[$"{prefix}.Value"] = "30";
                    break;
            }
        }

        return values;
    }

    private static IHtmlFormElement ReviewForm(HtmlPage page, ReviewAction action) =>
        page.Document.QuerySelectorAll<IHtmlFormElement>("form")
            .FirstOrDefault(f => f.QuerySelector<IHtmlInputElement>("input[name=ReviewAction]")?.Value == action.ToString())
        ?? throw new InvalidOperationException($"No form for {action} on {page.Url}.");

    private static List<string> ReviewActions(HtmlPage page) =>
        page.Document.QuerySelectorAll<IHtmlInputElement>("input[name=ReviewAction]").Select(i => i.Value).ToList();

    private Task<int> DemoReportAsync(string slug, Quarter quarter) => factory.WithDbAsync(db => db.QuarterlyReports
        .Where(r => r.Structure!.Slug == slug && r.Year == quarter.Year && r.QuarterNumber == quarter.Number)
        .Select(r => r.Id).SingleAsync());

    private Task<ReviewState> StateAsync(int reportId) =>
        factory.WithDbAsync(db => db.QuarterlyReports.Where(r => r.Id == reportId).Select(r => r.State).SingleAsync());

    private sealed record Snapshot(ReviewState State, Guid Token, int Events, IReadOnlyList<ValueSnapshot> Values)
    {
        public bool Equals(Snapshot? other) =>
            other is not null && State == other.State && Token == other.Token && Events == other.Events && Values.SequenceEqual(other.Values);

        public override int GetHashCode() => HashCode.Combine(State, Token, Events);
    }

    private sealed record ValueSnapshot(int IndicatorId, int? Numerator, int? Denominator, double? Value, int? Count);

    private Task<Snapshot> SnapshotAsync(int reportId) => factory.WithDbAsync(async db =>
    {
        var report = await db.QuarterlyReports.AsNoTracking().SingleAsync(r => r.Id == reportId);
        var events = await db.ReviewEvents.CountAsync(e => e.DocumentKind == ReviewDocumentKind.QuarterlyReport && e.DocumentId == reportId);
        var values = await db.IndicatorValues.AsNoTracking().Where(v => v.ReportId == reportId).OrderBy(v => v.IndicatorId)
            .Select(v => new ValueSnapshot(v.IndicatorId, v.Numerator, v.Denominator, v.Value, v.Count)).ToListAsync();
        return new Snapshot(report.State, report.ConcurrencyToken, events, values);
    });
}
