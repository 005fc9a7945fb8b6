using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace SpPlus.Core.Identity;

/// <summary>
/// Refuses passwords found in a list of commonly used ones, and trivial ones (one repeated character, a run of
/// consecutive digits or letters, the user's own e-mail). No composition rule: length does the work.
/// </summary>
public sealed class CommonPasswordValidator<TUser> : IPasswordValidator<TUser> where TUser : class
{
    private static readonly Lazy<HashSet<string>> CommonPasswords = new(Load);

    public const string ErrorCode = "CommonPassword";

    public async Task<IdentityResult> ValidateAsync(UserManager<TUser> manager, TUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return IdentityResult.Success;
        }

        var email = await manager.GetEmailAsync(user);
        return IsWeak(password, email)
            ? IdentityResult.Failed(new IdentityError
            {
                Code = ErrorCode,
                Description = "Ce mot de passe est trop courant ou trop facile à deviner. Choisissez une phrase de passe personnelle.",
            })
            : IdentityResult.Success;
    }

    public static bool IsWeak(string password, string? email = null)
    {
        var lowered = password.Trim().ToLowerInvariant();
        if (CommonPasswords.Value.Contains(lowered))
        {
            return true;
        }

        if (lowered.Distinct().Count() <= 2)
        {
            return true;
        }

        if (IsRun(lowered))
        {
            return true;
        }

        if (!string.IsNullOrEmpty(email))
        {
            var lowerEmail = email.ToLowerInvariant();
            var localPart = lowerEmail.Split('@')[0];
            if (lowered == lowerEmail || localPart.Length >= 4 && lowered.Contains(localPart, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRun(string text)
    {
        // "123456789012", "abcdefghijkl", "987654321098": each character one step from the previous one (digits wrap).
        var ascending = true;
        var descending = true;
        for (var i = 1; i < text.Length; i++)
        {
            var step = text[i] - text[i - 1];
            var wraps = char.IsDigit(text[i]) && char.IsDigit(text[i - 1]);
            ascending &= step == 1 || wraps && step == -9;
            descending &= step == -1 || wraps && step == 9;
        }

        return ascending || descending;
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("SpPlus.Core.Identity.common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.ToLowerInvariant());
            }
        }

        return set;
    }
}
