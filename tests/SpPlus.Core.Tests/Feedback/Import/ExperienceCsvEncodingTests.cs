using System.Text;
using SpPlus.Core.Feedback.Import;

namespace SpPlus.Core.Tests.Feedback.Import;

public class ExperienceCsvEncodingTests
{
    private const string NotText = "Le fichier n'est pas un fichier CSV lisible (texte UTF-8 attendu).";

    [Fact]
    public void Utf8_with_and_without_byte_order_mark_give_the_same_rows()
    {
        const string Text = "id;intitulé de la structure;titre\n11;Préfecture de l'Aube;Démarche réussie\n";

        var withBom = CsvInput.SingleRow(CsvInput.ReadText(Text, bom: true));
        var withoutBom = CsvInput.SingleRow(CsvInput.ReadText(Text));

        Assert.Equal("11", withBom.NationalId);
        Assert.Equal("Démarche réussie", withBom.Title);
        Assert.Equal(withoutBom.NationalId, withBom.NationalId);
        Assert.Equal(withoutBom.StructureLabel, withBom.StructureLabel);
        Assert.Equal(withoutBom.Title, withBom.Title);
    }

    [Fact]
    public void The_byte_order_mark_does_not_hide_the_first_header_name()
    {
        // Were the mark kept, the first column would read "\uFEFFid" and be unknown.
        var result = CsvInput.ReadText("id;structure\n12;DDT de l'Aube\n", bom: true);

        Assert.Equal("12", CsvInput.SingleRow(result).NationalId);
        Assert.Empty(result.IgnoredColumns);
    }

    [Fact]
    public void A_zero_byte_file_is_empty()
    {
        var result = CsvInput.ReadFixture("vide.csv");

        Assert.Equal(["Le fichier est vide."], result.FileErrors);
        Assert.Empty(result.Rows);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\r\n")]
    [InlineData("  \n\t\n")]
    public void A_file_with_nothing_but_a_byte_order_mark_and_blank_lines_is_empty(string text)
    {
        Assert.Equal(["Le fichier est vide."], CsvInput.ReadText(text, bom: true).FileErrors);
    }

    [Fact]
    public void An_image_renamed_as_csv_is_not_readable()
    {
        var result = CsvInput.ReadFixture("image-renommee.csv");

        Assert.Equal([NotText], result.FileErrors);
        Assert.Empty(result.Rows);
        Assert.Empty(result.Rejections);
    }

    [Fact]
    public void Nul_characters_in_otherwise_valid_text_make_the_file_unreadable()
    {
        var result = CsvInput.ReadText("id;structure\n13;DDT\0de l'Aube\n");

        Assert.Equal([NotText], result.FileErrors);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void A_windows_1252_file_is_refused_rather_than_read_with_broken_accents()
    {
        var latin1 = Encoding.Latin1.GetBytes("id;structure;titre\n14;Préfecture de l'Aube;Très bien\n");

        var result = ExperienceCsvReader.Read(new MemoryStream(latin1));

        Assert.Equal([NotText], result.FileErrors);
    }

    [Fact]
    public void A_utf16_file_is_refused_even_with_its_byte_order_mark()
    {
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("id;structure\n15;DDT de l'Aube\n")).ToArray();

        Assert.Equal([NotText], ExperienceCsvReader.Read(new MemoryStream(utf16)).FileErrors);
    }

    [Fact]
    public void A_multi_byte_character_cut_at_the_end_of_the_file_is_refused()
    {
        var bytes = CsvInput.Bytes("id;structure;titre\n16;DDT de l'Aube;Fin coupée é");
        var truncated = bytes[..^1];

        Assert.Equal([NotText], ExperienceCsvReader.Read(new MemoryStream(truncated)).FileErrors);
    }

    [Fact]
    public void A_multi_byte_character_split_across_read_chunks_is_decoded()
    {
        // Place "é" (two bytes) across the 64 Kio boundary of the reader's buffer; the filler goes in an ignored column.
        var prefix = "id;structure;remplissage;titre\n17;DDT de l'Aube;";
        var filler = new string('a', (64 * 1024) - Encoding.UTF8.GetByteCount(prefix) - 2);
        var text = prefix + filler + ";été\n";
        Assert.Equal(0xC3, CsvInput.Bytes(text)[(64 * 1024) - 1]);

        var row = CsvInput.SingleRow(CsvInput.ReadText(text));

        Assert.Equal("été", row.Title);
    }

    [Fact]
    public void A_header_without_data_rows_is_refused()
    {
        var result = CsvInput.ReadFixture("en-tete-seul.csv");

        Assert.Equal(["Le fichier ne contient aucune ligne de données."], result.FileErrors);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void A_header_followed_by_blank_lines_and_bare_separators_has_no_data()
    {
        var result = CsvInput.ReadText("id;structure;titre\r\n\r\n;;\r\n   \r\n");

        Assert.Equal(["Le fichier ne contient aucune ligne de données."], result.FileErrors);
    }
}
