using SpPlus.Core.Feedback;

namespace SpPlus.Core.Tests.Feedback;

public class AnswerTextCheckTests
{
    private const string Greeting = "Bonjour,";
    private const string Thanks = "Merci pour votre retour sur votre passage au guichet.";
    private const string Closing = "Cordialement,\nLe service des titres de la préfecture de l'Aube";

    private static string Answer(string body) => $"{Greeting}\n\n{Thanks}\n{body}\n\n{Closing}";

    private static List<AnswerWarning> Of(IReadOnlyList<AnswerWarning> warnings, AnswerWarningKind kind) =>
        warnings.Where(w => w.Kind == kind).ToList();

    [Fact]
    public void A_well_formed_answer_without_personal_data_gets_no_warning()
    {
        var text = "Bonjour Madame,\n\nNous vous remercions pour votre expérience du 12/03/2026 à la préfecture de l'Aube "
            + "(10000 Troyes). Votre dossier n° 2026-00451 (réf. 123456789) a été traité et la taxe de 55,50 € "
            + "remboursée. Monsieur le Préfet et Madame la Directrice ont pris connaissance de votre message.\n\n"
            + "Nous vous prions d'agréer, Madame, l'expression de nos salutations distinguées.\n"
            + "La préfecture de l'Aube";

        Assert.Empty(AnswerTextCheck.Check(text));
    }

    [Theory]
    [InlineData("camille.durand@exemple.fr")]
    [InlineData("Camille.Durand+avis@mairie-exemple.gouv.fr")]
    [InlineData("camille.durand [at] exemple.fr")]
    [InlineData("camille.durand (arobase) exemple.fr")]
    public void An_email_address_is_reported_with_its_text_as_excerpt(string address)
    {
        var warnings = AnswerTextCheck.Check(Answer($"Écrivez-nous à {address}."));

        var warning = Assert.Single(warnings);
        Assert.Equal(AnswerWarningKind.Email, warning.Kind);
        Assert.Equal(address, warning.Excerpt);
        Assert.Contains($"({address})", warning.Message);
        Assert.Contains("publique", warning.Message);
    }

    [Theory]
    [InlineData("06 12 34 56 78")]
    [InlineData("06.12.34.56.78")]
    [InlineData("06-12-34-56-78")]
    [InlineData("0612345678")]
    [InlineData("03\u00A025\u00A012\u00A034\u00A056")]
    [InlineData("+33 6 12 34 56 78")]
    [InlineData("+33612345678")]
    [InlineData("+33 (0)3 25 12 34 56")]
    [InlineData("0033 3 25 12 34 56")]
    public void A_french_phone_number_is_reported_whatever_its_separators(string number)
    {
        var warnings = AnswerTextCheck.Check(Answer($"Vous pouvez appeler le {number} du lundi au vendredi."));

        var warning = Assert.Single(warnings);
        Assert.Equal(AnswerWarningKind.Phone, warning.Kind);
        Assert.Equal(number, warning.Excerpt);
        Assert.Contains("publique", warning.Message);
    }

    [Theory]
    [InlineData("le 12/03/2026")]
    [InlineData("le 05.03.2026 10:30")]
    [InlineData("au 2 rue de la Paix, 10000 Troyes")]
    [InlineData("pour un montant de 1 250,00 €")]
    [InlineData("sous le numéro 012345678")]
    [InlineData("sous le numéro 0612345678901")]
    [InlineData("en 2026-04-01")]
    public void Dates_postal_codes_amounts_and_short_or_long_numbers_are_not_phone_numbers(string body) =>
        Assert.Empty(Of(AnswerTextCheck.Check(Answer($"Votre demande déposée {body} est traitée.")), AnswerWarningKind.Phone));

    [Fact]
    public void Digits_inside_an_email_address_are_not_reported_again_as_a_phone_number()
    {
        var warnings = AnswerTextCheck.Check(Answer("Contact : 0612345678@exemple.fr"));

        Assert.Equal(AnswerWarningKind.Email, Assert.Single(warnings).Kind);
    }

