using SpPlus.Core.Engagements;
using SpPlus.Core.Settings;

namespace SpPlus.Core.Tests.Settings;

/// <summary>The reading rule of an address setting: an absolute https:// address of at most 500 characters, else the default.</summary>
public class SettingReaderTests
{
    private const string DepartmentForm = "https://www.aube.gouv.fr/Demarches/Je-donne-mon-avis?service=accueil&source=qr";

    [Theory]
    [InlineData(null, UrlCheck.Empty)]
    [InlineData("", UrlCheck.Empty)]
    [InlineData("   ", UrlCheck.Empty)]
    [InlineData("http://www.aube.gouv.fr/avis", UrlCheck.Insecure)]
    [InlineData("HTTP://www.aube.gouv.fr/avis", UrlCheck.Insecure)]
    [InlineData("www.aube.gouv.fr/avis", UrlCheck.NotHttps)]
    [InlineData("aube.gouv.fr", UrlCheck.NotHttps)]
    [InlineData("/avis", UrlCheck.NotHttps)]
    [InlineData("ftp://www.aube.gouv.fr/avis", UrlCheck.NotHttps)]
    [InlineData("javascript:alert(1)", UrlCheck.NotHttps)]
    [InlineData("https:www.aube.gouv.fr/avis", UrlCheck.NotHttps)]
    [InlineData("https://", UrlCheck.NotHttps)]
    [InlineData("https:///avis", UrlCheck.NotHttps)]
    [InlineData("https://www.aube.gouv.fr/je donne mon avis", UrlCheck.NotHttps)]
    [InlineData("https://www.aube.gouv.fr/avis\tsuite", UrlCheck.NotHttps)]
    [InlineData("https://www.aube.gouv.fr/", UrlCheck.Valid)]
    [InlineData("  https://www.aube.gouv.fr/avis  ", UrlCheck.Valid)]
    [InlineData("HTTPS://WWW.AUBE.GOUV.FR/AVIS", UrlCheck.Valid)]
    [InlineData(DepartmentForm, UrlCheck.Valid)]
    public void An_address_is_checked_by_one_rule(string? text, UrlCheck expected) =>
        Assert.Equal(expected, SettingReader.CheckUrl(text));

    [Fact]
    public void An_address_of_500_characters_is_accepted_and_one_of_501_refused()
    {
        var prefix = "https://www.aube.gouv.fr/avis?ref=";
        var longest = prefix + new string('a', SettingReader.MaxUrlLength - prefix.Length);
        Assert.Equal(500, longest.Length);

        Assert.Equal(UrlCheck.Valid, SettingReader.CheckUrl(longest));
        Assert.Equal(UrlCheck.TooLong, SettingReader.CheckUrl(longest + "a"));
        Assert.Equal(UrlCheck.Valid, SettingReader.CheckUrl("  " + longest + "  "));
        Assert.Equal(OpinionPlatform.Url, SettingReader.ReadUrl(longest + "a", OpinionPlatform.Url));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("pas une adresse")]
    [InlineData("http://www.aube.gouv.fr/avis")]
    [InlineData("ftp://www.aube.gouv.fr/avis")]
    public void An_empty_invalid_or_insecure_stored_address_gives_the_default(string? stored)
    {
        Assert.Equal(OpinionPlatform.Url, SettingReader.ReadUrl(stored, OpinionPlatform.Url));
        Assert.Null(SettingReader.ReadUrl(stored));
    }

    [Fact]
    public void A_valid_stored_address_is_read_without_its_surrounding_spaces()
    {
        Assert.Equal(DepartmentForm, SettingReader.ReadUrl(DepartmentForm, OpinionPlatform.Url));
        Assert.Equal(DepartmentForm, SettingReader.ReadUrl($" {DepartmentForm}\n", OpinionPlatform.Url));
        Assert.Equal(DepartmentForm, SettingReader.ReadUrl(DepartmentForm));
    }

    [Fact]
    public void The_default_opinion_form_is_the_national_platform() =>
        Assert.Equal("https://www.plus.transformation.gouv.fr/", SettingKeys.DefaultOpinionFormUrl);
}
