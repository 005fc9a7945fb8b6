using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.ActionPlans;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Governance;
using SpPlus.Core.Reviews;
using SpPlus.Web.Tests.Infrastructure;

namespace SpPlus.Web.Tests.Governance;

/// <summary>
/// COPIL and CLAC meetings over HTTP: recording through the real form (an error keeps what was typed), who reads
/// which meetings, the validations recorded in a meeting on its page and in the year's decisions record, deletion
/// refused while a validation refers to the meeting, and a list whose query count does not grow with its rows.
/// Each test works in a year of its own (2031 onwards) so that the shared database does not interfere.
/// </summary>
public sealed class MeetingsTests(SpPlusFactory factory) : IClassFixture<SpPlusFactory>
{
    private const string Index = "/Governance/Meetings";
    private const string Decisions = "/Governance/Decisions";

    private static string Email(string account) => $"{account}@{DemoDataSeeder.EmailDomain}";

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private Task<int> AddMeetingAsync(MeetingKind kind, DateTime heldAt, string place, params string[] decisions) =>
        factory.WithDbAsync(async db =>
        {
            var meeting = new Meeting
            {
                Kind = kind,
                HeldAt = heldAt,
                Place = place,
                CreatedAtUtc = DateTime.UtcNow,
                UpdatedAtUtc = DateTime.UtcNow,
                CreatedByUserId = "seed",
                Participants = [new MeetingParticipant { Name = "Camille Durand", Quality = "représentante des usagers" }],
                Decisions = [.. decisions.Select((d, i) => new MeetingDecision { Order = i + 1, Text = d })],
            };
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            return meeting.Id;
        });

