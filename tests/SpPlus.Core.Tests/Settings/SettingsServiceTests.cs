using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpPlus.Core.Data;
using SpPlus.Core.Feedback;
using SpPlus.Core.Settings;

namespace SpPlus.Core.Tests.Settings;

/// <summary>The settings: defaults, the 1–120 days range, and the due dates recomputed when the answer delay changes.</summary>
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
}
