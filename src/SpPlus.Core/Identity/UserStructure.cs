using SpPlus.Core.Structures;

namespace SpPlus.Core.Identity;

/// <summary>A structure a user works for (a correspondent's scope).</summary>
public class UserStructure
{
    public string UserId { get; set; } = "";
    public AppUser? User { get; set; }

    public int StructureId { get; set; }
    public Structure? Structure { get; set; }
}
