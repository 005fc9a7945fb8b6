namespace SpPlus.Core.Tests.Feedback.Import;

public class ExperienceCsvDateTests
{
    [Theory]
    [InlineData("04/03/2026", 2026, 3, 4)]
    [InlineData("4/3/2026", 2026, 3, 4)]
    [InlineData("31/12/2025", 2025, 12, 31)]
    [InlineData("29/02/2028", 2028, 2, 29)]
    [InlineData("2026-03-04", 2026, 3, 4)]
    [InlineData("2026-03-04T10:22:00", 2026, 3, 4)]
    [InlineData("2026-03-04T10:22", 2026, 3, 4)]
    [InlineData("2026-03-04T23:59:59Z", 2026, 3, 4)]
    [InlineData("2026-03-04T23:30:00+01:00", 2026, 3, 4)]
    [InlineData("2026-03-04T00:15:00-05:00", 2026, 3, 4)]
    [InlineData("2026-03-04T10:22:00.123Z", 2026, 3, 4)]
    [InlineData("2026-03-04 10:22:00", 2026, 3, 4)]
    [InlineData("04/03/2026 10:22", 2026, 3, 4)]
    public void Accepted_date_forms_keep_the_date_as_written(string text, int year, int month, int day)
    {
        var row = CsvInput.SingleRow(CsvInput.ReadRows($"61;T;D;DDT de l'Aube;{text}"));

        Assert.Equal(new DateOnly(year, month, day), row.PublishedOn);
    }

    [Fact]
    public void An_impossible_date_rejects_its_row_with_the_line_and_the_text_as_written()
    {
        var result = CsvInput.ReadFixture("date-impossible.csv");

        Assert.Empty(result.FileErrors);
        Assert.Equal(["401", "402", "404"], result.Rows.Select(r => r.NationalId));
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(6, rejection.LineNumber);
        Assert.Equal("date de publication « 31/02/2026 » invalide (JJ/MM/AAAA attendu)", rejection.Reason);
    }

    [Theory]
    [InlineData("29/02/2026")]
    [InlineData("00/03/2026")]
    [InlineData("04/13/2026")]
    [InlineData("2026-02-30")]
    [InlineData("2026-13-01")]
    [InlineData("04/03/26")]
    [InlineData("04.03.2026")]
    [InlineData("4 mars 2026")]
    [InlineData("demain")]
    [InlineData("2026-03-04T25")]
    [InlineData("٠٤/٠٣/٢٠٢٦")]
    public void Unparseable_or_impossible_dates_reject_the_row(string text)
    {
        var rejection = CsvInput.SingleRejection(CsvInput.ReadRows($"62;T;D;DDT de l'Aube;{text}"));

        Assert.Equal(2, rejection.LineNumber);
        Assert.Equal($"date de publication « {text} » invalide (JJ/MM/AAAA attendu)", rejection.Reason);
    }

    [Fact]
    public void Each_date_column_names_itself_in_the_reason()
    {
        var result = CsvInput.ReadText(
            "id;structure;ecrit_le;date_de_publication;date_de_premiere_reponse\n" +
            "63;DDT;32/01/2026;01/01/2026;hier\n");

        var rejection = CsvInput.SingleRejection(result);
        Assert.Equal(
            "date d'écriture « 32/01/2026 » invalide (JJ/MM/AAAA attendu) ; date de première réponse « hier » invalide (JJ/MM/AAAA attendu)",
            rejection.Reason);
    }

    [Fact]
    public void Empty_optional_dates_are_null()
    {
        var row = CsvInput.SingleRow(CsvInput.ReadText(
            "id;structure;ecrit_le;date_de_publication;date_de_premiere_reponse\n64;DDT;  ;;\n"));

        Assert.Null(row.WrittenOn);
        Assert.Null(row.PublishedOn);
        Assert.Null(row.FirstAnswerOn);
    }
}