    [Theory]
    [InlineData("Madame Durand", "Madame Durand")]
    [InlineData("M. LEFEBVRE", "M. LEFEBVRE")]
    [InlineData("Mme Durand-Martin", "Mme Durand-Martin")]
    [InlineData("monsieur Camille Durand", "monsieur Camille Durand")]
    [InlineData("Dr Martin", "Dr Martin")]
    [InlineData("Me Lefebvre", "Me Lefebvre")]
    [InlineData("Maître Lefebvre", "Maître Lefebvre")]
    [InlineData("Mlle Bernard", "Mlle Bernard")]
    public void A_civility_followed_by_a_capitalised_word_is_reported_as_a_probable_name(string body, string excerpt)
    {
        var warnings = AnswerTextCheck.Check(Answer($"Votre dossier a été suivi par {body} à l'accueil."));

        var warning = Assert.Single(warnings);
        Assert.Equal(AnswerWarningKind.ProbableName, warning.Kind);
        Assert.Equal(excerpt, warning.Excerpt);
        Assert.Contains($"« {excerpt} »", warning.Message);
    }

    [Theory]
    [InlineData("Madame, Monsieur,")]
    [InlineData("Madame Monsieur,")]
    [InlineData("Monsieur le Préfet a lu votre message.")]
    [InlineData("Madame la Directrice a lu votre message.")]
    [InlineData("Monsieur Le Maire a lu votre message.")]
    [InlineData("Madame la Sous-Préfète a lu votre message.")]
    [InlineData("Madame L'Usager,")]
    [InlineData("Mes Durand ne sont pas concernés.")]
    public void Greetings_and_functions_after_a_civility_are_not_names(string body) =>
        Assert.Empty(Of(AnswerTextCheck.Check(Answer(body)), AnswerWarningKind.ProbableName));

    [Fact]
    public void A_function_word_after_a_name_is_left_out_of_the_excerpt()
    {
        var warning = Assert.Single(AnswerTextCheck.Check(Answer("Madame Durand Directrice du service vous rappellera.")));

        Assert.Equal("Madame Durand", warning.Excerpt);
    }

    [Fact]
    public void The_same_personal_data_repeated_is_reported_once_and_different_ones_each()
    {
        var warnings = AnswerTextCheck.Check(Answer(
            "Madame Durand, appelez le 06 12 34 56 78. Madame Durand est absente ; sinon le 03 25 12 34 56."));

        Assert.Single(Of(warnings, AnswerWarningKind.ProbableName));
        Assert.Equal(["06 12 34 56 78", "03 25 12 34 56"], Of(warnings, AnswerWarningKind.Phone).Select(w => w.Excerpt));
    }

    [Theory]
    [InlineData("Bonjour Madame,")]
    [InlineData("  bonsoir,")]
    [InlineData("Madame,")]
    [InlineData("Monsieur,")]
    [InlineData("Chère Madame,")]
    [InlineData("CHER MONSIEUR,")]
    [InlineData("\n\nBonjour,")]
    public void A_text_opening_with_a_greeting_gets_no_greeting_warning(string opening) =>
        Assert.Empty(Of(AnswerTextCheck.Check($"{opening}\n{Thanks}\n{Closing}"), AnswerWarningKind.MissingGreeting));

    [Theory]
    [InlineData("Votre demande a été traitée.")]
    [InlineData("Bonjouur,")]
    [InlineData("Nous disons bonjour à tous,")]
    public void A_text_not_opening_with_a_greeting_is_reported(string opening)
    {
        var warning = Assert.Single(AnswerTextCheck.Check($"{opening}\n{Thanks}\n{Closing}"));

        Assert.Equal(AnswerWarningKind.MissingGreeting, warning.Kind);
        Assert.Null(warning.Excerpt);
        Assert.StartsWith("La réponse ne commence pas par une formule de salutation", warning.Message);
    }

