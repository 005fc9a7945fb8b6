using SpPlus.Web.MySpace;

namespace SpPlus.Web.Models;

public sealed class MySpaceViewModel
{
    public string DisplayName { get; init; } = "";
    public IReadOnlyList<string> Roles { get; init; } = [];
    public IReadOnlyList<string> StructureNames { get; init; } = [];
    public IReadOnlyList<MySpaceItem> Items { get; init; } = [];
    public IReadOnlyList<string> EmptyMessages { get; init; } = [];
    public IReadOnlyList<MySpaceItem> Shortcuts { get; init; } = [];
}
