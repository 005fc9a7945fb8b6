using Microsoft.AspNetCore.Identity;

namespace SpPlus.Core.Identity;

public class AppUser : IdentityUser
{
    /// <summary>First and last name, shown in histories and lists.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>A disabled account cannot sign in, and its sessions end at the next security stamp check.</summary>
    public bool IsDisabled { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? LastSignInAtUtc { get; set; }

    public List<UserStructure> Structures { get; set; } = [];
}
