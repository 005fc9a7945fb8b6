using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpPlus.Core.Auditing;
using SpPlus.Core.Data;
using SpPlus.Core.Engagements;
using SpPlus.Core.Feedback;
using SpPlus.Core.Settings;

namespace SpPlus.Core.Tests.Settings;

/// <summary>
/// The settings: defaults, the 1–120 days range, the due dates recomputed when the answer delay changes, and the opinion
/// form's address (https:// only, empty for the national platform's).
/// </summary>
public class SettingsServiceTests
{
    private static Task<T> WithServiceAsync<T>(TestDatabase database, Func<SettingsService, SpPlusDbContext, Task<T>> action) =>
        database.RunAsync(sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            return action(new SettingsService(db, new ExperienceService(db, sp.GetRequiredService<TimeProvider>())), db);
        });

    private static async Task<(int Published, int Unpublished)> AddExperiencesAsync(TestDatabase database) =>
        await WithServiceAsync(database, async (_, db) =>
        {
            var published = new Experience
            {
                StructureId = database.PrefectureId,
                Source = ExperienceSource.Manual,
                Title = "Attente au guichet",
                PublishedOn = new DateOnly(2026, 1, 20),
                DueOn = new DateOnly(2026, 2, 4),
                CreatedAtUtc = TestDatabase.Start.UtcDateTime,
            };
            var unpublished = new Experience
            {
                StructureId = database.PrefectureId,
                Source = ExperienceSource.Manual,
                Title = "Brouillon",
                CreatedAtUtc = TestDatabase.Start.UtcDateTime,
            };
            db.Experiences.AddRange(published, unpublished);
            await db.SaveChangesAsync();
            return (published.Id, unpublished.Id);
        });

    private static Task<DateOnly?> DueOnAsync(TestDatabase database, int id) =>
        WithServiceAsync(database, (_, db) => db.Experiences.Where(e => e.Id == id).Select(e => e.DueOn).SingleAsync());

    [Fact]
    public async Task Without_stored_values_the_defaults_apply_and_an_unreadable_value_falls_back_to_them()
    {
        await using var database = await TestDatabase.CreateAsync();
        Assert.Equal(new SettingsValues(20, 15), await WithServiceAsync(database, (s, _) => s.GetAsync()));

        await WithServiceAsync(database, async (_, db) =>
        {
            db.Settings.AddRange(
                new Setting { Key = SettingKeys.QuarterDeadlineDays, Value = "douze" },
                new Setting { Key = SettingKeys.AnswerDelayDays, Value = "30" });
            return await db.SaveChangesAsync();
        });

        Assert.Equal(new SettingsValues(20, 30), await WithServiceAsync(database, (s, _) => s.GetAsync()));
        Assert.Equal(30, await WithServiceAsync(database, (s, _) => s.AnswerDelayDaysAsync()));
    }

    [Theory]
    [InlineData(0, 15, SettingsService.QuarterDeadlineMessage)]
    [InlineData(121, 15, SettingsService.QuarterDeadlineMessage)]
    [InlineData(20, 0, SettingsService.AnswerDelayMessage)]
    [InlineData(20, 500, SettingsService.AnswerDelayMessage)]
    public async Task Values_out_of_1_to_120_days_are_refused_and_nothing_changes(int deadline, int delay, string message)
    {
        await using var database = await TestDatabase.CreateAsync();
        var (published, _) = await AddExperiencesAsync(database);

        var result = await WithServiceAsync(database, (s, _) => s.SaveAsync(new SettingsValues(deadline, delay)));

        Assert.Equal([message], result.Errors);
        Assert.Equal(0, await WithServiceAsync(database, (_, db) => db.Settings.CountAsync()));
        Assert.Equal(new DateOnly(2026, 2, 4), await DueOnAsync(database, published));
    }

    [Fact]
    public async Task A_new_answer_delay_is_saved_and_recomputes_every_due_date()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (published, unpublished) = await AddExperiencesAsync(database);

        var result = await WithServiceAsync(database, (s, _) => s.SaveAsync(new SettingsValues(1, 120)));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Equal(new SettingsSaved(true, 1), result.Value);
        Assert.Equal(new SettingsValues(1, 120), await WithServiceAsync(database, (s, _) => s.GetAsync()));
        Assert.Equal(new DateOnly(2026, 5, 20), await DueOnAsync(database, published));
        Assert.Null(await DueOnAsync(database, unpublished));
    }

    [Fact]
    public async Task Saving_the_same_answer_delay_leaves_the_due_dates_alone()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (published, _) = await AddExperiencesAsync(database);
        // A due date set by hand: a recomputation would move it to 20/01 + 15 days.
        await WithServiceAsync(database, (_, db) => db.Experiences.Where(e => e.Id == published)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.DueOn, new DateOnly(2026, 2, 10))));

        var result = await WithServiceAsync(database, (s, _) => s.SaveAsync(new SettingsValues(25, SettingKeys.DefaultAnswerDelayDays)));

        Assert.Equal(new SettingsSaved(false, 0), result.Value);
        Assert.Equal(new SettingsValues(25, 15), await WithServiceAsync(database, (s, _) => s.GetAsync()));
        Assert.Equal(new DateOnly(2026, 2, 10), await DueOnAsync(database, published));
    }

    private const string DepartmentForm = "https://www.aube.gouv.fr/Demarches/Je-donne-mon-avis";

    private static Task<string?> StoredOpinionFormUrlAsync(TestDatabase database) =>
        WithServiceAsync(database, (_, db) => db.Settings.Where(s => s.Key == SettingKeys.OpinionFormUrl).Select(s => s.Value).SingleOrDefaultAsync());

    private static Task<string> OpinionFormUrlAsync(TestDatabase database) =>
        WithServiceAsync(database, (_, db) => db.OpinionFormUrlAsync());

    [Fact]
    public async Task A_valid_opinion_form_address_is_saved_trimmed_read_everywhere_and_audited()
    {
        await using var database = await TestDatabase.CreateAsync();
        Assert.Equal(OpinionPlatform.Url, await OpinionFormUrlAsync(database));

        var result = await WithServiceAsync(database, (s, _) => s.SaveAsync(new SettingsValues(20, 15, $"  {DepartmentForm} ")));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Equal(DepartmentForm, await StoredOpinionFormUrlAsync(database));
        Assert.Equal(new SettingsValues(20, 15, DepartmentForm), await WithServiceAsync(database, (s, _) => s.GetAsync()));
        Assert.Equal(DepartmentForm, await OpinionFormUrlAsync(database));
        var audit = await WithServiceAsync(database, (_, db) => db.AuditEntries
            .Where(a => a.EntityType == nameof(Setting) && a.EntityId == SettingKeys.OpinionFormUrl).ToListAsync());
        Assert.Equal(AuditAction.Added, Assert.Single(audit).Action);
        Assert.Contains(DepartmentForm, audit[0].Changes);
    }

    [Theory]
    [InlineData("http://www.aube.gouv.fr/avis", SettingsService.OpinionFormUrlInsecureMessage)]
    [InlineData("www.aube.gouv.fr/avis", SettingsService.OpinionFormUrlFormatMessage)]
    [InlineData("https://www.aube.gouv.fr/je donne mon avis", SettingsService.OpinionFormUrlFormatMessage)]
    public async Task An_invalid_opinion_form_address_is_refused_in_french_and_nothing_changes(string url, string message)
    {
        await using var database = await TestDatabase.CreateAsync();
        await WithServiceAsync(database, (s, _) => s.SaveAsync(new SettingsValues(20, 15, DepartmentForm)));

        var result = await WithServiceAsync(database, (s, _) => s.SaveAsync(new SettingsValues(30, 40, url)));

        Assert.Equal([message], result.Errors);
        Assert.Equal(new SettingsValues(20, 15, DepartmentForm), await WithServiceAsync(database, (s, _) => s.GetAsync()));
    }

    [Fact]
    public async Task An_opinion_form_address_over_500_characters_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync();
        var url = "https://www.aube.gouv.fr/avis?ref=" + new string('x', 467);
        Assert.Equal(501, url.Length);

        var result = await WithServiceAsync(database, (s, _) => s.SaveAsync(new SettingsValues(20, 15, url)));

        Assert.Equal([SettingsService.OpinionFormUrlTooLongMessage], result.Errors);
        Assert.Null(await StoredOpinionFormUrlAsync(database));
        Assert.True((await WithServiceAsync(database, (s, _) => s.SaveAsync(new SettingsValues(20, 15, url[..500])))).Succeeded);
    }

    [Fact]
    public async Task An_empty_opinion_form_address_removes_the_stored_one_and_the_national_platform_applies_again()
    {
        await using var database = await TestDatabase.CreateAsync();
        await WithServiceAsync(database, (s, _) => s.SaveAsync(new SettingsValues(20, 15, DepartmentForm)));
        Assert.Equal(DepartmentForm, await OpinionFormUrlAsync(database));

        var result = await WithServiceAsync(database, (s, _) => s.SaveAsync(new SettingsValues(20, 15, "  ")));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Null(await StoredOpinionFormUrlAsync(database));
        Assert.Equal(new SettingsValues(20, 15), await WithServiceAsync(database, (s, _) => s.GetAsync()));
        Assert.Equal(OpinionPlatform.Url, await OpinionFormUrlAsync(database));
        Assert.Equal(AuditAction.Deleted, await WithServiceAsync(database, (_, db) => db.AuditEntries
            .Where(a => a.EntityType == nameof(Setting) && a.EntityId == SettingKeys.OpinionFormUrl)
            .OrderByDescending(a => a.Id).Select(a => a.Action).FirstAsync()));
    }

    [Theory]
    [InlineData("http://www.aube.gouv.fr/avis")]
    [InlineData("pas une adresse")]
    [InlineData("")]
    public async Task A_stored_address_the_rule_refuses_gives_the_national_platform_and_an_empty_field(string stored)
    {
        await using var database = await TestDatabase.CreateAsync();
        await WithServiceAsync(database, (_, db) =>
        {
            db.Settings.Add(new Setting { Key = SettingKeys.OpinionFormUrl, Value = stored });
            return db.SaveChangesAsync();
        });

        Assert.Equal(OpinionPlatform.Url, await OpinionFormUrlAsync(database));
        Assert.Null((await WithServiceAsync(database, (s, _) => s.GetAsync())).OpinionFormUrl);
    }
}
