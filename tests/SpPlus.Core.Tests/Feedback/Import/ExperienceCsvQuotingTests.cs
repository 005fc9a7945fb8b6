namespace SpPlus.Core.Tests.Feedback.Import;

public class ExperienceCsvQuotingTests
{
    [Fact]
    public void Quoted_cells_keep_separators_and_turn_doubled_quotes_into_one()
    {
        var row = CsvInput.SingleRow(CsvInput.ReadRows(
            "21;\"Titre ; avec séparateur\";\"Il a dit \"\"bonjour\"\" ; puis « au revoir »\";DDT de l'Aube;04/03/2026"));

        Assert.Equal("Titre ; avec séparateur", row.Title);
        Assert.Equal("Il a dit \"bonjour\" ; puis « au revoir »", row.Description);
        Assert.Equal("DDT de l'Aube", row.StructureLabel);
    }

    [Fact]
    public void A_cell_made_only_of_doubled_quotes_is_one_quote_and_an_empty_quoted_cell_is_null()
    {
        var row = CsvInput.SingleRow(CsvInput.ReadRows("22;\"\"\"\"\"\";\"\";DDT de l'Aube;"));

        Assert.Equal("\"\"", row.Title);
        Assert.Null(row.Description);
        Assert.Null(row.PublishedOn);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public void Line_breaks_inside_quotes_are_kept_as_line_feeds_whatever_the_file_uses(string newline)
    {
        var text = string.Join(newline,
            CsvInput.Header,
            "23;Titre;\"Première ligne" + newline + newline + "troisième ligne\";DDT de l'Aube;04/03/2026",
            "24;Suivant;Rien;DDT de l'Aube;05/03/2026") + newline;

        var result = CsvInput.ReadText(text);

        Assert.Empty(result.Rejections);
        Assert.Equal(2, result.Rows.Count);
        Assert.Equal("Première ligne\n\ntroisième ligne", result.Rows[0].Description);
        Assert.Equal(2, result.Rows[0].LineNumber);
        Assert.Equal(5, result.Rows[1].LineNumber);
        Assert.Equal("24", result.Rows[1].NationalId);
    }

    [Fact]
    public void Crlf_and_lf_files_give_the_same_rows()
    {
        var lines = new[]
        {
            CsvInput.Header,
            "25;Un;\"a\nb\";DDT de l'Aube;04/03/2026",
            "26;Deux;c;DDT de l'Aube;05/03/2026",
        };

        var lf = CsvInput.ReadText(string.Join("\n", lines) + "\n");
        var crlf = CsvInput.ReadText(string.Join("\r\n", lines.Select(l => l.Replace("\n", "\r\n"))) + "\r\n");

        Assert.Equal(
            lf.Rows.Select(r => (r.LineNumber, r.NationalId, r.Description, r.PublishedOn)),
            crlf.Rows.Select(r => (r.LineNumber, r.NationalId, r.Description, r.PublishedOn)));
        Assert.Equal([2, 4], crlf.Rows.Select(r => r.LineNumber));
        Assert.Equal("a\nb", crlf.Rows[0].Description);
    }

    [Fact]
    public void The_last_row_needs_no_final_line_break()
    {
        var row = CsvInput.SingleRow(CsvInput.ReadText(CsvInput.Header + "\r\n27;Titre;\"fin\";DDT de l'Aube;04/03/2026"));

        Assert.Equal("27", row.NationalId);
        Assert.Equal(new DateOnly(2026, 3, 4), row.PublishedOn);
    }

    [Fact]
    public void Line_numbers_of_the_realistic_export_account_for_multi_line_cells()
    {
        var result = CsvInput.ReadFixture("export-national-point-virgule.csv");

        Assert.Equal([2, 6, 7, 14, 15, 16, 18, 20, 22, 23], result.Rows.Select(r => r.LineNumber));
    }

    [Fact]
    public void A_quote_never_closed_is_a_file_error_naming_the_line_where_it_opened()
    {
        var result = CsvInput.ReadFixture("guillemet-non-ferme.csv");

        Assert.Equal(["Guillemet non fermé à partir de la ligne 6 : le fichier est mal formé."], result.FileErrors);
        Assert.Empty(result.Rows);
        Assert.Empty(result.Rejections);
    }

    [Fact]
    public void A_quote_never_closed_in_the_header_names_line_one()
    {
        var result = CsvInput.ReadText("id;\"titre;structure\n1;a;b\n");

        Assert.Equal(["Guillemet non fermé à partir de la ligne 1 : le fichier est mal formé."], result.FileErrors);
    }

    [Fact]
    public void A_stray_quote_inside_an_unquoted_cell_is_plain_text()
    {
        var row = CsvInput.SingleRow(CsvInput.ReadRows("28;Le 12\" pouces;Il a dit \"oui;DDT de l'Aube;04/03/2026"));

        Assert.Equal("Le 12\" pouces", row.Title);
        Assert.Equal("Il a dit \"oui", row.Description);
    }

    [Fact]
    public void Spaces_before_an_opening_quote_and_text_after_a_closing_quote_are_tolerated()
    {
        var row = CsvInput.SingleRow(CsvInput.ReadRows("29;  \"Titre; cité\" ;\"Début\" suite;DDT de l'Aube;04/03/2026"));

        Assert.Equal("Titre; cité", row.Title);
        Assert.Equal("Début suite", row.Description);
    }

    [Fact]
    public void Blank_lines_are_skipped_and_do_not_shift_line_numbers()
    {
        var result = CsvInput.ReadText(CsvInput.Header + "\n\n30;A;a;DDT de l'Aube;\n   \n;;;;\n\n31;B;b;DDT de l'Aube;\n");

        Assert.Empty(result.Rejections);
        Assert.Equal([(3, "30"), (7, "31")], result.Rows.Select(r => (r.LineNumber, r.NationalId)));
    }

    [Fact]
    public void Missing_trailing_cells_are_empty()
    {
        var row = CsvInput.SingleRow(CsvInput.ReadRows("32;Titre;Texte;DDT de l'Aube"));

        Assert.Equal("DDT de l'Aube", row.StructureLabel);
        Assert.Null(row.PublishedOn);
    }

    [Fact]
    public void A_row_with_more_cells_than_the_header_is_rejected()
    {
        var result = CsvInput.ReadRows(
            "33;Titre;Texte;DDT de l'Aube;04/03/2026",
            "34;Titre;Texte avec; un point-virgule non protégé;DDT de l'Aube;04/03/2026");

        Assert.Equal("33", Assert.Single(result.Rows).NationalId);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(3, rejection.LineNumber);
        Assert.StartsWith("la ligne contient plus de colonnes que l'en-tête", rejection.Reason);
        Assert.Contains("6 au lieu de 5", rejection.Reason);
    }

    [Fact]
    public void Empty_cells_beyond_the_header_such_as_trailing_separators_are_tolerated()
    {
        var row = CsvInput.SingleRow(CsvInput.ReadRows("35;Titre;Texte;DDT de l'Aube;04/03/2026;;; "));

        Assert.Equal("35", row.NationalId);
        Assert.Equal(new DateOnly(2026, 3, 4), row.PublishedOn);
    }

    [Fact]
    public void Cells_are_trimmed_and_blank_cells_are_null()
    {
        var row = CsvInput.SingleRow(CsvInput.ReadRows("  36 ;  Titre  ;   ;\" DDT de l'Aube \";  04/03/2026 "));

        Assert.Equal("36", row.NationalId);
        Assert.Equal("Titre", row.Title);
        Assert.Null(row.Description);
        Assert.Equal("DDT de l'Aube", row.StructureLabel);
        Assert.Equal(new DateOnly(2026, 3, 4), row.PublishedOn);
    }
}
