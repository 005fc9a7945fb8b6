using SpPlus.Core.Structures;

namespace SpPlus.Core.Tests.Structures;

public class SlugTests
{
    [Theory]
    [InlineData("Sous-préfecture de Bar-sur-Aube", "sous-prefecture-de-bar-sur-aube")]
    [InlineData("Préfecture de l'Aube", "prefecture-de-l-aube")]
    [InlineData("  DDETSPP   de l’Aube ", "ddetspp-de-l-aube")]
    [InlineData("Œuvre — 2026", "uvre-2026")]
    public void Makes_lower_case_ascii_words_joined_by_hyphens(string text, string expected) =>
        Assert.Equal(expected, Slug.From(text));

    [Theory]
    [InlineData("ddt-aube", true)]
    [InlineData("DDT-aube", false)]
    [InlineData("ddt--aube", false)]
    [InlineData("-ddt", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Validates_slugs(string? slug, bool valid) => Assert.Equal(valid, Slug.IsValid(slug));
}
