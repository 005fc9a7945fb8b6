using System.Data.Common;
using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SpPlus.Core.Auditing;
using SpPlus.Core.Data;
using SpPlus.Core.Feedback;
using SpPlus.Core.Identity;
using SpPlus.Core.Reviews;
using SpPlus.Core.Settings;
using Xunit.Abstractions;

namespace SpPlus.Core.Tests.Feedback;

/// <summary>
/// The import of the national export on the test database (a préfecture and a sous-préfecture), on 02/03/2026:
/// preview without writing, all-or-nothing confirm, idempotence, national fields refreshed without touching local work,
/// placement through mappings, typologies and structure names.
/// </summary>
public sealed class ExperienceImportServiceTests(ITestOutputHelper output)
{
    private static readonly ImportActor Referent = new("referent-id", "Camille Durand");

    /// <summary>A row of the export; every field has a value unless a test empties it.</summary>
    private sealed record Line(string Id)
    {
        public string Title { get; init; } = "Accueil au guichet";
        public string Description { get; init; } = "J'ai été bien reçu et orienté rapidement.";
        public string State { get; init; } = "Publiée";
        public string Sentiment { get; init; } = "Positif";
        public string Typology1 { get; init; } = "Préfectures";
        public string Typology2 { get; init; } = "";
        public string Typology3 { get; init; } = "";
        public string Structure { get; init; } = "Préfecture de l'Aube";
        public string Accessibility { get; init; } = "1";
        public string Relation { get; init; } = "0";
        public string PostalCode { get; init; } = "10000";
        public string WrittenOn { get; init; } = "10/02/2026";
        public string PublishedOn { get; init; } = "12/02/2026";
        public string FirstAnswerOn { get; init; } = "";
        public string Answer { get; init; } = "";
    }

    private const string Header =
        "id;titre;description;etat_de_lexperience;ressenti_usager;intitule_typologie_1;intitule_typologie_2;intitule_typologie_3;"
        + "intitule_de_la_structure;tags_generaux_accessibilite;tags_generaux_relation;code_postal_usager;ecrit_le;date_de_publication;"
        + "date_de_premiere_reponse;reponse_structure_1;colonne_inconnue";

    private static byte[] Csv(params Line[] lines) => Csv(lines, []);

