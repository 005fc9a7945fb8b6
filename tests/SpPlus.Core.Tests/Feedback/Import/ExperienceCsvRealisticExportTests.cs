using System.Globalization;
using SpPlus.Core.Feedback;
using SpPlus.Core.Feedback.Import;

namespace SpPlus.Core.Tests.Feedback.Import;

/// <summary>The national export as downloaded: semicolons, byte order mark, CRLF, multi-line quoted texts.</summary>
public class ExperienceCsvRealisticExportTests
{
    private readonly ExperienceCsvResult _result = CsvInput.ReadFixture("export-national-point-virgule.csv");

    [Fact]
    public void Every_row_is_accepted_and_no_column_is_ignored()
    {
        Assert.Empty(_result.FileErrors);
        Assert.Empty(_result.Rejections);
        Assert.Empty(_result.IgnoredColumns);
        Assert.Equal(Enumerable.Range(104501, 10).Select(i => i.ToString(CultureInfo.InvariantCulture)), _result.Rows.Select(r => r.NationalId));
    }

    [Fact]
    public void A_complete_row_is_read_field_by_field()
    {
        var row = _result.Rows[0];

        Assert.Equal(2, row.LineNumber);
        Assert.Equal("Accueil rapide pour mon titre de séjour", row.Title);
        Assert.Equal("Rendez-vous tenu à l'heure ; agent aimable.\nMerci au guichet 3.", row.Description);
        Assert.Equal("Traitée", row.NationalState);
        Assert.Equal(Sentiment.Positive, row.Sentiment);
        Assert.Equal("Préfectures", row.Typology1);
        Assert.Equal("Préfecture de l'Aube", row.Typology2);
        Assert.Equal("Titres de séjour", row.Typology3);
        Assert.Equal("Préfecture de l'Aube", row.StructureLabel);
        Assert.Equal(new HashSet<ExperienceTag> { ExperienceTag.Information, ExperienceTag.Relation, ExperienceTag.Reactivity }, row.Tags);
        Assert.Equal("10000", row.PostalCode);
        Assert.Equal(new DateOnly(2026, 3, 2), row.WrittenOn);
        Assert.Equal(new DateOnly(2026, 3, 4), row.PublishedOn);
        Assert.Equal(new DateOnly(2026, 3, 9), row.FirstAnswerOn);
        Assert.Equal("Bonjour,\nMerci pour votre message.\nLe service des étrangers", row.PublishedAnswer);
        Assert.Null(row.RejectionReason);
    }

    [Fact]
    public void Quotes_blank_lines_and_separators_inside_a_description_survive()
    {
        var row = _result.Rows.Single(r => r.NationalId == "104503");

        Assert.Equal("Le formulaire \"Cerfa\" était difficile à comprendre :\n- rubrique 4 ;\n- rubrique 7.\n\nFin.", row.Description);
        Assert.Equal(new HashSet<ExperienceTag> { ExperienceTag.Information, ExperienceTag.Simplicity }, row.Tags);
        Assert.Equal(Sentiment.Neutral, row.Sentiment);
    }

    [Fact]
    public void Short_dates_empty_cells_and_leading_zeros_are_handled()
    {
        var second = _result.Rows.Single(r => r.NationalId == "104502");
        var fourth = _result.Rows.Single(r => r.NationalId == "104504");
        var ninth = _result.Rows.Single(r => r.NationalId == "104509");

        Assert.Equal(new DateOnly(2026, 3, 3), second.WrittenOn);
        Assert.Null(second.FirstAnswerOn);
        Assert.Null(second.Typology3);
        Assert.Null(second.PublishedAnswer);
        Assert.Equal("01000", fourth.PostalCode);
        Assert.Equal(Sentiment.Positive, fourth.Sentiment);
        Assert.Null(ninth.Sentiment);
        Assert.Empty(ninth.Tags);
    }

    [Fact]
    public void A_moderated_experience_keeps_its_state_and_rejection_reason()
    {
        var row = _result.Rows.Single(r => r.NationalId == "104505");

        Assert.Equal("Rejetée", row.NationalState);
        Assert.Equal("Contient des données personnelles", row.RejectionReason);
        Assert.Null(row.PublishedOn);
        Assert.Equal(Sentiment.Negative, row.Sentiment);
    }
}
