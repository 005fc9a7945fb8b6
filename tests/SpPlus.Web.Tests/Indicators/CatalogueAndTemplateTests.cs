using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpPlus.Core.Common;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Imports;
using SpPlus.Core.Indicators;
using SpPlus.Core.Reviews;
using SpreadCheetah;
using SpPlus.Core.Structures;
using SpPlus.Web.Tests.Infrastructure;

namespace SpPlus.Web.Tests.Indicators;

/// <summary>The indicator catalogue: read by every agent, managed by the administrator and the referent.</summary>
public sealed class CatalogueAndTemplateTests(SpPlusFactory factory) : IClassFixture<SpPlusFactory>
{
    private static string Email(string account) => $"{account}@{DemoDataSeeder.EmailDomain}";

    [Fact]
    public async Task Every_agent_reads_the_catalogue_with_the_computed_indicators_marked()
    {
        var client = await factory.SignInAsync(Email("clac"));

        var page = await client.GetPageAsync("/Indicators/Catalogue");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Catalogue des indicateurs", page.H1);
        Assert.Contains("DELAI-REPONSE-AVIS", page.Text, StringComparison.Ordinal);
        Assert.Contains("Calculé automatiquement", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ajouter un indicateur", page.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("clac")]
    [InlineData("copil")]
    [InlineData("correspondant.ddt-aube")]
    public async Task Only_the_administrator_and_the_referent_open_the_catalogue_forms(string account)
    {
        var client = await factory.SignInAsync(Email(account));
        var id = await factory.WithDbAsync(db => db.Indicators.Select(i => i.Id).FirstAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Indicators/Catalogue/Create")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Indicators/Catalogue/Edit/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Indicators/Catalogue/Targets/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_referent_creates_an_indicator_through_the_form()
    {
        var client = await factory.SignInAsync(Email("referent"));

        var response = await SubmitCreateFormAsync(client,
        [
            new("Code", "TAUX-RDV-HONORES"),
            new("Label", "Taux de rendez-vous honorés"),
            new("Kind", "Ratio"),
            new("NumeratorLabel", "Rendez-vous honorés"),
            new("DenominatorLabel", "Rendez-vous pris"),
            new("Unit", "Percent"),
            new("Direction", "HigherIsBetter"),
            new("MinValue", "0"),
            new("MaxValue", "100"),
            new("DefaultTarget", "87,5"),
            new("Source", "Entered"),
            new("SortOrder", "200"),
            new("StructureTypes", "Prefecture"),
            new("StructureTypes", "Ddt"),
        ]);

        var page = await client.FollowRedirectsAsync(response);
        Assert.Equal("Catalogue des indicateurs", page.H1);
        Assert.Contains("L'indicateur a été ajouté au catalogue.", page.Text, StringComparison.Ordinal);
        var created = await factory.WithDbAsync(db => db.Indicators.AsNoTracking().Include(i => i.StructureTypes)
            .SingleAsync(i => i.Code == "TAUX-RDV-HONORES"));
        Assert.Equal(87.5, created.DefaultTarget);
        Assert.Equal([StructureType.Prefecture, StructureType.Ddt], created.StructureTypes.Select(t => t.StructureType).Order());
    }

    [Fact]
    public async Task A_duplicate_code_and_a_target_outside_the_bounds_are_listed_with_the_input_kept()
    {
        var client = await factory.SignInAsync(Email("admin"));
        var existing = await factory.WithDbAsync(db => db.Indicators.Where(i => i.Code == "DELAI-REPONSE-AVIS").Select(i => i.Label).SingleAsync());

        var response = await SubmitCreateFormAsync(client,
        [
            new("Code", "DELAI-REPONSE-AVIS"),
            new("Label", "Doublon"),
            new("Kind", "Count"),
            new("Unit", "Number"),
            new("Direction", "HigherIsBetter"),
            new("MinValue", "0"),
            new("MaxValue", "10"),
            new("DefaultTarget", "12"),
            new("Source", "Entered"),
            new("StructureTypes", "Ddt"),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlPage.ReadAsync(response);
        Assert.Contains($"Ce code est déjà utilisé par l'indicateur « {existing} ».", page.Text, StringComparison.Ordinal);
        Assert.Contains("L'objectif par défaut doit être compris entre 0 et 10.", page.Text, StringComparison.Ordinal);
        Assert.Equal("Doublon", page.Document.QuerySelector("input[name=Label]")?.GetAttribute("value"));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Indicators.CountAsync(i => i.Code == "DELAI-REPONSE-AVIS")));
    }

    private static async Task<HttpResponseMessage> SubmitCreateFormAsync(HttpClient client, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetPageAsync("/Indicators/Catalogue/Create");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await client.SubmitFormAsync(page, page.FormWithField("Code"), fields);
    }

    [Fact]
    public async Task The_referent_sets_per_structure_targets_at_once()
    {
        var client = await factory.SignInAsync(Email("referent"));
        var (id, ddt) = await factory.WithDbAsync(async db => (
            await db.Indicators.Where(i => i.Source == IndicatorSource.Entered && i.Kind == IndicatorKind.Ratio).Select(i => i.Id).FirstAsync(),
            await db.Structures.Where(s => s.Slug == "ddt-aube").Select(s => s.Id).SingleAsync()));
        var page = await client.GetPageAsync($"/Indicators/Catalogue/Targets/{id}");
        var form = page.FormWithField("Rows[0].StructureId");
        var index = page.Document.QuerySelectorAll("input[type=hidden][name$='.StructureId']")
            .Select(i => i.GetAttribute("name")!).Single(n => page.Document.QuerySelector($"input[name='{n}']")!.GetAttribute("value") == ddt.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var targetName = index.Replace(".StructureId", ".Target", StringComparison.Ordinal);

        var response = await client.SubmitFormAsync(page, form, [new(targetName, "75,5")]);

        Assert.True(HttpClientExtensions.IsRedirect(response.StatusCode));
        var target = await factory.WithDbAsync(db => db.IndicatorTargets.Where(t => t.IndicatorId == id && t.StructureId == ddt).Select(t => (double?)t.Target).SingleOrDefaultAsync());
        Assert.Equal(75.5, target);
    }

    /// <summary>A draft report of the DDT for the current quarter (opened if needed), with its template target.</summary>
    private async Task<(int ReportId, QuarterlyTemplateTarget Target, IReadOnlyList<ApplicableIndicator> Indicators)> DdtDraftAsync()
    {
        await using var scope = factory.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<QuarterlyReportService>();
        var db = scope.ServiceProvider.GetRequiredService<SpPlus.Core.Data.SpPlusDbContext>();
        var ddt = await db.Structures.Where(s => s.Slug == "ddt-aube").Select(s => new { s.Id, s.Name }).SingleAsync();
        var quarter = service.CurrentQuarter;
        var opened = await service.OpenAsync(ddt.Id, quarter);
        Assert.True(opened.Succeeded, string.Join(" ", opened.Errors));
        var sheet = (await service.GetSheetAsync(opened.Value))!;
        Assert.Equal(ReviewState.Draft, sheet.State);
        return (opened.Value, new QuarterlyTemplateTarget("ddt-aube", ddt.Name, quarter), sheet.Lines.Select(l => l.Indicator).Where(i => !i.IsComputed).ToList());
    }

    private static async Task<byte[]> FilledFileAsync(QuarterlyTemplateTarget target, IEnumerable<Cell[]> rows)
    {
        var stream = new MemoryStream();
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(stream))
        {
            await spreadsheet.StartWorksheetAsync(QuarterlyTemplate.EntrySheet);
            await spreadsheet.AddRowAsync(QuarterlyTemplate.Headers.Select(h => new Cell(h)).ToArray());
            foreach (var row in rows)
            {
                await spreadsheet.AddRowAsync(row);
            }

            await spreadsheet.StartWorksheetAsync(QuarterlyTemplate.MarkerSheet);
            await spreadsheet.AddRowAsync([new Cell(QuarterlyTemplate.Marker)]);
            await spreadsheet.AddRowAsync([new Cell(target.StructureSlug)]);
            await spreadsheet.AddRowAsync([new Cell(target.Quarter.ToSlug())]);
            await spreadsheet.AddRowAsync([new Cell(target.StructureName)]);
            await spreadsheet.FinishAsync();
        }

        return stream.ToArray();
    }

    private static Cell[] FigureRow(ApplicableIndicator indicator, string? numeratorOverride = null) => indicator.Kind switch
    {
        IndicatorKind.Ratio => [new(indicator.Code), new(""), new(""), new(""), new(""), numeratorOverride is null ? new(40) : new(numeratorOverride), new(50), new(""), new(""), new("non"), new(""), new("")],
        IndicatorKind.Average => [new(indicator.Code), new(""), new(""), new(""), new(""), new(""), new(""), new(12.5), new(30), new("non"), new(""), new("")],
        _ => [new(indicator.Code), new(""), new(""), new(""), new(""), new(""), new(""), new(7), new(""), new("non"), new(""), new("")],
    };

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int reportId, byte[] content, string fileName = "resultats.xlsx")
    {
        var page = await client.GetPageAsync($"/Indicators/ReportTemplates/Upload/{reportId}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var form = page.FormWithField("File");
        var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in HtmlPage.FormValues(form))
        {
            multipart.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(QuarterlyTemplate.ContentType);
        multipart.Add(file, "File", fileName);
        return await client.PostAsync($"/Indicators/ReportTemplates/Upload/{reportId}", multipart);
    }

    [Fact]
    public async Task A_correspondent_downloads_the_template_then_uploads_it_filled_or_wrong()
    {
        var (reportId, target, indicators) = await DdtDraftAsync();
        var client = await factory.SignInAsync(Email("correspondant.ddt-aube"));

        var download = await client.GetAsync($"/Indicators/ReportTemplates/Download/{reportId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(QuarterlyTemplate.ContentType, download.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"resultats-ddt-aube-{target.Quarter.ToSlug()}.xlsx", download.Content.Headers.ContentDisposition?.ToString() ?? download.Headers.ToString(), StringComparison.Ordinal);
        var downloaded = await QuarterlyTemplateReader.ReadAsync(new MemoryStream(await download.Content.ReadAsByteArrayAsync()), target, indicators);
        Assert.True(downloaded.Succeeded, string.Join(" ", downloaded.Errors));
        Assert.Equal(indicators.Count, downloaded.Entries.Count);

        // A wrong file: every error listed, nothing saved.
        var ratio = indicators.First(i => i.Kind == IndicatorKind.Ratio);
        var wrong = await FilledFileAsync(target, [FigureRow(ratio, "douze"), [new("INCONNU")]]);
        var refused = await HtmlPage.ReadAsync(await UploadAsync(client, reportId, wrong));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Feuille Saisie, cellule F2 : « douze » n'est pas un nombre.", refused.Text, StringComparison.Ordinal);
        Assert.Contains("cellule A3", refused.Text, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.IndicatorValues.CountAsync(v => v.ReportId == reportId && v.Numerator == 40)));

        // A valid file: saved, back to the report's entry page.
        var valid = await FilledFileAsync(target, indicators.Select(i => FigureRow(i)));
        var response = await UploadAsync(client, reportId, valid);
        Assert.True(HttpClientExtensions.IsRedirect(response.StatusCode), $"Upload answered {(int)response.StatusCode}.");
        Assert.Equal($"/Indicators/Reports/Edit/{reportId}", HttpClientExtensions.RedirectTarget(response).AbsolutePath);
        var saved = await factory.WithDbAsync(db => db.IndicatorValues.AsNoTracking().SingleAsync(v => v.ReportId == reportId && v.IndicatorId == ratio.Id));
        Assert.Equal((40, 50), (saved.Numerator, saved.Denominator));
        var edit = await client.FollowRedirectsAsync(response);
        Assert.Contains($"Le fichier a été importé : {indicators.Count} indicateurs renseignés.", edit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correspondent_of_another_structure_gets_403_on_both()
    {
        var (reportId, _, _) = await DdtDraftAsync();
        var client = await factory.SignInAsync(Email("correspondant.prefecture-aube"));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Indicators/ReportTemplates/Download/{reportId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Indicators/ReportTemplates/Upload/{reportId}")).StatusCode);
    }
}