    private static byte[] Csv(IEnumerable<Line> lines, IEnumerable<string> rawLines)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var l in lines)
        {
            string[] cells =
            [
                l.Id, l.Title, l.Description, l.State, l.Sentiment, l.Typology1, l.Typology2, l.Typology3, l.Structure,
                l.Accessibility, l.Relation, l.PostalCode, l.WrittenOn, l.PublishedOn, l.FirstAnswerOn, l.Answer, "x",
            ];
            text.Append(string.Join(';', cells.Select(c => '"' + c.Replace("\"", "\"\"", StringComparison.Ordinal) + '"'))).Append('\n');
        }

        foreach (var raw in rawLines)
        {
            text.Append(raw).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static Task<T> WithServiceAsync<T>(TestDatabase database, Func<ExperienceImportService, SpPlusDbContext, Task<T>> action) =>
        database.RunAsync(sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            return action(ActivatorUtilities.CreateInstance<ExperienceImportService>(sp), db);
        });

    private static Task<ImportPlan> PreviewAsync(TestDatabase database, byte[] file) =>
        WithServiceAsync(database, (service, _) => service.PreviewAsync(new MemoryStream(file)));

    private static async Task<ImportOutcome> ConfirmAsync(TestDatabase database, byte[] file)
    {
        var result = await WithServiceAsync(database, (service, _) => service.ConfirmAsync(new MemoryStream(file), "export.csv", Referent));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return result.Value;
    }

    private static Task<Experience> ExperienceAsync(TestDatabase database, string nationalId) =>
        database.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().Experiences.AsNoTracking()
            .Include(e => e.Answer).Include(e => e.Comments).SingleAsync(e => e.NationalId == nationalId));

    private static Task<(int Experiences, int Audit, int Imports)> CountsAsync(TestDatabase database) =>
        database.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            return (await db.Experiences.CountAsync(), await db.AuditEntries.CountAsync(), await db.ExperienceImports.CountAsync());
        });

    [Theory]
    [InlineData("Préfecture de l'Aube", "prefecture de l aube")]
    [InlineData("  SOUS-PRÉFECTURE   de Bar-sur-Aube ", "sous prefecture de bar sur aube")]
    [InlineData("DDETSPP (Aube) – Accueil", "ddetspp aube accueil")]
    [InlineData("Préfecture de l’Aube", "prefecture de l aube")]
    [InlineData("", "")]
    public void Labels_are_normalised_without_case_accents_or_punctuation(string label, string expected) =>
        Assert.Equal(expected, StructureLabels.Normalize(label));

    [Fact]
    public async Task The_preview_counts_every_kind_of_row_and_writes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ConfirmAsync(database, Csv(new Line("E-1"), new Line("E-2")));
        var before = await CountsAsync(database);

        var plan = await PreviewAsync(database, Csv(
            [
                new Line("E-1"),
                new Line("E-2") { State = "Traitée" },
                new Line("E-3"),
                new Line("E-4") { Structure = "Guichet inconnu" },
                new Line("E-5") { PublishedOn = "31/02/2026" },
            ],
            ["\"\";\"Sans identifiant\""]));

        Assert.Equal((2, 1, 1, 2, 1), (plan.NewCount, plan.UpdatedCount, plan.UnchangedCount, plan.RejectedCount, plan.UnmappedCount));
        Assert.True(plan.CanConfirm);
        Assert.Contains(plan.Rejections, r => r.LineNumber == 6 && r.Reason.Contains("date de publication « 31/02/2026 » invalide", StringComparison.Ordinal));
        Assert.Contains(plan.Rejections, r => r.LineNumber == 7 && r.Reason.Contains("identifiant de l'expérience manquant", StringComparison.Ordinal));
        Assert.Equal(["colonne_inconnue"], plan.IgnoredColumns);
        var change = Assert.Single(plan.Changes);
        Assert.Equal("E-2", change.NationalId);
        Assert.Equal(new ImportFieldChange("État national", "Publiée", "Traitée"), Assert.Single(change.Fields));
        Assert.Equal(before, await CountsAsync(database));
        Assert.Equal("Publiée", (await ExperienceAsync(database, "E-2")).NationalState);
    }

    [Fact]
    public async Task Importing_the_same_file_twice_changes_nothing_the_second_time()
    {
        await using var database = await TestDatabase.CreateAsync();
        var file = Csv(new Line("E-1"), new Line("E-2") { Structure = "Guichet inconnu" }, new Line("E-3") { Accessibility = "0", Relation = "1" });

        var first = await ConfirmAsync(database, file);
        var before = await CountsAsync(database);
        var second = await ConfirmAsync(database, file);
        var after = await CountsAsync(database);

        Assert.Equal((3, 0, 0, 1), (first.NewCount, first.UpdatedCount, first.UnchangedCount, first.UnmappedCount));
        Assert.Equal((0, 0, 3, 0), (second.NewCount, second.UpdatedCount, second.UnchangedCount, second.UnmappedCount));
        Assert.Equal(before.Experiences, after.Experiences);
        Assert.Equal(before.Imports + 1, after.Imports);
        // The only new audit entry is the import record itself: no experience was written.
        var newEntries = await database.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().AuditEntries.AsNoTracking()
            .OrderBy(a => a.Id).Skip(before.Audit).Select(a => a.EntityType).ToListAsync());
        Assert.Equal([nameof(ExperienceImport)], newEntries);
    }

    [Fact]
    public async Task A_new_import_is_placed_and_dated_from_the_export_and_the_answer_delay()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            db.Settings.Add(new Setting { Key = SettingKeys.AnswerDelayDays, Value = "10" });
            await db.SaveChangesAsync();
        });

        await ConfirmAsync(database, Csv(new Line("E-1") { Relation = "oui", Sentiment = "Négatif" }));

        var experience = await ExperienceAsync(database, "E-1");
        Assert.Equal(database.PrefectureId, experience.StructureId);
        Assert.Equal(ExperienceSource.NationalImport, experience.Source);
        Assert.Equal(new DateOnly(2026, 2, 12), experience.PublishedOn);
        Assert.Equal(new DateOnly(2026, 2, 22), experience.DueOn);
        Assert.Equal(Sentiment.Negative, experience.Sentiment);
        Assert.Equal(new HashSet<ExperienceTag> { ExperienceTag.Accessibility, ExperienceTag.Relation }, experience.Tags);
        Assert.Equal("10000", experience.PostalCode);
        var record = await database.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().ExperienceImports.AsNoTracking().SingleAsync());
        Assert.Equal(("export.csv", "Camille Durand", 1), (record.FileName, record.ImportedByName, record.NewCount));
    }

    [Fact]
    public async Task A_newer_export_updates_national_fields_and_never_local_work()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ConfirmAsync(database, Csv(new Line("E-1")));
        // Local work: moved by hand to the sous-préfecture, assigned, a draft answer and an internal comment.
        var assigneeId = await database.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var user = new AppUser { UserName = "dominique.martin@demo.spplus.fr", Email = "dominique.martin@demo.spplus.fr", DisplayName = "Dominique Martin" };
            db.Users.Add(user);
            var experience = await db.Experiences.SingleAsync(e => e.NationalId == "E-1");
            experience.StructureId = database.SubPrefectureId;
            experience.Assignee = user;
            experience.Answer = new ExperienceAnswer { StructureId = database.SubPrefectureId, Text = "Bonjour, merci pour votre retour.", State = ReviewState.Draft };
            experience.Comments.Add(new ExperienceComment { AuthorUserId = "referent-id", AuthorName = "Camille Durand", Text = "À traiter avec l'accueil." });
            await db.SaveChangesAsync();
            return user.Id;
        });

        var outcome = await ConfirmAsync(database, Csv(new Line("E-1")
        {
            State = "Traitée",
            PublishedOn = "14/02/2026",
            FirstAnswerOn = "20/02/2026",
            Answer = "Merci pour votre message.",
            Accessibility = "0",
            Relation = "1",
            // Empty cells in a later export do not erase what was stored.
            PostalCode = "",
            Description = "",
        }));

        Assert.Equal((0, 1, 0), (outcome.NewCount, outcome.UpdatedCount, outcome.UnchangedCount));
        var experience = await ExperienceAsync(database, "E-1");
        Assert.Equal("Traitée", experience.NationalState);
        Assert.Equal(new DateOnly(2026, 2, 14), experience.PublishedOn);
        Assert.Equal(new DateOnly(2026, 3, 1), experience.DueOn);
        Assert.Equal(new DateOnly(2026, 2, 20), experience.FirstAnswerOn);
        Assert.Equal("Merci pour votre message.", experience.NationalAnswer);
        Assert.Equal(new HashSet<ExperienceTag> { ExperienceTag.Relation }, experience.Tags);
        Assert.Equal("10000", experience.PostalCode);
        Assert.Equal("J'ai été bien reçu et orienté rapidement.", experience.Description);
        Assert.Equal(database.SubPrefectureId, experience.StructureId);
        Assert.Equal(assigneeId, experience.AssigneeUserId);
        Assert.Equal(("Bonjour, merci pour votre retour.", database.SubPrefectureId), (experience.Answer!.Text, experience.Answer.StructureId));
        Assert.Equal("À traiter avec l'accueil.", Assert.Single(experience.Comments).Text);
    }

    [Fact]
    public async Task A_mapping_comes_before_a_name_match_and_typologies_are_tried_most_specific_first()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            db.StructureLabelMappings.AddRange(
                new StructureLabelMapping { Label = "Préfecture de l'Aube", NormalizedLabel = "prefecture de l aube", StructureId = database.SubPrefectureId },
                new StructureLabelMapping { Label = "Sous-préfectures", NormalizedLabel = "sous prefectures", StructureId = database.SubPrefectureId },
                new StructureLabelMapping { Label = "Préfectures", NormalizedLabel = "prefectures", StructureId = database.PrefectureId });
            await db.SaveChangesAsync();
        });

        var plan = await PreviewAsync(database, Csv(new Line("X")));
        Assert.Equal(0, plan.UnmappedCount);
        await ConfirmAsync(database, Csv(
            // The mapping wins over the name of the préfecture.
            new Line("E-mapped"),
            // No structure label: typology 3 (unknown), then typology 2 (mapped), before typology 1 (mapped elsewhere).
            new Line("E-typology") { Structure = "", Typology3 = "Guichet des titres", Typology2 = "Sous-préfectures", Typology1 = "Préfectures" },
            // No mapping: the exact normalised name of a structure is used.
            new Line("E-name") { Structure = "SOUS-PRÉFECTURE DE BAR SUR AUBE" },
            new Line("E-none") { Structure = "Guichet inconnu" }));

        Assert.Equal(database.SubPrefectureId, (await ExperienceAsync(database, "E-mapped")).StructureId);
        Assert.Equal(database.SubPrefectureId, (await ExperienceAsync(database, "E-typology")).StructureId);
        Assert.Equal(database.SubPrefectureId, (await ExperienceAsync(database, "E-name")).StructureId);
        Assert.Null((await ExperienceAsync(database, "E-none")).StructureId);
        // The name match was used, not saved.
        Assert.Equal(3, await database.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().StructureLabelMappings.CountAsync()));
    }

    [Fact]
    public async Task Unmapped_rows_wait_in_the_queue_and_a_saved_mapping_places_the_next_imports()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ConfirmAsync(database, Csv(
            new Line("E-1") { Structure = "Maison France services de Romilly", PublishedOn = "03/02/2026", Title = "Aide pour ma carte grise" },
            new Line("E-2") { Structure = "MAISON FRANCE SERVICES DE ROMILLY", PublishedOn = "01/02/2026", Title = "Rendez-vous rapide" },
            new Line("E-3") { Structure = "Guichet inconnu", PublishedOn = "05/02/2026" }));

        var queue = await database.RunAsync(sp => new StructureMappingService(sp.GetRequiredService<SpPlusDbContext>()).QueueAsync(1, 25));
        Assert.Equal(2, queue.TotalCount);
        var group = queue.Items[0];
        Assert.Equal(("maison france services de romilly", 2, new DateOnly(2026, 2, 1)), (group.NormalizedLabel, group.Count, group.OldestPublishedOn));
        Assert.Equal(["Rendez-vous rapide", "Aide pour ma carte grise"], group.ExampleTitles);

        var assigned = await database.RunAsync(sp => new StructureMappingService(sp.GetRequiredService<SpPlusDbContext>())
            .AssignAsync(group.Label, database.SubPrefectureId, saveMapping: true));
        Assert.True(assigned.Succeeded, string.Join(" ", assigned.Errors));
        Assert.Equal(2, assigned.Value);
        Assert.Equal(database.SubPrefectureId, (await ExperienceAsync(database, "E-1")).StructureId);
        Assert.Null((await ExperienceAsync(database, "E-3")).StructureId);

        var next = await ConfirmAsync(database, Csv(new Line("E-4") { Structure = "Maison France Services de Romilly" }));

        Assert.Equal((1, 0), (next.NewCount, next.UnmappedCount));
        Assert.Equal(database.SubPrefectureId, (await ExperienceAsync(database, "E-4")).StructureId);
    }

    [Fact]
    public async Task Assigning_without_saving_the_mapping_leaves_later_rows_in_the_queue()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ConfirmAsync(database, Csv(new Line("E-1") { Structure = "Guichet de Nogent" }));

        var assigned = await database.RunAsync(sp => new StructureMappingService(sp.GetRequiredService<SpPlusDbContext>())
            .AssignAsync("guichet de nogent", database.PrefectureId, saveMapping: false));
        var next = await ConfirmAsync(database, Csv(new Line("E-2") { Structure = "Guichet de Nogent" }));

        Assert.Equal(1, assigned.Value);
        Assert.Equal(database.PrefectureId, (await ExperienceAsync(database, "E-1")).StructureId);
        Assert.Equal(1, next.UnmappedCount);
        Assert.Null((await ExperienceAsync(database, "E-2")).StructureId);
    }

    [Fact]
    public async Task An_experience_still_unmapped_is_placed_when_a_later_import_resolves_its_label()
    {
        await using var database = await TestDatabase.CreateAsync();
        var file = Csv(new Line("E-1") { Structure = "Guichet de Nogent" });
        await ConfirmAsync(database, file);
        await database.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            db.StructureLabelMappings.Add(new StructureLabelMapping { Label = "Guichet de Nogent", NormalizedLabel = "guichet de nogent", StructureId = database.SubPrefectureId });
            var experience = await db.Experiences.SingleAsync(e => e.NationalId == "E-1");
            // An answer started while the experience waited (kept in step with the experience's structure).
            experience.Answer = new ExperienceAnswer { StructureId = database.PrefectureId, Text = "Bonjour," };
            await db.SaveChangesAsync();
        });

        var plan = await PreviewAsync(database, file);
        var outcome = await ConfirmAsync(database, file);
        var again = await ConfirmAsync(database, file);

        Assert.Equal(new ImportFieldChange("Structure", "— (à affecter)", "Sous-préfecture de Bar-sur-Aube"), Assert.Single(Assert.Single(plan.Changes).Fields));
        Assert.Equal(1, outcome.UpdatedCount);
        Assert.Equal(1, again.UnchangedCount);
        var experience = await ExperienceAsync(database, "E-1");
        Assert.Equal((database.SubPrefectureId, database.SubPrefectureId), (experience.StructureId, experience.Answer!.StructureId));
    }

    [Fact]
    public async Task A_value_longer_than_its_column_is_a_rejected_row()
    {
        await using var database = await TestDatabase.CreateAsync();

        var outcome = await ConfirmAsync(database, Csv(new Line("E-1") { PostalCode = "10000 Troyes cedex" }, new Line("E-2")));

        Assert.Equal((1, 1), (outcome.NewCount, outcome.RejectedCount));
        var plan = await PreviewAsync(database, Csv(new Line("E-1") { PostalCode = "10000 Troyes cedex" }));
        Assert.Equal("code postal de l'usager trop long (18 caractères, 10 au maximum)", Assert.Single(plan.Rejections).Reason);
    }

    [Fact]
    public async Task A_file_error_refuses_the_confirm_and_writes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var before = await CountsAsync(database);
        var file = Encoding.UTF8.GetBytes("titre;intitule_de_la_structure\nAccueil;Préfecture de l'Aube\n");

        var plan = await PreviewAsync(database, file);
        var result = await WithServiceAsync(database, (service, _) => service.ConfirmAsync(new MemoryStream(file), "export.csv", Referent));

        Assert.False(plan.CanConfirm);
        Assert.False(result.Succeeded);
        Assert.Contains("Colonne obligatoire absente : id (identifiant de l'expérience).", result.Errors);
        Assert.Equal(before, await CountsAsync(database));
    }

    [Fact]
    public async Task A_failure_after_rows_were_written_rolls_the_whole_import_back()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ConfirmAsync(database, Csv(new Line("E-1")));
        var before = await CountsAsync(database);
        var failing = new FailingCommandInterceptor("INSERT INTO \"Experiences\"");

        var result = await RunWithInterceptorsAsync(database, failing, service =>
            service.ConfirmAsync(new MemoryStream(Csv(new Line("E-1") { State = "Traitée" }, new Line("E-2"), new Line("E-3"))), "export.csv", Referent));

        Assert.True(failing.Failed, "The failure was not triggered: the test proves nothing.");
        Assert.False(result.Succeeded);
        Assert.Equal([ExperienceImportService.FailedMessage], result.Errors);
        Assert.Equal(before, await CountsAsync(database));
        Assert.Equal("Publiée", (await ExperienceAsync(database, "E-1")).NationalState);
    }

    [Fact]
    public async Task A_cancelled_confirm_writes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var before = await CountsAsync(database);
        using var cancellation = new CancellationTokenSource();
        var cancelling = new FailingCommandInterceptor("INSERT INTO \"Experiences\"", () => cancellation.Cancel());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunWithInterceptorsAsync(database, cancelling, service =>
            service.ConfirmAsync(new MemoryStream(Csv(new Line("E-1"), new Line("E-2"))), "export.csv", Referent, cancellation.Token)));

        Assert.True(cancelling.Failed);
        Assert.Equal(before, await CountsAsync(database));
    }

    [Fact]
    public async Task Five_thousand_rows_preview_and_confirm_then_a_second_confirm_finds_them_all_unchanged()
    {
        await using var database = await TestDatabase.CreateAsync();
        var lines = Enumerable.Range(1, 5_000).Select(i => new Line($"P-{i:D5}")
        {
            Title = $"Expérience {i}",
            Structure = i % 10 == 0 ? $"Guichet {i % 7}" : i % 2 == 0 ? "Préfecture de l'Aube" : "Sous-préfecture de Bar-sur-Aube",
            PublishedOn = $"{1 + i % 28:D2}/01/2026",
        }).ToList();
        var file = Csv(lines, []);
        var auditBefore = (await CountsAsync(database)).Audit;
        var clock = Stopwatch.StartNew();

        var plan = await PreviewAsync(database, file);
        var previewTime = clock.Elapsed;
        clock.Restart();
        var first = await ConfirmAsync(database, file);
        var confirmTime = clock.Elapsed;
        clock.Restart();
        var secondPlan = await PreviewAsync(database, file);
        var secondPreviewTime = clock.Elapsed;
        clock.Restart();
        var second = await ConfirmAsync(database, file);
        var secondTime = clock.Elapsed;

        Assert.Equal((5_000, 500), (plan.NewCount, plan.UnmappedCount));
        Assert.Equal(5_000, first.NewCount);
        Assert.Equal((0, 0, 5_000), (secondPlan.NewCount, secondPlan.UpdatedCount, secondPlan.UnchangedCount));
        Assert.Equal((0, 0, 5_000), (second.NewCount, second.UpdatedCount, second.UnchangedCount));
        // One audit entry per new experience and one per import record; none for the unchanged rows.
        Assert.Equal(5_000 + 2, (await CountsAsync(database)).Audit - auditBefore);

        // The same confirm without the audit interceptor, on an empty copy of the data, to show what the audit costs.
        await using var bare = await TestDatabase.CreateAsync();
        clock.Restart();
        var unaudited = await RunWithInterceptorsAsync(bare, null, service =>
            service.ConfirmAsync(new MemoryStream(file), "export.csv", Referent), withAudit: false);
        var unauditedTime = clock.Elapsed;
        Assert.True(unaudited.Succeeded);

        output.WriteLine($"5 000 rows: preview {previewTime.TotalMilliseconds:F0} ms, confirm {confirmTime.TotalMilliseconds:F0} ms "
            + $"(without the audit interceptor {unauditedTime.TotalMilliseconds:F0} ms), second preview {secondPreviewTime.TotalMilliseconds:F0} ms, "
            + $"second confirm {secondTime.TotalMilliseconds:F0} ms.");
    }

    /// <summary>Runs the service on a context of the test database's connection with extra interceptors.</summary>
    private static async Task<T> RunWithInterceptorsAsync<T>(
        TestDatabase database, IInterceptor? extra, Func<ExperienceImportService, Task<T>> action, bool withAudit = true)
    {
        await using var scope = database.CreateScope();
        var connection = scope.ServiceProvider.GetRequiredService<SpPlusDbContext>().Database.GetDbConnection();
        var interceptors = new List<IInterceptor>();
        if (withAudit)
        {
            interceptors.Add(new AuditInterceptor(SystemAuditActor.Instance, database.Time));
        }

        if (extra is not null)
        {
            interceptors.Add(extra);
        }

        var options = new DbContextOptionsBuilder<SpPlusDbContext>().UseSqlite(connection).AddInterceptors(interceptors).Options;
        await using var db = new SpPlusDbContext(options);
        return await action(new ExperienceImportService(db, database.Time, NullLogger<ExperienceImportService>.Instance));
    }

    /// <summary>
    /// Once a command containing <c>text</c> has run (its rows written inside the transaction), throws, or runs
    /// <c>onMatch</c> and throws a cancellation.
    /// </summary>
    private sealed class FailingCommandInterceptor(string text, Action? onMatch = null) : DbCommandInterceptor
    {
        public bool Failed { get; private set; }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains(text, StringComparison.Ordinal))
            {
                Failed = true;
                if (onMatch is null)
                {
                    throw new InvalidOperationException("Simulated database failure.");
                }

                onMatch();
                throw new OperationCanceledException();
            }

            return ValueTask.FromResult(result);
        }
    }
}
