using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpPlus.Core.Common;
using SpPlus.Core.Data;
using SpPlus.Core.Indicators;
using SpPlus.Core.Reporting.Excel;
using SpPlus.Core.Reviews;
using static SpPlus.Core.Tests.Reporting.Excel.ExcelTestData;

namespace SpPlus.Core.Tests.Reporting.Excel;

public class IndicatorsHistoryExportTests
{
    private const string Prefecture = "Préfecture de l'Aube";
    private const string BarSurAube = "Sous-préfecture de Bar-sur-Aube";

    [Fact]
    public void File_name_is_a_french_slug_with_the_date()
    {
        Assert.Equal("historique-indicateurs-2026-11-28.xlsx", IndicatorsHistoryExport.FileName(new DateOnly(2026, 11, 28)));
    }

    [Fact]
    public async Task History_sheet_has_one_row_per_value_with_computed_values_targets_and_states()
    {
        await using var services = await ArrangeAsync();
        await ArrangeTwoStructuresAsync(services);

        var workbook = await WriteAsync(services, (db, output) => IndicatorsHistoryExport.WriteAsync(output, db.IndicatorValues, default));

        var rows = Rows(workbook, IndicatorsHistoryExport.MainSheet);
        Assert.Equal(4, rows.Count);
        Assert.Equal(IndicatorsHistoryExport.Headers, rows[0].Keys);

        var ratio = rows.Single(r => (string?)r["Structure"] == Prefecture && (string?)r["Code indicateur"] == "TAUX-DECROCHE");
        Assert.Equal(87.5, Convert.ToDouble(ratio["Valeur (taux en %)"]));
        Assert.Equal(175d, Convert.ToDouble(ratio["Numérateur"]));
        Assert.Equal(200d, Convert.ToDouble(ratio["Dénominateur"]));
        Assert.Equal(90d, Convert.ToDouble(ratio["Objectif"])); // the structure's own target, not the default 85
        Assert.Equal("Publié", ratio["État"]);
        Assert.Equal("T1 2026", ratio["Trimestre libellé"]);
        Assert.Equal(2026d, Convert.ToDouble(ratio["Année"]));
        Assert.Equal(1d, Convert.ToDouble(ratio["Trimestre"]));
        Assert.Equal("Non", ratio["Non applicable"]);
        Assert.Equal("Préfecture", ratio["Type"]);
        Assert.Equal("Pourcentage", ratio["Unité"]);

        var average = rows.Single(r => (string?)r["Code indicateur"] == "ATTENTE-GUICHET");
        Assert.Equal(12.5, Convert.ToDouble(average["Valeur (taux en %)"]));
        Assert.Equal(20d, Convert.ToDouble(average["Objectif"]));

        var notApplicable = rows.Single(r => (string?)r["Structure"] == BarSurAube && (string?)r["Trimestre libellé"] == "T2 2026");
        Assert.Equal("Oui", notApplicable["Non applicable"]);
        Assert.Equal("Pas de standard téléphonique", notApplicable["Motif"]);
        Assert.Null(notApplicable["Valeur (taux en %)"]);
        Assert.Equal(85d, Convert.ToDouble(notApplicable["Objectif"])); // the indicator's default target
        Assert.Equal("Soumis", notApplicable["État"]);
        Assert.Null(notApplicable["Date de publication"]);
    }

    [Fact]
    public async Task Cells_are_typed_and_the_sheet_has_the_shared_layout()
    {
        await using var services = await ArrangeAsync();
        await ArrangeTwoStructuresAsync(services);

        var workbook = await WriteAsync(services, (db, output) => IndicatorsHistoryExport.WriteAsync(output, db.IndicatorValues, default));

        AssertSheetLayout(workbook, 1, IndicatorsHistoryExport.Headers.Count);
        var sheet = SheetXml(workbook, 1);
        // The ratio's row, found by its values (the order within a quarter follows the catalogue's sort order).
        var rows = Rows(workbook, IndicatorsHistoryExport.MainSheet);
        var ratioRow = rows.FindIndex(r => (string?)r["Structure"] == Prefecture && (string?)r["Code indicateur"] == "TAUX-DECROCHE") + 2;
        Assert.Equal(87.5, Number(sheet, $"L{ratioRow}"));
        Assert.Equal(2026, Number(sheet, $"F{ratioRow}"));
        Assert.Equal(1, Number(sheet, $"G{ratioRow}"));
        Assert.Equal(175, Number(sheet, $"J{ratioRow}"));
        Assert.Equal(90, Number(sheet, $"O{ratioRow}"));
        AssertDateCell(workbook, sheet, $"P{ratioRow}", new DateOnly(2026, 4, 15));
    }