    [Theory]
    [InlineData("Merci pour votre avis.")]
    [InlineData("Nous vous REMERCIONS.")]
    [InlineData("Nous tenons à vous remercier.")]
    [InlineData("Avec nos remerciements.")]
    public void Thanks_are_found_whatever_the_case_or_form(string sentence) =>
        Assert.Empty(AnswerTextCheck.Check($"{Greeting}\n{sentence}\n{Closing}"));

    [Fact]
    public void A_text_without_thanks_is_reported()
    {
        var warning = Assert.Single(AnswerTextCheck.Check($"{Greeting}\nVotre demande a été traitée.\n{Closing}"));

        Assert.Equal(AnswerWarningKind.MissingThanks, warning.Kind);
        Assert.Equal("La réponse ne remercie pas l'usager pour son expérience : ajoutez un remerciement (par exemple « Merci pour votre retour »).", warning.Message);
    }

    [Theory]
    [InlineData("Cordialement,\nCamille, pour la préfecture")]
    [InlineData("Bien cordialement\n\nLe pôle accueil\nPréfecture de l'Aube")]
    [InlineData("Respectueusement,\nSGCD de l'Aube")]
    [InlineData("Nous vous prions d'agréer, Madame, nos salutations distinguées.\nDDT de l'Aube")]
    [InlineData("Le service des titres")]
    [InlineData("L'équipe de l'accueil")]
    [InlineData("L’équipe de l’accueil")]
    [InlineData("La sous-préfecture de Nogent-sur-Seine")]
    [InlineData("— La direction départementale des territoires")]
    [InlineData("Le référent Services Publics +")]
    [InlineData("La DDT de l'Aube")]
    [InlineData("Les services de l'État dans l'Aube")]
    public void A_closing_formula_followed_by_a_line_or_a_service_line_is_a_signature(string ending) =>
        Assert.Empty(AnswerTextCheck.Check($"{Greeting}\n{Thanks}\n{ending}"));

    [Theory]
    [InlineData("Cordialement,")]
    [InlineData("Bien à vous.")]
    [InlineData("Camille Martin")]
    [InlineData("Le dossier est clos.")]
    [InlineData("La suite vous sera communiquée.")]
    [InlineData("Les usagers sont informés.")]
    public void A_text_ending_without_a_signature_is_reported(string ending)
    {
        var warning = Assert.Single(AnswerTextCheck.Check($"{Greeting}\n{Thanks}\n{ending}\n\n"));
        Assert.Equal(AnswerWarningKind.MissingSignature, warning.Kind);
        Assert.StartsWith("La réponse ne se termine pas par une signature (le service qui répond)", warning.Message);
    }

    [Fact]
    public void A_rendered_template_passes_the_check()
    {
        var body = "Bonjour,\n\nMerci pour votre avis « {titre} » sur {structure}, publié le {date_experience}.\n\n"
            + "Bien cordialement,\n{signature}";
        var text = AnswerTemplateRenderer.Render(body, new AnswerTemplateValues(
            "la préfecture de l'Aube", new DateOnly(2026, 3, 12), "Le service de l'accueil général", "Accueil rapide"));

        Assert.Empty(AnswerTextCheck.Check(text));
    }

    [Fact]
    public void An_empty_text_only_misses_its_parts()
    {
        var kinds = AnswerTextCheck.Check("  \n ").Select(w => w.Kind);

        Assert.Equal([AnswerWarningKind.MissingGreeting, AnswerWarningKind.MissingThanks, AnswerWarningKind.MissingSignature], kinds);
    }

    [Fact]
    public void Personal_data_comes_first_then_the_missing_parts()
    {
        var kinds = AnswerTextCheck.Check("Votre dossier suivi par M. Martin, joignable au 03 25 12 34 56 ou à martin@exemple.fr.")
            .Select(w => w.Kind);

        Assert.Equal(
            [AnswerWarningKind.Email, AnswerWarningKind.Phone, AnswerWarningKind.ProbableName,
                AnswerWarningKind.MissingGreeting, AnswerWarningKind.MissingThanks, AnswerWarningKind.MissingSignature],
            kinds);
    }
}
