using SpPlus.Core.Feedback;

namespace SpPlus.Core.Tests.Feedback.Import;

public class ExperienceCsvSeparatorTests
{
    [Fact]
    public void A_semicolon_export_is_split_on_semicolons_and_keeps_commas_in_text()
    {
        var result = CsvInput.ReadFixture("export-national-point-virgule.csv");

        Assert.Empty(result.FileErrors);
        Assert.Equal(10, result.Rows.Count);
        var row = result.Rows.Single(r => r.NationalId == "104509");
        Assert.Equal("Réponse claire, délai correct.", row.Description);
        Assert.Equal("SGCD de l'Aube", row.StructureLabel);
    }

    [Fact]
    public void A_comma_export_is_split_on_commas_and_keeps_semicolons_in_text()
    {
        var result = CsvInput.ReadText(
            "id,titre,description,structure\n" +
            "7,Titre,Premier point ; second point,DDT de l'Aube\n");

        var row = CsvInput.SingleRow(result);
        Assert.Equal("Premier point ; second point", row.Description);
        Assert.Equal("DDT de l'Aube", row.StructureLabel);
    }

    [Fact]
    public void The_separator_is_the_one_that_names_more_known_columns_not_the_more_frequent_character()
    {
        // Four semicolons against two commas, but only the comma yields known column names.
        var result = CsvInput.ReadText(
            "id,\"note; libre; sans; rapport; ici\",structure\n" +
            "8,a;b;c;d;e,DDT de l'Aube\n");

        var row = CsvInput.SingleRow(result);
        Assert.Equal("8", row.NationalId);
        Assert.Equal("DDT de l'Aube", row.StructureLabel);
        Assert.Equal(["note; libre; sans; rapport; ici"], result.IgnoredColumns);
    }

    [Fact]
    public void A_comma_inside_a_quoted_header_name_does_not_turn_a_semicolon_file_into_a_comma_file()
    {
        var result = CsvInput.ReadText(
            "\"Remarque, interne\";id;titre;structure\n" +
            "rien;9;Bonjour, merci;Préfecture de l'Aube\n");

        var row = CsvInput.SingleRow(result);
        Assert.Equal("Bonjour, merci", row.Title);
        Assert.Equal(["Remarque, interne"], result.IgnoredColumns);
    }

    [Fact]
    public void A_comma_export_with_json_names_and_iso_dates_is_read_whole()
    {
        var result = CsvInput.ReadFixture("export-virgule-noms-json.csv");

        Assert.Empty(result.FileErrors);
        Assert.Empty(result.Rejections);
        Assert.Empty(result.IgnoredColumns);
        Assert.Equal(["204501", "204502", "204503"], result.Rows.Select(r => r.NationalId));
        var first = result.Rows[0];
        Assert.Equal("Accueil clair, rapide, efficace.", first.Description);
        Assert.Equal("Bonjour,\nMerci, à bientôt.", first.PublishedAnswer);
        Assert.Equal(Sentiment.Positive, first.Sentiment);
        Assert.Equal("Préfectures", first.Typology1);
        Assert.Equal("Préfecture de l'Aube", first.StructureLabel);
        Assert.Equal(new DateOnly(2026, 3, 4), first.WrittenOn);
        Assert.Equal(new DateOnly(2026, 3, 5), first.PublishedOn);
        Assert.Equal(new DateOnly(2026, 3, 9), first.FirstAnswerOn);
        var second = result.Rows[1];
        Assert.Equal("On m'a dit \"revenez demain\", sans explication.", second.Description);
        Assert.Equal("En attente de réponse", second.NationalState);
        Assert.Equal(new DateOnly(2026, 3, 5), second.WrittenOn);
        Assert.Null(second.FirstAnswerOn);
        Assert.Null(second.PublishedAnswer);
        var third = result.Rows[2];
        Assert.Equal("01000", third.PostalCode);
        Assert.Equal(new DateOnly(2026, 3, 8), third.PublishedOn);
        Assert.Equal(new DateOnly(2026, 3, 10), third.FirstAnswerOn);
    }
}