    [Fact]
    public async Task Each_structure_gets_a_sheet_of_quarters_by_indicators()
    {
        await using var services = await ArrangeAsync();
        await ArrangeTwoStructuresAsync(services);

        var workbook = await WriteAsync(services, (db, output) => IndicatorsHistoryExport.WriteAsync(output, db.IndicatorValues, default));

        Assert.Equal([IndicatorsHistoryExport.MainSheet, "Préfecture de l'Aube", "Sous-préfecture de Bar-sur-Aube"], SheetNames(workbook));
        var prefecture = Rows(workbook, Prefecture);
        var quarter = Assert.Single(prefecture);
        Assert.Equal("T1 2026", quarter["Trimestre"]);
        Assert.Equal(87.5, Convert.ToDouble(quarter["Taux de décroché (par un agent) (%)"]));
        Assert.Equal(12.5, Convert.ToDouble(quarter["Temps d'attente moyen au guichet (min)"]));
        AssertSheetLayout(workbook, 2, 3);

        var barSurAube = Rows(workbook, "Sous-préfecture de Bar-sur-Aube");
        Assert.Equal(["T1 2026", "T2 2026"], barSurAube.Select(r => (string?)r["Trimestre"]));
        Assert.Equal(80d, Convert.ToDouble(barSurAube[0]["Taux de décroché (par un agent) (%)"]));
        Assert.Null(barSurAube[1]["Taux de décroché (par un agent) (%)"]); // non applicable: blank
        var sheet = SheetXml(workbook, 3);
        Assert.Equal(80, Number(sheet, "B2"));
    }

    [Fact]
    public async Task Only_the_values_given_are_exported()
    {
        await using var services = await ArrangeAsync();
        var ids = await ArrangeTwoStructuresAsync(services);

        var workbook = await WriteAsync(services, (db, output) =>
            IndicatorsHistoryExport.WriteAsync(output, db.IndicatorValues.Where(v => v.Report!.StructureId == ids["prefecture-aube"]), default));

        Assert.Equal([IndicatorsHistoryExport.MainSheet, Prefecture], SheetNames(workbook));
        Assert.All(Rows(workbook, IndicatorsHistoryExport.MainSheet), r => Assert.Equal(Prefecture, r["Structure"]));
        Assert.DoesNotContain(BarSurAube, AllText(workbook));
    }

