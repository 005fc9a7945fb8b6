using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Common;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Reviews;
using SpPlus.Web.Tests.Infrastructure;

namespace SpPlus.Web.Tests.Indicators;

/// <summary>
/// The "traitement groupé" page over HTTP, on the demo data: the referent approves (or publishes) several reports of a
/// quarter at once, all of them or none; refusals come back in French with the selection kept.
/// </summary>
public sealed class BatchReviewTests(SpPlusFactory factory) : IClassFixture<SpPlusFactory>
{
    private const string BatchPath = "/Indicators/Reports/Batch";
    private const string Referent = $"referent@{DemoDataSeeder.EmailDomain}";

    private static readonly Quarter Latest = Quarter.Containing(DateOnly.FromDateTime(DateTime.UtcNow)).Previous;

    [Fact]
    public async Task The_referent_approves_two_submitted_reports_together_and_each_history_gets_one_event()
    {
        // The demo: two structures of the quarter before the latest one are submitted.
        var quarter = Latest.Previous;
        var submitted = await IdsAsync(quarter, ReviewState.Submitted);
        Assert.Equal(2, submitted.Count);
        var eventsBefore = await EventCountsAsync(submitted);
        var client = await factory.SignInAsync(Referent);

        var page = await client.GetPageAsync($"{BatchPath}?operation=Approve&quarter={quarter.ToSlug()}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Traitement groupé des résultats trimestriels", page.H1);
        var form = page.FormWithField("Selected");
        Assert.Equal(submitted, CheckedIds(form));
        var rows = page.Document.QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Matches(@"\d{2}/\d{2}/\d{4}", r.TextContent));
        Assert.Equal(
            submitted.Select(id => $"/Indicators/Reports/Details/{id}").Order(StringComparer.Ordinal),
            rows.Select(r => r.QuerySelector("a")!.GetAttribute("href")!).Order(StringComparer.Ordinal));
        var names = await factory.WithDbAsync(db => db.QuarterlyReports.Where(r => submitted.Contains(r.Id)).Select(r => r.Structure!.Name).ToListAsync());
        Assert.Equal(names.Order(StringComparer.Ordinal), rows.Select(r => HtmlPage.Normalize(r.QuerySelector("label")!.TextContent)).Order(StringComparer.Ordinal));
        Assert.Contains("Approuver la sélection", form.TextContent);

        var approved = await client.FollowRedirectsAsync(await client.SubmitFormAsync(page, form));

        Assert.Contains("2 résultats trimestriels ont été approuvés.", approved.Text);
        Assert.All(await StatesAsync(submitted), s => Assert.Equal(ReviewState.Approved, s));
        var eventsAfter = await EventCountsAsync(submitted);
        Assert.All(submitted, id => Assert.Equal(eventsBefore[id] + 1, eventsAfter[id]));
        var last = await factory.WithDbAsync(db => db.ReviewEvents
            .Where(e => e.DocumentKind == ReviewDocumentKind.QuarterlyReport && submitted.Contains(e.DocumentId))
            .GroupBy(e => e.DocumentId)
            .Select(g => g.OrderByDescending(e => e.Id).First())
            .ToListAsync());
        Assert.All(last, e => Assert.Equal((ReviewAction.Approve, ReviewState.Submitted, ReviewState.Approved), (e.Action, e.FromState, e.ToState)));
        Assert.Single(last.Select(e => e.AtUtc).Distinct());

