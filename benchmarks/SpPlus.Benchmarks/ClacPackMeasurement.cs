using SpPlus.Core.Feedback;
using SpPlus.Core.Indicators;
using SpPlus.Core.Reporting.Documents;
using SpPlus.Core.Settings;

namespace SpPlus.Benchmarks;

/// <summary>The CLAC pack of one year: its data loaded with the services built as the web application's container builds them, then the PDF.</summary>
public static class ClacPackMeasurement
{
    public static async Task WriteAsync(string database, string output, int year, DateOnly today, CancellationToken cancellationToken)
    {
        await using var db = BenchmarkDatabase.Open(database);
        var results = new IndicatorResultsService(db, TimeProvider.System);
        var feedback = new FeedbackMetricsService(db, new SettingsService(db, new ExperienceService(db, TimeProvider.System)), TimeProvider.System);
        var data = await ClacPackDocument.LoadAsync(db, results, feedback, year, today, cancellationToken);
        var pdf = ClacPackDocument.Build(data, DateTime.UtcNow);
        await File.WriteAllBytesAsync(output, pdf, cancellationToken);
    }
}
