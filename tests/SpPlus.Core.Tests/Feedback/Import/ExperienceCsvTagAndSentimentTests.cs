using SpPlus.Core.Feedback;

namespace SpPlus.Core.Tests.Feedback.Import;

public class ExperienceCsvTagAndSentimentTests
{
    private const string TagHeader =
        "id;structure;tags_généraux_accessibilité;tags_généraux_informationexplication;tags_généraux_relation;"
        + "tags_généraux_réactivité;tags_généraux_simplicitécomplexité";

    [Theory]
    [InlineData("Positif", Sentiment.Positive)]
    [InlineData("positif", Sentiment.Positive)]
    [InlineData(" POSITIF ", Sentiment.Positive)]
    [InlineData("Neutre", Sentiment.Neutral)]
    [InlineData("NEUTRE", Sentiment.Neutral)]
    [InlineData("Négatif", Sentiment.Negative)]
    [InlineData("Negatif", Sentiment.Negative)]
    [InlineData("NÉGATIF", Sentiment.Negative)]
    [InlineData("négatif", Sentiment.Negative)]
    public void Sentiments_are_read_whatever_the_case_and_accents(string text, Sentiment expected)
    {
        var row = CsvInput.SingleRow(CsvInput.ReadText($"id;structure;ressenti_usager\n71;DDT;{text}\n"));

        Assert.Equal(expected, row.Sentiment);
    }

    [Fact]
    public void An_empty_sentiment_is_null()
    {
        Assert.Null(CsvInput.SingleRow(CsvInput.ReadText("id;structure;ressenti_usager\n72;DDT;\n")).Sentiment);
    }

    [Theory]
    [InlineData("Content")]
    [InlineData("Positive")]
    [InlineData("1")]
    public void Another_sentiment_rejects_the_row(string text)
    {
        var rejection = CsvInput.SingleRejection(CsvInput.ReadText($"id;structure;ressenti_usager\n73;DDT;{text}\n"));

        Assert.Equal($"ressenti « {text} » inconnu (Positif, Neutre ou Négatif attendu)", rejection.Reason);
    }

    [Fact]
    public void Each_tag_column_sets_its_own_tag()
    {
        var result = CsvInput.ReadText(TagHeader + "\n"
            + "74;DDT;1;;;;\n"
            + "75;DDT;;1;;;\n"
            + "76;DDT;;;1;;\n"
            + "77;DDT;;;;1;\n"
            + "78;DDT;;;;;1\n");

        Assert.Empty(result.Rejections);
        Assert.Equal(
            [ExperienceTag.Accessibility, ExperienceTag.Information, ExperienceTag.Relation, ExperienceTag.Reactivity, ExperienceTag.Simplicity],
            result.Rows.Select(r => Assert.Single(r.Tags)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("non")]
    [InlineData("NON")]
    [InlineData("Non")]
    [InlineData("false")]
    [InlineData("FALSE")]
    [InlineData("faux")]
    [InlineData("Faux")]
    [InlineData("n")]
    [InlineData("N")]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_or_negative_cells_set_no_tag(string text)
    {
        var row = CsvInput.SingleRow(CsvInput.ReadText($"{TagHeader}\n79;DDT;{text};{text};{text};{text};{text}\n"));

        Assert.Empty(row.Tags);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("oui")]
    [InlineData("Oui")]
    [InlineData("true")]
    [InlineData("x")]
    [InlineData("Accessibilité")]
    public void Any_other_non_empty_cell_sets_the_tag(string text)
    {
        var row = CsvInput.SingleRow(CsvInput.ReadText($"{TagHeader}\n80;DDT;{text};0;;non;\n"));

        Assert.Equal([ExperienceTag.Accessibility], row.Tags);
    }
}