    [Fact]
    public async Task Long_or_forbidden_structure_names_give_valid_unique_sheet_names()
    {
        await using var services = await ArrangeAsync();
        var ids = await ArrangeTwoStructuresAsync(services);
        const string longName = "Direction départementale: emploi / travail [Aube] * solidarités ?";
        await services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var structures = await db.Structures.Where(s => s.Id == ids["prefecture-aube"] || s.Id == ids["sous-prefecture-bar-sur-aube"]).ToListAsync();
            foreach (var structure in structures)
            {
                structure.Name = structure.Id == ids["prefecture-aube"] ? longName : longName + " bis";
            }

            await db.SaveChangesAsync();
        });

        var workbook = await WriteAsync(services, (db, output) => IndicatorsHistoryExport.WriteAsync(output, db.IndicatorValues, default));

        var names = SheetNames(workbook);
        Assert.Equal(3, names.Count);
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var name in names.Skip(1))
        {
            Assert.InRange(name.Length, 1, 31);
            Assert.True(name.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) < 0, name);
            Assert.StartsWith("Direction départementale", name);
        }

        Assert.Equal(2, Rows(workbook, IndicatorsHistoryExport.MainSheet).Count(r => (string?)r["Structure"] == longName));
    }

    [Theory]
    [InlineData("Préfecture de l'Aube", "Préfecture de l'Aube")]
    [InlineData("'Cité'", "Cité")]
    [InlineData("A/B\\C[D]E:F*G?H", "A-B-C-D-E-F-G-H")]
    [InlineData("   ", "Feuille")]
    public void Sheet_names_are_cleaned(string name, string expected)
    {
        Assert.Equal(expected, ExcelStyles.SheetName(name, ExcelStyles.SheetNames()));
    }

    [Fact]
    public void Sheet_names_are_cut_to_31_characters_and_made_unique_ignoring_case()
    {
        var used = ExcelStyles.SheetNames("Historique");
        var name = new string('x', 40);

        var first = ExcelStyles.SheetName(name, used);
        var second = ExcelStyles.SheetName(name.ToUpperInvariant(), used);
        var third = ExcelStyles.SheetName("HISTORIQUE", used);

        Assert.Equal(new string('x', 31), first);
        Assert.Equal(new string('X', 27) + " (2)", second);
        Assert.Equal("HISTORIQUE (2)", third);
    }

    [Fact]
    public async Task Twenty_thousand_rows_are_all_written()
    {
        await using var services = await ArrangeAsync();
        var expected = await services.RunAsync(async sp =>
        {
            // Arranged in two statements: entity by entity (and audited) it would dwarf the export itself.
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var structures = await db.Structures.CountAsync();
            const int indicators = 10;
            var quarters = 20_000 / (structures * indicators) + 1;
            var report = db.Model.FindEntityType(typeof(QuarterlyReport))!;
            var value = db.Model.FindEntityType(typeof(IndicatorValue))!;
            var reports = $"INSERT INTO \"{report.GetTableName()}\" ({Columns(report, "StructureId", "Year", "QuarterNumber", "State", "ConcurrencyToken", "CreatedAtUtc")}) "
                + $"WITH RECURSIVE q(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM q WHERE k < {quarters - 1}) "
                + $"SELECT s.\"Id\", 2000 + k / 4, k % 4 + 1, 'Published', '{Guid.Empty}', '2026-01-01 00:00:00' "
                + $"FROM \"{db.Model.FindEntityType(typeof(SpPlus.Core.Structures.Structure))!.GetTableName()}\" s CROSS JOIN q";
            await db.Database.ExecuteSqlRawAsync(reports);
            var values = $"INSERT INTO \"{value.GetTableName()}\" ({Columns(value, "ReportId", "IndicatorId", "Numerator", "Denominator", "Value", "Count", "IsNotApplicable")}) "
                + $"SELECT r.\"Id\", i.\"Id\", 3, 4, 2.5, 1, 0 FROM \"{report.GetTableName()}\" r "
                + $"CROSS JOIN (SELECT \"Id\" FROM \"{db.Model.FindEntityType(typeof(Indicator))!.GetTableName()}\" ORDER BY \"Id\" LIMIT {indicators}) i";
            await db.Database.ExecuteSqlRawAsync(values);
            Assert.Equal(structures * quarters * indicators, await db.IndicatorValues.CountAsync());
            return (Rows: structures * quarters * indicators, Quarters: quarters);
        });
        Assert.True(expected.Rows >= 20_000);

        var workbook = await WriteAsync(services, (db, output) => IndicatorsHistoryExport.WriteAsync(output, db.IndicatorValues, default));

        Assert.Equal(expected.Rows, DataRowCount(workbook, 1));
        Assert.Equal(expected.Quarters, DataRowCount(workbook, 2));
        var names = SheetNames(workbook);
        Assert.Equal(expected.Rows / expected.Quarters / 10 + 1, names.Count);
    }

    private static string Columns(Microsoft.EntityFrameworkCore.Metadata.IEntityType type, params string[] properties) =>
        string.Join(", ", properties.Select(p => $"\"{type.FindProperty(p)!.GetColumnName()}\""));

    /// <summary>The rows of a sheet below its header, counted while reading the XML.</summary>
    private static int DataRowCount(byte[] workbook, int sheet)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(workbook));
        using var reader = System.Xml.XmlReader.Create(zip.GetEntry($"xl/worksheets/sheet{sheet}.xml")!.Open());
        var rows = 0;
        while (reader.Read())
        {
            if (reader is { NodeType: System.Xml.XmlNodeType.Element, LocalName: "row" })
            {
                rows++;
            }
        }

        return rows - 1;
    }

    /// <summary>
    /// The préfecture: T1 2026 published, 175/200 on TAUX-DECROCHE (own target 90) and 12.5 min on ATTENTE-GUICHET.
    /// Bar-sur-Aube: T1 2026 approved, 160/200; T2 2026 submitted, TAUX-DECROCHE non applicable.
    /// </summary>
    private static async Task<Dictionary<string, int>> ArrangeTwoStructuresAsync(TestDatabase services)
    {
        var ids = await StructureIdsAsync(services);
        await services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var indicators = await db.Indicators.ToDictionaryAsync(i => i.Code, i => i.Id);
            db.IndicatorTargets.Add(new IndicatorTarget { IndicatorId = indicators["TAUX-DECROCHE"], StructureId = ids["prefecture-aube"], Target = 90 });
            db.QuarterlyReports.AddRange(
                Report(ids["prefecture-aube"], new Quarter(2026, 1), ReviewState.Published,
                    new IndicatorValue { IndicatorId = indicators["TAUX-DECROCHE"], Numerator = 175, Denominator = 200 },
                    new IndicatorValue { IndicatorId = indicators["ATTENTE-GUICHET"], Value = 12.5, Count = 40 }),
                Report(ids["sous-prefecture-bar-sur-aube"], new Quarter(2026, 1), ReviewState.Approved,
                    new IndicatorValue { IndicatorId = indicators["TAUX-DECROCHE"], Numerator = 160, Denominator = 200 }),
                Report(ids["sous-prefecture-bar-sur-aube"], new Quarter(2026, 2), ReviewState.Submitted,
                    new IndicatorValue { IndicatorId = indicators["TAUX-DECROCHE"], IsNotApplicable = true, NotApplicableReason = "Pas de standard téléphonique" }));
            await db.SaveChangesAsync();
        });
        return ids;
    }

    private static QuarterlyReport Report(int structureId, Quarter quarter, ReviewState state, params IndicatorValue[] values)
    {
        var changedAt = quarter.LastDay.AddDays(15).ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc);
        return new QuarterlyReport
        {
            StructureId = structureId,
            Year = quarter.Year,
            QuarterNumber = quarter.Number,
            State = state,
            CreatedAtUtc = quarter.LastDay.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            StateChangedAtUtc = changedAt,
            PublishedAtUtc = state == ReviewState.Published ? changedAt : null,
            Values = [.. values],
        };
    }
}
