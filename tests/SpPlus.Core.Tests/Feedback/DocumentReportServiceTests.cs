using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpPlus.Core.Data;
using SpPlus.Core.Feedback;

namespace SpPlus.Core.Tests.Feedback;

/// <summary>Reports of hard-to-understand documents: the checks of a new report, and the notes that move its status. Today is 02/03/2026.</summary>
public class DocumentReportServiceTests
{
    private static readonly DocumentReportAuthor Author = new("user-1", "Camille Durand");

    private static Task<T> WithServiceAsync<T>(TestDatabase database, Func<DocumentReportService, SpPlusDbContext, Task<T>> action) =>
        database.RunAsync(sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            return action(new DocumentReportService(db, sp.GetRequiredService<TimeProvider>()), db);
        });

    private static DocumentReportInput Valid(int structureId) => new(
        structureId, "  Courrier de relance pour pièce manquante  ", DocumentKind.Letter, new DateOnly(2026, 3, 2),
        "Le courrier cite un article de loi sans dire quelle pièce envoyer.", "  ");

    private static async Task<int> CreateAsync(TestDatabase database)
    {
        var result = await WithServiceAsync(database, (s, _) => s.CreateAsync(Valid(database.PrefectureId), "user-1"));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return result.Value;
    }

    [Fact]
    public async Task A_valid_report_is_saved_new_trimmed_and_dated()
    {
        await using var database = await TestDatabase.CreateAsync();

        var id = await CreateAsync(database);

        var saved = await WithServiceAsync(database, (_, db) => db.DocumentReports.SingleAsync(r => r.Id == id));
        Assert.Equal("Courrier de relance pour pièce manquante", saved.DocumentName);
        Assert.Equal(DocumentReportStatus.New, saved.Status);
        Assert.Equal(DocumentKind.Letter, saved.Kind);
        Assert.Null(saved.Suggestion);
        Assert.Equal("user-1", saved.CreatedByUserId);
        Assert.Equal(TestDatabase.Start.UtcDateTime, saved.CreatedAtUtc);
    }

    [Fact]
    public async Task An_empty_report_gets_one_french_message_per_missing_field_and_nothing_is_saved()
    {
        await using var database = await TestDatabase.CreateAsync();

        var result = await WithServiceAsync(database, (s, _) => s.CreateAsync(new DocumentReportInput(null, " ", null, null, "", null), "user-1"));

        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                DocumentReportService.StructureMessage,
                DocumentReportService.DocumentNameRequiredMessage,
                DocumentReportService.KindMessage,
                DocumentReportService.ReceivedOnRequiredMessage,
                DocumentReportService.DifficultyRequiredMessage,
            ],
            result.Errors);
        Assert.All(result.Errors, e => Assert.NotNull(DocumentReportService.FieldOf(e)));
        Assert.Equal(0, await WithServiceAsync(database, (_, db) => db.DocumentReports.CountAsync()));
    }

    [Fact]
    public async Task A_document_received_tomorrow_an_inactive_structure_an_unknown_kind_and_too_long_texts_are_refused()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var sub = await db.Structures.SingleAsync(s => s.Id == database.SubPrefectureId);
            sub.IsActive = false;
            await db.SaveChangesAsync();
        });

        var tomorrow = await WithServiceAsync(database, (s, _) => s.CreateAsync(Valid(database.PrefectureId) with { ReceivedOn = new DateOnly(2026, 3, 3) }, "u"));
        var inactive = await WithServiceAsync(database, (s, _) => s.CreateAsync(Valid(database.SubPrefectureId), "u"));
        var kind = await WithServiceAsync(database, (s, _) => s.CreateAsync(Valid(database.PrefectureId) with { Kind = (DocumentKind)9 }, "u"));
        var tooLong = await WithServiceAsync(database, (s, _) => s.CreateAsync(
            Valid(database.PrefectureId) with { DocumentName = new string('a', 301), Suggestion = new string('b', 4001) }, "u"));

        Assert.Equal([DocumentReportService.ReceivedOnFutureMessage], tomorrow.Errors);
        Assert.Equal([DocumentReportService.StructureMessage], inactive.Errors);
        Assert.Equal([DocumentReportService.KindMessage], kind.Errors);
        Assert.Equal([DocumentReportService.DocumentNameTooLongMessage, DocumentReportService.SuggestionTooLongMessage], tooLong.Errors);
        Assert.Equal(0, await WithServiceAsync(database, (_, db) => db.DocumentReports.CountAsync()));
    }

    [Fact]
    public async Task Each_note_is_dated_signed_and_sets_the_status_and_the_notes_come_back_in_order()
    {
        await using var database = await TestDatabase.CreateAsync();
        var id = await CreateAsync(database);
        var token = (await WithServiceAsync(database, (s, _) => s.GetAsync(id)))!.ConcurrencyToken;

        var first = await WithServiceAsync(database, (s, _) => s.AddNoteAsync(id,
            new DocumentReportNoteInput("Transmis au bureau des titres.", DocumentReportStatus.InProgress), Author, token));
        Assert.True(first.Succeeded, string.Join(" ", first.Errors));
        database.Time.Advance(TimeSpan.FromDays(3));
        var afterFirst = await WithServiceAsync(database, (s, _) => s.GetAsync(id));
        Assert.NotEqual(token, afterFirst!.ConcurrencyToken);
        var second = await WithServiceAsync(database, (s, _) => s.AddNoteAsync(id,
            new DocumentReportNoteInput("Nouvelle version envoyée à partir du 5 mars.", DocumentReportStatus.Simplified),
            new DocumentReportAuthor("user-2", "Lucie Martin"), afterFirst.ConcurrencyToken));
        Assert.True(second.Succeeded, string.Join(" ", second.Errors));

        var report = await WithServiceAsync(database, (s, _) => s.GetAsync(id));
        Assert.Equal(DocumentReportStatus.Simplified, report!.Status);
        Assert.Equal(
            [
                new DocumentReportNoteView(TestDatabase.Start.UtcDateTime, "Camille Durand", "Transmis au bureau des titres.", DocumentReportStatus.InProgress),
                new DocumentReportNoteView(TestDatabase.Start.UtcDateTime.AddDays(3), "Lucie Martin", "Nouvelle version envoyée à partir du 5 mars.", DocumentReportStatus.Simplified),
            ],
            report.Notes);
    }

    [Fact]
    public async Task A_note_written_on_a_stale_page_is_refused_and_nothing_changes()
    {
        await using var database = await TestDatabase.CreateAsync();
        var id = await CreateAsync(database);
        var seen = (await WithServiceAsync(database, (s, _) => s.GetAsync(id)))!.ConcurrencyToken;
        Assert.True((await WithServiceAsync(database, (s, _) => s.AddNoteAsync(id,
            new DocumentReportNoteInput("Pris en charge.", DocumentReportStatus.InProgress), Author, seen))).Succeeded);

        var stale = await WithServiceAsync(database, (s, _) => s.AddNoteAsync(id,
            new DocumentReportNoteInput("Sans suite : document national.", DocumentReportStatus.Dropped), Author, seen));

        Assert.Equal([DocumentReportService.ConflictMessage], stale.Errors);
        var report = await WithServiceAsync(database, (s, _) => s.GetAsync(id));
        Assert.Equal(DocumentReportStatus.InProgress, report!.Status);
        Assert.Single(report.Notes);
    }

    [Fact]
    public async Task A_note_needs_a_text_and_a_known_status()
    {
        await using var database = await TestDatabase.CreateAsync();
        var id = await CreateAsync(database);
        var token = (await WithServiceAsync(database, (s, _) => s.GetAsync(id)))!.ConcurrencyToken;

        var empty = await WithServiceAsync(database, (s, _) => s.AddNoteAsync(id, new DocumentReportNoteInput("  ", null), Author, token));
        var unknown = await WithServiceAsync(database, (s, _) => s.AddNoteAsync(id, new DocumentReportNoteInput("Vu.", (DocumentReportStatus)42), Author, token));
        var missing = await WithServiceAsync(database, (s, _) => s.AddNoteAsync(999_999, new DocumentReportNoteInput("Vu.", DocumentReportStatus.New), Author, token));

        Assert.Equal([DocumentReportService.NoteRequiredMessage, DocumentReportService.StatusMessage], empty.Errors);
        Assert.Equal([DocumentReportService.StatusMessage], unknown.Errors);
        Assert.Equal([DocumentReportService.NotFoundMessage], missing.Errors);
        var report = await WithServiceAsync(database, (s, _) => s.GetAsync(id));
        Assert.Equal(DocumentReportStatus.New, report!.Status);
        Assert.Empty(report.Notes);
        Assert.Equal(token, report.ConcurrencyToken);
    }
}
