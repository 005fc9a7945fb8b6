using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Indicators;
using SpPlus.Core.Reviews;
using UglyToad.PdfPig;

namespace SpPlus.Core.Tests.Reporting.Documents;

/// <summary>The reference data (six structures of the Aube, the catalogue, the 2021 framework active) on 27/11/2026, and reports arranged directly.</summary>
internal static class DocumentTestData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    public static readonly DateTime GeneratedAt = new(2026, 11, 27, 11, 0, 0);

    public static async Task<TestDatabase> ArrangeAsync()
    {
        var services = await TestDatabase.CreateEmptyAsync();
        services.Time.SetUtcNow(Now);
        await services.RunAsync(sp => sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync());
        return services;
    }

    public static Task<Dictionary<string, int>> StructureIdsAsync(TestDatabase services) =>
        services.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().Structures.ToDictionaryAsync(s => s.Slug, s => s.Id));

    public static Task<T> WithAsync<T>(TestDatabase services, Func<SpPlusDbContext, IndicatorResultsService, Task<T>> action) =>
        services.RunAsync(sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            return action(db, new IndicatorResultsService(db, sp.GetRequiredService<TimeProvider>()));
        });

    /// <summary>A report in <paramref name="state"/> with the given figures, by indicator code; published ones on 15/<c>month after</c>.</summary>
    public static Task AddReportAsync(TestDatabase services, int structureId, Quarter quarter, ReviewState state, params (string Code, IndicatorFigures Figures)[] values) =>
        services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var codes = values.Select(v => v.Code).ToList();
            var ids = await db.Indicators.Where(i => codes.Contains(i.Code)).ToDictionaryAsync(i => i.Code, i => i.Id);
            var changedAt = quarter.LastDay.AddDays(15).ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc);
            db.QuarterlyReports.Add(new QuarterlyReport
            {
                StructureId = structureId,
                Year = quarter.Year,
                QuarterNumber = quarter.Number,
                State = state,
                CreatedAtUtc = quarter.LastDay.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                StateChangedAtUtc = changedAt,
                PublishedAtUtc = state == ReviewState.Published ? changedAt : null,
                Values = values.Select(v => new IndicatorValue
                {
                    IndicatorId = ids[v.Code],
                    Numerator = v.Figures.Numerator,
                    Denominator = v.Figures.Denominator,
                    Value = v.Figures.Value,
                    Count = v.Figures.Count,
                    IsNotApplicable = v.Figures.IsNotApplicable,
                    NotApplicableReason = v.Figures.IsNotApplicable ? "Pas de standard téléphonique" : null,
                }).ToList(),
            });
            await db.SaveChangesAsync();
        });

    public static (string, IndicatorFigures) Ratio(string code, int numerator, int denominator) => (code, new IndicatorFigures(numerator, denominator, null, null));

    public static (string, IndicatorFigures) Average(string code, double value, int count) => (code, new IndicatorFigures(null, null, value, count));

    public static List<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => p.Text).ToList();
    }

    /// <summary>
    /// Every letter of the document is set in one of the shipped DejaVu faces, and each face used carries its font
    /// program in the file (a /FontFile2 stream), so that the document never depends on the reader's fonts.
    /// </summary>
    public static void AssertEmbeddedDejaVuFonts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var names = document.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName ?? string.Empty).Distinct().ToList();
        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Contains("DejaVu", name, StringComparison.Ordinal));
        // A subset's name carries a six-letter tag before "+": count the faces, not the subsets.
        var faces = names.Select(name => name[(name.IndexOf('+', StringComparison.Ordinal) + 1)..]).Distinct().Count();
        var programs = System.Text.Encoding.Latin1.GetString(pdf).Split("/FontFile2").Length - 1;
        Assert.True(programs >= faces, $"{programs} embedded font program(s) for {faces} face(s): {string.Join(", ", names)}");
    }

    /// <summary>Text without any white space: a wrapped sentence comes back from the PDF without the space at the line break.</summary>
    public static string Squash(string text) => new(text.Where(c => !char.IsWhiteSpace(c)).ToArray());

    /// <summary>Writes the PDF to the folder named by SPPLUS_PDF_SAMPLE_DIR when set, to look at the rendered pages.</summary>
    public static void WriteSample(string fileName, byte[] pdf)
    {
        var folder = Environment.GetEnvironmentVariable("SPPLUS_PDF_SAMPLE_DIR");
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, fileName), pdf);
        }
    }
}
