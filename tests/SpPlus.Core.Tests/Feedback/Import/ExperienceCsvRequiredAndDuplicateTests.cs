namespace SpPlus.Core.Tests.Feedback.Import;

public class ExperienceCsvRequiredAndDuplicateTests
{
    [Fact]
    public void A_row_without_id_is_rejected()
    {
        var result = CsvInput.ReadRows("81;A;a;DDT de l'Aube;", "  ;B;b;DDT de l'Aube;");

        Assert.Equal("81", Assert.Single(result.Rows).NationalId);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(3, rejection.LineNumber);
        Assert.Equal("identifiant de l'expérience manquant", rejection.Reason);
    }

    [Fact]
    public void A_row_with_neither_structure_nor_typology_is_rejected()
    {
        var result = CsvInput.ReadText(
            "id;intitulé_de_la_structure;intitulé_typologie_1;intitulé_typologie_3\n" +
            "82;;;\n" +
            "83;;;Accueil\n");

        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(2, rejection.LineNumber);
        Assert.Equal("intitulé de la structure et typologies vides : impossible de rattacher l'expérience à une structure", rejection.Reason);
        Assert.Equal("Accueil", Assert.Single(result.Rows).Typology3);
    }

    [Fact]
    public void Every_problem_of_a_row_is_given_in_one_reason()
    {
        var rejection = CsvInput.SingleRejection(CsvInput.ReadText("id;structure;ressenti;date_de_publication\n;;Ravi;31/04/2026\n"));

        Assert.Equal(
            "identifiant de l'expérience manquant ; intitulé de la structure et typologies vides : impossible de rattacher "
            + "l'expérience à une structure ; ressenti « Ravi » inconnu (Positif, Neutre ou Négatif attendu) ; "
            + "date de publication « 31/04/2026 » invalide (JJ/MM/AAAA attendu)",
            rejection.Reason);
    }

    [Fact]
    public void A_duplicated_id_keeps_the_first_occurrence_and_rejects_the_later_ones()
    {
        var result = CsvInput.ReadFixture("identifiant-en-double.csv");

        Assert.Empty(result.FileErrors);
        Assert.Equal(["12344", "12345", "12346"], result.Rows.Select(r => r.NationalId));
        Assert.Equal("Original", result.Rows.Single(r => r.NationalId == "12345").Title);
        Assert.Equal(
            [
                new(7, "identifiant 12345 en double dans le fichier (déjà présent ligne 4)"),
                new(8, "identifiant 12345 en double dans le fichier (déjà présent ligne 4)"),
            ],
            result.Rejections);
    }

    [Fact]
    public void The_first_occurrence_of_an_id_wins_even_when_it_is_itself_rejected()
    {
        var result = CsvInput.ReadRows("84;A;a;DDT de l'Aube;31/02/2026", "84;B;b;DDT de l'Aube;01/03/2026");

        Assert.Empty(result.Rows);
        Assert.Equal([2, 3], result.Rejections.Select(r => r.LineNumber));
        Assert.Equal("identifiant 84 en double dans le fichier (déjà présent ligne 2)", result.Rejections[1].Reason);
    }

    [Fact]
    public void Postal_codes_stay_text_with_their_leading_zero()
    {
        var row = CsvInput.SingleRow(CsvInput.ReadText("id;structure;code_postal_usager\n0042;DDT;01000\n"));

        Assert.Equal("01000", row.PostalCode);
        Assert.Equal("0042", row.NationalId);
    }

    [Theory]
    [InlineData("titre", 300, "titre (301 caractères, 300 au maximum)")]
    [InlineData("description", 10_000, "description (10 001 caractères, 10 000 au maximum)")]
    [InlineData("reponse_structure_1", 10_000, "réponse de la structure (10 001 caractères, 10 000 au maximum)")]
    [InlineData("etat_de_lexperience", 300, "état de l'expérience (301 caractères, 300 au maximum)")]
    [InlineData("intitule_typologie_1", 300, "intitulé typologie 1 (301 caractères, 300 au maximum)")]
    [InlineData("code_postal_usager", 300, "code postal de l'usager (301 caractères, 300 au maximum)")]
    [InlineData("motif_de_rejet", 300, "motif de rejet (301 caractères, 300 au maximum)")]
    public void Texts_up_to_their_bound_are_accepted_and_longer_ones_reject_the_row(string column, int bound, string expected)
    {
        var header = $"id;structure;{column}\n";

        var atBound = CsvInput.SingleRow(CsvInput.ReadText(header + $"85;DDT;{new string('é', bound)}\n"));
        var rejection = CsvInput.SingleRejection(CsvInput.ReadText(header + $"86;DDT;{new string('é', bound + 1)}\n"));

        Assert.Equal("85", atBound.NationalId);
        var reason = rejection.Reason.Replace('\u202F', ' ').Replace('\u00A0', ' ');
        Assert.Equal("texte trop long dans la colonne " + expected, reason);
    }

    [Fact]
    public void An_overlong_structure_label_and_id_are_rejected_too()
    {
        var rejection = CsvInput.SingleRejection(CsvInput.ReadText($"id;structure\n{new string('1', 301)};{new string('S', 301)}\n"));

        Assert.Contains("colonne identifiant de l'expérience (301 caractères, 300 au maximum)", rejection.Reason);
        Assert.Contains("colonne intitulé de la structure (301 caractères, 300 au maximum)", rejection.Reason);
    }

    [Fact]
    public void The_length_bound_applies_after_trimming()
    {
        var row = CsvInput.SingleRow(CsvInput.ReadText($"id;structure;titre\n87;DDT;   {new string('a', 300)}   \n"));

        Assert.Equal(300, row.Title!.Length);
    }
}