    [Fact]
    public async Task A_copil_member_records_a_meeting_with_participants_and_decisions_and_sees_it()
    {
        var client = await factory.SignInAsync(Email("copil"));
        var referentId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == Email("referent")).Select(u => u.Id).SingleAsync());
        var list = await client.GetPageAsync(Index);
        Assert.Equal("Réunions COPIL et CLAC", list.H1);
        Assert.NotNull(list.Document.QuerySelector($"a[href='{Index}/Create']"));

        var create = await client.GetPageAsync($"{Index}/Create?kind=Copil");
        Assert.Equal(HttpStatusCode.OK, create.StatusCode);
        Assert.Equal("Nouvelle réunion", create.H1);
        var form = create.FormPostingTo($"{Index}/Create");
        Assert.Equal("Copil", form.QuerySelector("input[name=Kind]:checked")?.GetAttribute("value"));
        Assert.Equal("14:00", form.QuerySelector("input[name=Time]")?.GetAttribute("value"));
        Assert.Contains(form.QuerySelectorAll("input[type=checkbox][name=ParticipantUserIds]"), c => c.GetAttribute("value") == referentId);

        var response = await client.SubmitFormAsync(create, form, new Dictionary<string, string>
        {
            ["Date"] = "2031-03-12",
            ["Time"] = "09:30",
            ["Place"] = "Salle Marianne, préfecture",
            ["ParticipantUserIds"] = referentId,
            ["OtherParticipants"] = "Camille Durand — représentante des usagers\nLéa Bernard — DDT",
            ["Agenda"] = "Bilan du trimestre\nPlans d'action",
            ["Minutes"] = "Premier paragraphe <b>gras</b>.\nSuite du paragraphe.\n\nSecond paragraphe.",
            ["Decisions"] = "Valider le plan de la DDT\nRelancer les structures en retard",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var details = await client.FollowRedirectsAsync(response);

        Assert.Equal("COPIL du 12/03/2031", details.H1);
        Assert.Contains("12/03/2031 à 09:30", details.Text);
        Assert.Contains("Salle Marianne, préfecture", details.Text);
        var participants = details.Document.QuerySelectorAll("section[aria-labelledby=participants] li").Select(li => HtmlPage.Normalize(li.TextContent)).ToList();
        Assert.Equal(3, participants.Count);
        Assert.Contains("Camille Durand — représentante des usagers", participants);
        Assert.Contains("Léa Bernard — DDT", participants);
        Assert.Equal(
            ["Valider le plan de la DDT", "Relancer les structures en retard"],
            details.Document.QuerySelectorAll("section[aria-labelledby=decisions] ol li").Select(li => HtmlPage.Normalize(li.TextContent)));
        // The minutes keep their paragraphs and line breaks, and the user's text stays text.
        var minutes = details.Document.QuerySelectorAll("section[aria-labelledby=compte-rendu] p");
        Assert.Equal(2, minutes.Length);
        Assert.Single(minutes[0].QuerySelectorAll("br"));
        Assert.Empty(minutes[0].QuerySelectorAll("b"));
        Assert.Contains("<b>gras</b>", minutes[0].TextContent);

        var year = await client.GetPageAsync($"{Index}?year=2031");
        var row = Assert.Single(year.Document.QuerySelectorAll("tbody tr"));
        Assert.Equal(
            ["COPIL du 12/03/2031", "COPIL", "Salle Marianne, préfecture", "3", "2"],
            row.QuerySelectorAll("td").Select(td => HtmlPage.Normalize(td.TextContent)));
    }

    [Fact]
    public async Task The_form_keeps_what_was_typed_on_an_error()
    {
        var client = await factory.SignInAsync(Email("referent"));
        var copilId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == Email("copil")).Select(u => u.Id).SingleAsync());
        var before = await factory.WithDbAsync(db => db.Meetings.CountAsync());
        var create = await client.GetPageAsync($"{Index}/Create?kind=Clac");

        var response = await client.SubmitFormAsync(create, create.FormPostingTo($"{Index}/Create"), new Dictionary<string, string>
        {
            ["Date"] = "",
            ["Place"] = "",
            ["ParticipantUserIds"] = copilId,
            ["OtherParticipants"] = "Sacha Morel — association d'usagers",
            ["Minutes"] = "Compte rendu à ne pas perdre",
            ["Decisions"] = "Décision à ne pas perdre",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlPage.ReadAsync(response);
        Assert.Contains(MeetingService.DateRequiredMessage, page.ErrorMessages());
        Assert.Contains(MeetingService.PlaceRequiredMessage, page.ErrorMessages());
        var form = page.FormPostingTo($"{Index}/Create");
        Assert.Equal("Clac", form.QuerySelector("input[name=Kind]:checked")?.GetAttribute("value"));
        Assert.Equal(copilId, form.QuerySelector("input[name=ParticipantUserIds]:checked")?.GetAttribute("value"));
        Assert.Equal("Sacha Morel — association d'usagers", form.QuerySelector("textarea[name=OtherParticipants]")?.TextContent.Trim());
        Assert.Equal("Compte rendu à ne pas perdre", form.QuerySelector("textarea[name=Minutes]")?.TextContent.Trim());
        Assert.Equal("Décision à ne pas perdre", form.QuerySelector("textarea[name=Decisions]")?.TextContent.Trim());
        Assert.Equal(before, await factory.WithDbAsync(db => db.Meetings.CountAsync()));
    }

    [Fact]
    public async Task An_edit_on_a_stale_page_comes_back_with_the_conflict_message_and_the_typed_values()
    {
        var id = await AddMeetingAsync(MeetingKind.Copil, new DateTime(2035, 4, 2, 10, 0, 0), "Salle du conseil", "Décision initiale");
        var first = await factory.SignInAsync(Email("referent"));
        var second = await factory.SignInAsync(Email("copil"));
        var seenByFirst = await first.GetPageAsync($"{Index}/Edit/{id}");
        var seenBySecond = await second.GetPageAsync($"{Index}/Edit/{id}");
        Assert.Equal("Salle du conseil", seenByFirst.FormPostingTo($"{Index}/Edit/{id}").QuerySelector("input[name=Place]")?.GetAttribute("value"));

        var saved = await first.SubmitFormAsync(seenByFirst, seenByFirst.FormPostingTo($"{Index}/Edit/{id}"), new Dictionary<string, string> { ["Place"] = "Salle Voltaire" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stale = await second.SubmitFormAsync(seenBySecond, seenBySecond.FormPostingTo($"{Index}/Edit/{id}"), new Dictionary<string, string> { ["Place"] = "Salle Hugo" });

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await HtmlPage.ReadAsync(stale);
        Assert.Contains(ReviewService.ConflictMessage, page.ErrorMessages());
        Assert.Equal("Salle Hugo", page.FormPostingTo($"{Index}/Edit/{id}").QuerySelector("input[name=Place]")?.GetAttribute("value"));
        Assert.Equal("Salle Voltaire", await factory.WithDbAsync(db => db.Meetings.Where(m => m.Id == id).Select(m => m.Place).SingleAsync()));
    }

    [Fact]
    public async Task The_kind_of_a_meeting_holding_a_validation_cannot_be_changed_and_the_form_keeps_what_was_typed()
    {
        var meetingId = await AddMeetingAsync(MeetingKind.Copil, new DateTime(2040, 3, 8, 14, 0, 0), "Salle Marianne", "Valider le plan de la DDT");
        await factory.WithDbAsync(async db =>
        {
            var structureId = await db.Structures.Where(s => s.Slug == "ddt-aube").Select(s => s.Id).SingleAsync();
            var plan = new ActionPlan { StructureId = structureId, Year = 2040, State = ReviewState.Validated, CreatedAtUtc = DateTime.UtcNow, ValidatedAtUtc = DateTime.UtcNow };
            db.ActionPlans.Add(plan);
            await db.SaveChangesAsync();
            db.ReviewEvents.Add(new ReviewEvent
            {
                DocumentKind = ReviewDocumentKind.ActionPlan, DocumentId = plan.Id, StructureId = structureId, Action = ReviewAction.Validate,
                FromState = ReviewState.Approved, ToState = ReviewState.Validated, ActorUserId = "copil", ActorName = "Claire Martin",
                AtUtc = DateTime.UtcNow, MeetingId = meetingId,
            });
            await db.SaveChangesAsync();
        });
        var client = await factory.SignInAsync(Email("referent"));
        var edit = await client.GetPageAsync($"{Index}/Edit/{meetingId}");

        // The form says so before any save: COPIL stays chosen, CLAC cannot be picked, the reason is the field's hint.
        var editForm = edit.FormPostingTo($"{Index}/Edit/{meetingId}");
        Assert.Equal("Copil", editForm.QuerySelector("input[name=Kind]:checked")?.GetAttribute("value"));
        Assert.False(editForm.QuerySelector("input[name=Kind][value=Copil]")!.HasAttribute("disabled"));
        Assert.True(editForm.QuerySelector("input[name=Kind][value=Clac]")!.HasAttribute("disabled"));
        Assert.Contains(MeetingService.KindLockedByReviewsMessage, editForm.QuerySelector("fieldset:has(input[name=Kind])")!.TextContent);

        // A request that changes it all the same (the lock came after the page was opened) is refused, nothing lost.
        var refused = await client.SubmitFormAsync(edit, editForm, new Dictionary<string, string>
        {
            ["Kind"] = "Clac",
            ["Place"] = "Salle Voltaire",
            ["Minutes"] = "Compte rendu à ne pas perdre",
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await HtmlPage.ReadAsync(refused);
        Assert.Contains(MeetingService.KindLockedByReviewsMessage, page.ErrorMessages());
        var form = page.FormPostingTo($"{Index}/Edit/{meetingId}");
        Assert.Equal("Clac", form.QuerySelector("input[name=Kind]:checked")?.GetAttribute("value"));
        Assert.Equal("Salle Voltaire", form.QuerySelector("input[name=Place]")?.GetAttribute("value"));
        Assert.Equal("Compte rendu à ne pas perdre", form.QuerySelector("textarea[name=Minutes]")?.TextContent.Trim());
        var unchanged = await factory.WithDbAsync(db => db.Meetings.Where(m => m.Id == meetingId).Select(m => new { m.Kind, m.Place, m.Minutes }).SingleAsync());
        Assert.Equal((MeetingKind.Copil, "Salle Marianne", (string?)null), (unchanged.Kind, unchanged.Place, unchanged.Minutes));

        // Back to COPIL, everything else typed is saved.
        var saved = await client.SubmitFormAsync(page, form, new Dictionary<string, string> { ["Kind"] = "Copil" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await factory.WithDbAsync(db => db.Meetings.Where(m => m.Id == meetingId).Select(m => new { m.Kind, m.Place, m.Minutes }).SingleAsync());
        Assert.Equal((MeetingKind.Copil, "Salle Voltaire", (string?)"Compte rendu à ne pas perdre"), (after.Kind, after.Place, after.Minutes));
    }

    [Fact]
    public async Task A_correspondent_reads_meetings_but_cannot_record_one()
    {
        var id = await AddMeetingAsync(MeetingKind.Copil, new DateTime(2036, 5, 6, 14, 0, 0), "Salle des fêtes");
        var client = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail(ReferenceData.PrefectureSlug));
        var before = await factory.WithDbAsync(db => db.Meetings.CountAsync());

        var list = await client.GetPageAsync($"{Index}?year=2036");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.DoesNotContain("Nouvelle réunion", list.Text);
        Assert.Single(list.Document.QuerySelectorAll("tbody tr"));
        var details = await client.GetPageAsync($"{Index}/Details/{id}");
        Assert.Equal(HttpStatusCode.OK, details.StatusCode);
        Assert.DoesNotContain("Supprimer la réunion", details.Text);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{Index}/Create?kind=Copil")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{Index}/Edit/{id}")).StatusCode);
        var token = (await client.GetPageAsync(Index)).Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token));
        var post = await client.PostAsync($"{Index}/Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Kind"] = "Copil",
            ["Date"] = "2036-06-01",
            ["Time"] = "14:00",
            ["Place"] = "Salle interdite",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        var delete = await client.PostAsync($"{Index}/Delete/{id}", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Meetings.CountAsync()));
    }

    [Fact]
    public async Task The_clac_reader_sees_clac_meetings_only()
    {
        var copil = await AddMeetingAsync(MeetingKind.Copil, new DateTime(2032, 2, 10, 14, 0, 0), "Salle Marianne", "Décision réservée au COPIL");
        var clac = await AddMeetingAsync(MeetingKind.Clac, new DateTime(2032, 3, 15, 18, 0, 0), "Maison des associations", "Décision du CLAC");
        var client = await factory.SignInAsync(Email("clac"));

        var list = await client.GetPageAsync($"{Index}?year=2032");
        Assert.Equal(["CLAC du 15/03/2032"], list.Document.QuerySelectorAll("tbody tr td:first-child").Select(td => HtmlPage.Normalize(td.TextContent)));
        Assert.DoesNotContain("Nouvelle réunion", list.Text);
        var copilFilter = await client.GetPageAsync($"{Index}?year=2032&kind=Copil");
        Assert.DoesNotContain("COPIL du 10/02/2032", copilFilter.Text);

        Assert.Equal(HttpStatusCode.OK, (await client.GetPageAsync($"{Index}/Details/{clac}")).StatusCode);
        var refused = await client.GetPageAsync($"{Index}/Details/{copil}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("Accès refusé", refused.H1);

        var decisions = await client.GetPageAsync($"{Decisions}?year=2032");
        Assert.Equal("Relevé des décisions 2032", decisions.H1);
        Assert.Contains("CLAC du 15/03/2032", decisions.Text);
        Assert.Contains("Décision du CLAC", decisions.Text);
        Assert.DoesNotContain("COPIL du 10/02/2032", decisions.Text);
        Assert.DoesNotContain("Décision réservée au COPIL", decisions.Text);

        // Another agent sees both, in date order.
        var referent = await factory.SignInAsync(Email("referent"));
        var all = await referent.GetPageAsync($"{Decisions}?year=2032");
        Assert.Equal(["COPIL du 10/02/2032", "CLAC du 15/03/2032"], all.Document.QuerySelectorAll("h2").Select(h => HtmlPage.Normalize(h.TextContent)).Where(t => t.Contains("2032", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_validation_recorded_in_a_meeting_shows_on_its_page_and_in_the_decisions_and_prevents_its_deletion()
    {
        var meetingId = await AddMeetingAsync(MeetingKind.Copil, new DateTime(2033, 6, 18, 14, 0, 0), "Salle Marianne", "Valider le plan de la DDT");
        var planId = await factory.WithDbAsync(async db =>
        {
            var structureId = await db.Structures.Where(s => s.Slug == "ddt-aube").Select(s => s.Id).SingleAsync();
            var plan = new ActionPlan { StructureId = structureId, Year = 2039, State = ReviewState.Validated, CreatedAtUtc = DateTime.UtcNow, ValidatedAtUtc = DateTime.UtcNow };
            db.ActionPlans.Add(plan);
            await db.SaveChangesAsync();
            db.ReviewEvents.Add(new ReviewEvent
            {
                DocumentKind = ReviewDocumentKind.ActionPlan,
                DocumentId = plan.Id,
                StructureId = structureId,
                Action = ReviewAction.Validate,
                FromState = ReviewState.Approved,
                ToState = ReviewState.Validated,
                ActorUserId = "copil",
                ActorName = "Claire Martin",
                AtUtc = DateTime.UtcNow,
                MeetingId = meetingId,
            });
            await db.SaveChangesAsync();
            return plan.Id;
        });
        var client = await factory.SignInAsync(Email("copil"));

        var details = await client.GetPageAsync($"{Index}/Details/{meetingId}");
        var link = details.Document.QuerySelector("section[aria-labelledby=validations] table a");
        Assert.NotNull(link);
        Assert.Equal($"/ActionPlans/Plans/Details/{planId}", link.GetAttribute("href"));
        Assert.Equal("Plan d'action 2039", HtmlPage.Normalize(link.TextContent));
        Assert.Contains("DDT", HtmlPage.Normalize(link.Closest("tr")!.TextContent));

        var decisions = await client.GetPageAsync($"{Decisions}?year=2033");
        Assert.Contains("Valider le plan de la DDT", decisions.Text);
        Assert.NotNull(decisions.Document.QuerySelector($"a[href='/ActionPlans/Plans/Details/{planId}']"));
        Assert.NotNull(decisions.Document.QuerySelector($"h2 a[href='{Index}/Details/{meetingId}']"));
        Assert.Contains(decisions.Document.QuerySelectorAll("select[name=Year] option"), o => o.GetAttribute("value") == "2033");

        var delete = await client.SubmitFormAsync(details, details.FormPostingTo($"{Index}/Delete/{meetingId}"));
        var back = await client.FollowRedirectsAsync(delete);
        Assert.Equal("COPIL du 18/06/2033", back.H1);
        Assert.Contains(MeetingService.DeleteValidationsMessage, back.Text);
        Assert.True(await factory.WithDbAsync(db => db.Meetings.AnyAsync(m => m.Id == meetingId)));
    }

    [Fact]
    public async Task The_list_runs_the_same_number_of_queries_whatever_its_number_of_rows()
    {
        var client = await factory.SignInAsync(Email("referent"));
        await AddMeetingAsync(MeetingKind.Copil, new DateTime(2034, 1, 5, 14, 0, 0), "Salle 0", "Décision 0");
        await client.GetAsync($"{Index}?year=2034");
        factory.Commands.Reset();
        await client.GetAsync($"{Index}?year=2034");
        var few = factory.Commands.Count;
        for (var i = 1; i <= 10; i++)
        {
            await AddMeetingAsync(i % 2 == 0 ? MeetingKind.Copil : MeetingKind.Clac, new DateTime(2034, 1, 5 + i, 14, 0, 0), $"Salle {Id(i)}", "Une", "Deux");
        }

        factory.Commands.Reset();
        var page = await client.GetPageAsync($"{Index}?year=2034");
        Assert.Equal(11, page.Document.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(few, factory.Commands.Count);

        factory.Commands.Reset();
        await client.GetAsync($"{Decisions}?year=2034");
        Assert.True(factory.Commands.Count <= few + 4, $"{factory.Commands.Count} commands for the decisions record");
    }
}
