namespace SpPlus.Core.Structures;

/// <summary>A service receiving the public (préfecture, sous-préfecture, SGCD, DDT, DDETSPP...).</summary>
public class Structure
{
    public int Id { get; set; }

    public int DepartmentId { get; set; }
    public Department? Department { get; set; }

    public string Name { get; set; } = "";

    /// <summary>URL-safe identifier, unique, used in public addresses and demo e-mails.</summary>
    public string Slug { get; set; } = "";

    public StructureType Type { get; set; }

    public int? ParentId { get; set; }
    public Structure? Parent { get; set; }

    public bool IsActive { get; set; } = true;
}
