using Microsoft.Extensions.DependencyInjection;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Engagements;
using SpPlus.Core.Reporting.Documents;
using SpPlus.Core.Reporting.Pdf;
using SpPlus.Core.Reviews;
using SpPlus.Core.Settings;
using UglyToad.PdfPig;
using static SpPlus.Core.Tests.Reporting.Documents.DocumentTestData;

namespace SpPlus.Core.Tests.Settings;

/// <summary>The posters' QR code leads to the opinion form the administrator set, or to the national platform.</summary>
public class OpinionFormPosterTests
{
    private const string DepartmentForm = "https://www.aube.gouv.fr/Demarches/Je-donne-mon-avis?source=affiche";

    private static readonly Quarter T2 = new(2026, 2);

    private static async Task<(TestDatabase Services, int PrefectureId)> ArrangePublishedAsync(string? opinionFormUrl)
    {
        var services = await ArrangeAsync();
        var prefecture = (await StructureIdsAsync(services))["prefecture-aube"];
        await AddReportAsync(services, prefecture, T2, ReviewState.Published, Ratio("TAUX-DECROCHE", 875, 1000));
        if (opinionFormUrl is not null)
        {
            await services.RunAsync(async sp =>
            {
                var db = sp.GetRequiredService<SpPlusDbContext>();
                db.Settings.Add(new Setting { Key = SettingKeys.OpinionFormUrl, Value = opinionFormUrl });
                await db.SaveChangesAsync();
            });
        }

        return (services, prefecture);
    }

    /// <summary>The stored bytes of the one image of the PDF's first page: the QR code.</summary>
    private static byte[] QrImage(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return Assert.Single(document.GetPage(1).GetImages()).RawBytes.ToArray();
    }

    /// <summary>The same QR code as the posters draw (<see cref="PdfQrCode"/>), alone on a page.</summary>
    private static byte[] ReferenceQrImage(string url)
    {
        using var report = new PdfReport(new PdfReportOptions { Title = "QR", GeneratedAt = GeneratedAt });
        report.QrCode(url);
        return QrImage(report.ToArray());
    }

    [Fact]
    public async Task The_results_poster_carries_the_configured_address_and_its_QR_code_encodes_it()
    {
        var (services, prefecture) = await ArrangePublishedAsync(DepartmentForm);
        await using var _ = services;

        var data = await WithAsync(services, (db, results) => ResultsPosterDocument.LoadAsync(db, results, prefecture, T2));

        Assert.Equal(DepartmentForm, data!.OpinionUrl);
        var qr = QrImage(ResultsPosterDocument.Build(data, GeneratedAt));
        Assert.Equal(ReferenceQrImage(DepartmentForm), qr);
        Assert.NotEqual(ReferenceQrImage(OpinionPlatform.Url), qr);
    }

    [Fact]
    public async Task The_engagements_poster_carries_the_configured_address_and_its_QR_code_encodes_it()
    {
        var (services, _) = await ArrangePublishedAsync(DepartmentForm);
        await using var __ = services;

        var data = await WithAsync(services, (db, _) => EngagementsPosterDocument.LoadAsync(db));

        Assert.Equal(DepartmentForm, data!.OpinionUrl);
        var qr = QrImage(EngagementsPosterDocument.Build(data, GeneratedAt));
        Assert.Equal(ReferenceQrImage(DepartmentForm), qr);
        Assert.NotEqual(ReferenceQrImage(OpinionPlatform.Url), qr);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("http://www.aube.gouv.fr/avis")]
    [InlineData("www.aube.gouv.fr/avis")]
    public async Task Without_a_valid_address_both_posters_lead_to_the_national_platform(string? stored)
    {
        var (services, prefecture) = await ArrangePublishedAsync(stored);
        await using var _ = services;

        var results = await WithAsync(services, (db, r) => ResultsPosterDocument.LoadAsync(db, r, prefecture, T2));
        var engagements = await WithAsync(services, (db, _) => EngagementsPosterDocument.LoadAsync(db));

        Assert.Equal(OpinionPlatform.Url, results!.OpinionUrl);
        Assert.Equal(OpinionPlatform.Url, engagements!.OpinionUrl);
        Assert.Equal(ReferenceQrImage(OpinionPlatform.Url), QrImage(ResultsPosterDocument.Build(results, GeneratedAt)));
    }
}
