namespace SpPlus.Core.Structures;

/// <summary>A French département whose State services use the portal.</summary>
public class Department
{
    public int Id { get; set; }

    /// <summary>The official code, e.g. "10" for the Aube.</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public List<Structure> Structures { get; set; } = [];
}
