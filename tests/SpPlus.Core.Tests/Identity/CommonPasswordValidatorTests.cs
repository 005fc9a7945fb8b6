using SpPlus.Core.Identity;

namespace SpPlus.Core.Tests.Identity;

public class CommonPasswordValidatorTests
{
    [Theory]
    [InlineData("motdepasse123")]
    [InlineData("Azertyuiop123")]
    [InlineData("123456789012")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("abababababab")]
    [InlineData("abcdefghijklm")]
    [InlineData("987654321098")]
    [InlineData("Bienvenue2026")]
    public void Refuses_common_and_trivial_passwords(string password) =>
        Assert.True(CommonPasswordValidator<AppUser>.IsWeak(password));

    [Theory]
    [InlineData("la tour de Troyes au printemps")]
    [InlineData("SpPlus-Demo-2026!")]
    [InlineData("Cheval-Agrafe-Batterie-9")]
    public void Accepts_long_personal_passphrases(string password) =>
        Assert.False(CommonPasswordValidator<AppUser>.IsWeak(password));

    [Fact]
    public void Refuses_a_password_made_of_the_users_own_email()
    {
        Assert.True(CommonPasswordValidator<AppUser>.IsWeak("camille.durand2026", "camille.durand@aube.gouv.fr"));
        Assert.False(CommonPasswordValidator<AppUser>.IsWeak("un chat sur le toit", "camille.durand@aube.gouv.fr"));
    }
}
