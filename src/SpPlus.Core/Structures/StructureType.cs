namespace SpPlus.Core.Structures;

public enum StructureType
{
    Prefecture = 1,
    SubPrefecture = 2,
    Sgcd = 3,
    Ddt = 4,
    Ddetspp = 5,
    Other = 9,
}

public static class StructureTypeLabels
{
    public static string Label(this StructureType type) => type switch
    {
        StructureType.Prefecture => "Préfecture",
        StructureType.SubPrefecture => "Sous-préfecture",
        StructureType.Sgcd => "SGCD",
        StructureType.Ddt => "DDT",
        StructureType.Ddetspp => "DDETSPP",
        _ => "Autre",
    };
}
