using SpPlus.Core.Feedback;

namespace SpPlus.Core.Tests.Feedback;

public class AnswerTemplateRendererTests
{
    private static readonly AnswerTemplateValues Values = new(
        "la sous-préfecture de Bar-sur-Aube", new DateOnly(2026, 3, 5), "Le service de l'accueil", "Attente trop longue");

    [Fact]
    public void Every_known_placeholder_is_replaced_by_its_value()
    {
        var text = AnswerTemplateRenderer.Render(
            "Bonjour,\nMerci pour votre avis « {titre} » sur {structure} du {date_experience}.\nCordialement,\n{signature}", Values);

        Assert.Equal(
            "Bonjour,\nMerci pour votre avis « Attente trop longue » sur la sous-préfecture de Bar-sur-Aube du 05/03/2026.\nCordialement,\nLe service de l'accueil",
            text);
    }

    [Theory]
    [InlineData("{STRUCTURE}")]
    [InlineData("{Structure}")]
    [InlineData("{ structure }")]
    public void Placeholder_names_ignore_case_and_inner_spaces(string placeholder) =>
        Assert.Equal("à la sous-préfecture de Bar-sur-Aube", AnswerTemplateRenderer.Render($"à {placeholder}", Values));

    [Fact]
    public void Accents_in_a_placeholder_name_are_ignored() =>
        Assert.Equal("le 05/03/2026", AnswerTemplateRenderer.Render("le {Date_Expérience}", Values));

    [Fact]
    public void Without_a_date_the_experience_date_reads_recemment() =>
        Assert.Equal("votre visite récemment", AnswerTemplateRenderer.Render("votre visite {date_experience}", Values with { ExperienceDate = null }));

    [Fact]
    public void The_date_is_written_day_month_year_with_leading_zeros_whatever_the_current_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("en-US");

            Assert.Equal("01/02/2026", AnswerTemplateRenderer.Render("{date_experience}", Values with { ExperienceDate = new DateOnly(2026, 2, 1) }));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Without_a_title_the_title_placeholder_is_removed() =>
        Assert.Equal("avis []", AnswerTemplateRenderer.Render("avis [{titre}]", Values with { Title = null }));

    [Fact]
    public void Unknown_placeholders_and_lone_braces_are_left_as_typed()
    {
        var body = "Bonjour {prenom}, {structure} {date} { } {signature";

        Assert.Equal("Bonjour {prenom}, la sous-préfecture de Bar-sur-Aube {date} { } {signature", AnswerTemplateRenderer.Render(body, Values));
    }

    [Fact]
    public void A_value_containing_a_placeholder_is_not_filled_again()
    {
        var values = Values with { Structure = "le service {signature}" };

        Assert.Equal("le service {signature} / Le service de l'accueil", AnswerTemplateRenderer.Render("{structure} / {signature}", values));
    }

    [Fact]
    public void Unknown_placeholders_are_listed_once_each_as_typed_in_order_of_appearance()
    {
        var unknown = AnswerTemplateRenderer.UnknownPlaceholders(
            "Bonjour {Nom_Usager}, merci pour {structure} et {date}. {Nom_Usager} {Titre} {date experience} {signature}");

        Assert.Equal(new[] { "{Nom_Usager}", "{date}", "{date experience}" }, unknown);
    }

    [Fact]
    public void A_template_using_only_known_placeholders_has_no_unknown_one() =>
        Assert.Empty(AnswerTemplateRenderer.UnknownPlaceholders(string.Join(" ", AnswerTemplateRenderer.KnownPlaceholders) + " {SIGNATURE}"));

    [Fact]
    public void The_known_placeholders_are_the_four_documented_ones_each_with_a_french_description()
    {
        Assert.Equal(new[] { "{structure}", "{date_experience}", "{signature}", "{titre}" }, AnswerTemplateRenderer.KnownPlaceholders);
        Assert.All(AnswerTemplateRenderer.KnownPlaceholders, p => Assert.False(string.IsNullOrWhiteSpace(AnswerTemplateRenderer.Descriptions[p])));
    }

    [Fact]
    public void Every_known_placeholder_is_rendered_so_none_survives_in_the_text()
    {
        var text = AnswerTemplateRenderer.Render(string.Join("|", AnswerTemplateRenderer.KnownPlaceholders), Values);

        Assert.DoesNotContain("{", text);
        Assert.Equal(4, text.Split('|').Length);
    }
}
