using SpPlus.Core.Feedback;

namespace SpPlus.Core.Tests.Feedback.Import;

public class ExperienceCsvHeaderTests
{
    [Fact]
    public void Header_names_are_matched_whatever_their_case_accents_spaces_underscores_hyphens_and_apostrophes()
    {
        var result = CsvInput.ReadText(
            "ID;TITRE;Description;État de l’expérience;Ressenti-Usager;Intitulé typologie 1;INTITULE_TYPOLOGIE_2;intitulé-typologie-3;"
            + "Intitulé de la structure;Tags généraux accessibilité;Tags_Généraux_Information-Explication;TAGS GENERAUX RELATION;"
            + "tags généraux réactivité;tags_généraux_simplicité_complexité;Code postal usager;Écrit le;Date de publication;"
            + "Date de première réponse;Réponse structure 1;Motif de rejet\n"
            + "41;T;D;Traitée;Neutre;R;N;S;Préfecture de l'Aube;1;1;1;1;1;10000;01/03/2026;02/03/2026;03/03/2026;Merci;Aucun\n");

        var row = CsvInput.SingleRow(result);
        Assert.Empty(result.IgnoredColumns);
        IEnumerable<string?> expected = ["41", "T", "D", "Traitée", "R", "N", "S", "Préfecture de l'Aube", "10000", "Merci", "Aucun"];
        IEnumerable<string?> actual =
            [row.NationalId, row.Title, row.Description, row.NationalState, row.Typology1, row.Typology2, row.Typology3,
                row.StructureLabel, row.PostalCode, row.PublishedAnswer, row.RejectionReason];
        Assert.Equal(expected, actual);
        Assert.Equal(Sentiment.Neutral, row.Sentiment);
        Assert.Equal(Enum.GetValues<ExperienceTag>().ToHashSet(), row.Tags);
        Assert.Equal(
            [new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 3)],
            [row.WrittenOn, row.PublishedOn, row.FirstAnswerOn]);
    }

    [Theory]
    [InlineData("id_experience", "identifiant")]
    [InlineData("titre", "title")]
    [InlineData("description", "description")]
    [InlineData("etat", "state")]
    [InlineData("etat_de_lexpérience", "state")]
    [InlineData("ressenti", "sentiment")]
    [InlineData("typologie_1", "typology1")]
    [InlineData("typologie_2", "typology2")]
    [InlineData("typologie_3", "typology3")]
    [InlineData("intitule_structure", "structure")]
    [InlineData("structure", "structure")]
    [InlineData("nom_structure", "structure")]
    [InlineData("code_postal", "postal")]
    [InlineData("date_d'écriture", "written")]
    [InlineData("reponse_structure", "answer")]
    [InlineData("motif_rejet", "rejection")]
    [InlineData("raison_de_rejet", "rejection")]
    public void Each_accepted_alias_fills_its_field(string name, string field)
    {
        var header = field == "identifiant" ? $"{name};structure;valeur" : $"id;intitulé_de_la_structure;{name}";
        var value = field switch
        {
            "sentiment" => "Positif",
            "written" => "04/03/2026",
            _ => "V",
        };
        var line = field == "identifiant" ? "V;Préfecture de l'Aube;x" : $"50;Préfecture de l'Aube;{value}";
        if (field == "structure")
        {
            header = $"id;{name}";
            line = "50;V";
        }

        var result = CsvInput.ReadText(header + "\n" + line + "\n");

        var row = CsvInput.SingleRow(result);
        object? actual = field switch
        {
            "identifiant" => row.NationalId,
            "title" => row.Title,
            "description" => row.Description,
            "state" => row.NationalState,
            "sentiment" => row.Sentiment,
            "typology1" => row.Typology1,
            "typology2" => row.Typology2,
            "typology3" => row.Typology3,
            "structure" => row.StructureLabel,
            "postal" => row.PostalCode,
            "written" => row.WrittenOn,
            "answer" => row.PublishedAnswer,
            "rejection" => row.RejectionReason,
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
        object expected = field switch
        {
            "sentiment" => Sentiment.Positive,
            "written" => new DateOnly(2026, 3, 4),
            _ => "V",
        };
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Unknown_columns_are_ignored_and_listed_as_written()
    {
        var result = CsvInput.ReadFixture("colonnes-inconnues.csv");

        Assert.Empty(result.FileErrors);
        Assert.Empty(result.Rejections);
        Assert.Equal(["Commentaire interne", "Score NPS"], result.IgnoredColumns);
        Assert.Equal(["501", "502"], result.Rows.Select(r => r.NationalId));
        Assert.Equal("Bon accueil", result.Rows[0].Title);
        Assert.Equal(Sentiment.Negative, result.Rows[1].Sentiment);
        Assert.Equal(new DateOnly(2026, 3, 5), result.Rows[1].PublishedOn);
    }

    [Fact]
    public void A_missing_id_column_is_a_file_error()
    {
        var result = CsvInput.ReadText("titre;structure\nSans identifiant;DDT de l'Aube\n");

        Assert.Equal(["Colonne obligatoire absente : id (identifiant de l'expérience)."], result.FileErrors);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void A_file_with_neither_structure_nor_typology_column_is_refused()
    {
        var result = CsvInput.ReadText("id;titre\n51;Sans structure\n");

        Assert.Equal(["Colonne obligatoire absente : intitulé de la structure (ou intitulé typologie 1, 2 ou 3)."], result.FileErrors);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void Both_missing_required_columns_are_reported_together()
    {
        var result = CsvInput.ReadText("titre;description\nA;B\n");

        Assert.Equal(2, result.FileErrors.Count);
        Assert.StartsWith("Colonne obligatoire absente : id", result.FileErrors[0]);
        Assert.StartsWith("Colonne obligatoire absente : intitulé de la structure", result.FileErrors[1]);
    }

    [Fact]
    public void A_typology_column_is_enough_to_place_experiences()
    {
        var row = CsvInput.SingleRow(CsvInput.ReadText("id;intitulé_typologie_2\n52;DDT de l'Aube\n"));

        Assert.Equal("DDT de l'Aube", row.Typology2);
        Assert.Null(row.StructureLabel);
    }

    [Fact]
    public void Two_columns_for_the_same_field_are_a_file_error()
    {
        var result = CsvInput.ReadText("id;id_experience;structure\n53;53;DDT de l'Aube\n");

        Assert.Equal(["Colonne en double : « id » et « id_experience » désignent la même donnée (identifiant de l'expérience)."], result.FileErrors);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void The_same_column_written_twice_with_different_case_is_a_duplicate()
    {
        var result = CsvInput.ReadText("id;Titre;structure;TITRE\n54;A;DDT;B\n");

        Assert.Single(result.FileErrors);
        Assert.Contains("« Titre » et « TITRE »", result.FileErrors[0]);
    }

    [Fact]
    public void Quoted_header_names_are_matched_like_plain_ones()
    {
        var row = CsvInput.SingleRow(CsvInput.ReadText("\"id\";\"Intitulé de la structure\"\r\n55;DDT de l'Aube\r\n"));

        Assert.Equal("55", row.NationalId);
        Assert.Equal("DDT de l'Aube", row.StructureLabel);
    }
}