        // Nothing left to approve in that quarter; the two reports now wait for publication on the same page.
        Assert.Contains($"Aucun résultat soumis n'attend d'être approuvé pour le trimestre {quarter}.", approved.Text);
        var publish = await client.GetPageAsync($"{BatchPath}?operation=Publish&quarter={quarter.ToSlug()}");
        Assert.Superset(submitted.ToHashSet(), CheckedIds(publish.FormWithField("Selected")).ToHashSet());
    }

    [Fact]
    public async Task A_selection_with_a_draft_is_refused_whole_with_the_selection_kept()
    {
        // The demo: in the latest quarter, some structures are submitted and others still in draft.
        var submitted = await IdsAsync(Latest, ReviewState.Submitted);
        var draft = (await IdsAsync(Latest, ReviewState.Draft))[0];
        var draftName = await factory.WithDbAsync(db => db.QuarterlyReports.Where(r => r.Id == draft).Select(r => r.Structure!.Name).SingleAsync());
        var all = submitted.Append(draft).ToList();
        var before = await SnapshotAsync(all);
        var client = await factory.SignInAsync(Referent);
        var page = await client.GetPageAsync($"{BatchPath}?operation=Approve&quarter={Latest.ToSlug()}");
        var form = page.FormWithField("Selected");

        var refused = await HtmlPage.ReadAsync(await client.SubmitFormAsync(page, form,
            all.Select(id => new KeyValuePair<string, string>("Selected", Id(id)))));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"{draftName} ({Latest}) : L'action « Approuver » n'est pas possible sur un document à l'état « Brouillon ».", refused.ErrorMessages());
        Assert.Equal(before, await SnapshotAsync(all));
        // The submitted reports stay ticked, ready for a new try without the draft.
        Assert.Equal(submitted, CheckedIds(refused.FormWithField("Selected")));
    }

    [Fact]
    public async Task A_report_changed_since_the_page_was_shown_is_refused_and_nothing_is_approved()
    {
        var submitted = await IdsAsync(Latest, ReviewState.Submitted);
        Assert.True(submitted.Count >= 2, "The demo has at least two submitted reports in the latest quarter.");
        var client = await factory.SignInAsync(Referent);
        var page = await client.GetPageAsync($"{BatchPath}?operation=Approve&quarter={Latest.ToSlug()}");
        var form = page.FormWithField("Selected");

        // Someone else saves the first report meanwhile (returned, corrected and submitted again, for instance).
        var changed = submitted[0];
        var changedName = await factory.WithDbAsync(async db =>
        {
            var report = await db.QuarterlyReports.Include(r => r.Structure).SingleAsync(r => r.Id == changed);
            report.ConcurrencyToken = Guid.NewGuid();
            await db.SaveChangesAsync();
            return report.Structure!.Name;
        });
        var before = await SnapshotAsync(submitted);

        var refused = await HtmlPage.ReadAsync(await client.SubmitFormAsync(page, form));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal([$"{changedName} ({Latest}) : {ReviewService.ConflictMessage}"], refused.ErrorMessages());
        Assert.Equal(before, await SnapshotAsync(submitted));
        Assert.Equal(submitted, CheckedIds(refused.FormWithField("Selected")));
    }

    [Fact]
    public async Task The_batch_page_is_for_the_referent_only()
    {
        var quarter = Latest;
        var submitted = await IdsAsync(quarter, ReviewState.Submitted);
        var before = await SnapshotAsync(submitted);
        var correspondent = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail("sous-prefecture-nogent-sur-seine"));
        var correspondentToken = HtmlPage.AntiforgeryToken((await correspondent.GetPageAsync("/Indicators/Reports")).FormPostingTo("/Indicators/Reports/Open"))!;

        Assert.Equal(HttpStatusCode.Forbidden, (await correspondent.GetAsync($"{BatchPath}?operation=Approve")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await correspondent.GetAsync("/Indicators/Reports/Publish")).StatusCode);
        var post = await correspondent.PostAsync(BatchPath, new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", correspondentToken),
            new("Operation", "Approve"),
            new("Quarter", quarter.ToSlug()),
            .. submitted.Select(id => new KeyValuePair<string, string>("Selected", Id(id))),
        ]));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(before, await SnapshotAsync(submitted));
    }

    [Fact]
    public async Task The_former_publication_address_opens_the_batch_page_set_to_publish()
    {
        var client = await factory.SignInAsync(Referent);
        var quarter = Latest.Previous.Previous;

        var response = await client.GetAsync($"/Indicators/Reports/Publish?quarter={quarter.ToSlug()}");

        Assert.True(HttpClientExtensions.IsRedirect(response.StatusCode));
        var target = HttpClientExtensions.RedirectTarget(response);
        Assert.Equal(BatchPath, target.AbsolutePath);
        var page = await client.FollowRedirectsAsync(response);
        Assert.Equal("Publish", page.Document.QuerySelector<IHtmlSelectElement>("select[name=Operation]")!.Value);
        Assert.Equal(quarter.ToSlug(), page.Document.QuerySelector<IHtmlSelectElement>("select[name=Quarter]")!.Value);
    }

    [Fact]
    public async Task An_unknown_action_is_a_bad_request()
    {
        var client = await factory.SignInAsync(Referent);

        var response = await client.GetAsync($"{BatchPath}?operation=Reopen");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static List<int> CheckedIds(IHtmlFormElement form) =>
        form.QuerySelectorAll<IHtmlInputElement>("input[name=Selected]").Where(b => b.IsChecked)
            .Select(b => int.Parse(b.Value, CultureInfo.InvariantCulture)).Order().ToList();

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private Task<List<int>> IdsAsync(Quarter quarter, ReviewState state) => factory.WithDbAsync(db => db.QuarterlyReports
        .Where(r => r.Year == quarter.Year && r.QuarterNumber == quarter.Number && r.State == state)
        .Select(r => r.Id).OrderBy(id => id).ToListAsync());

    private Task<List<ReviewState>> StatesAsync(IReadOnlyCollection<int> ids) =>
        factory.WithDbAsync(db => db.QuarterlyReports.Where(r => ids.Contains(r.Id)).Select(r => r.State).ToListAsync());

    private Task<Dictionary<int, int>> EventCountsAsync(IReadOnlyCollection<int> ids) => factory.WithDbAsync(db => db.ReviewEvents
        .Where(e => e.DocumentKind == ReviewDocumentKind.QuarterlyReport && ids.Contains(e.DocumentId))
        .GroupBy(e => e.DocumentId)
        .ToDictionaryAsync(g => g.Key, g => g.Count()));

    /// <summary>State, token, publication date and number of events of each report, in id order, as text to compare.</summary>
    private Task<string> SnapshotAsync(IReadOnlyCollection<int> ids) => factory.WithDbAsync(async db =>
    {
        var reports = await db.QuarterlyReports.AsNoTracking().Where(r => ids.Contains(r.Id)).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.State, r.ConcurrencyToken, r.PublishedAtUtc, r.StateChangedAtUtc })
            .ToListAsync();
        var events = await EventCountsAsync(ids);
        return string.Join("\n", reports.Select(r => $"{r.Id} {r.State} {r.ConcurrencyToken} {r.PublishedAtUtc:O} {r.StateChangedAtUtc:O} {events.GetValueOrDefault(r.Id)}"));
    });
}
