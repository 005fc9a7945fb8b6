using SpPlus.Core.Engagements;

namespace SpPlus.Core.SelfAssessments;

/// <summary>A draft or active framework whose grid has not been created yet.</summary>
public sealed record FrameworkWithoutGrid(int FrameworkId, int Year, string FrameworkName, FrameworkStatus Status, int EngagementCount);

/// <summary>
/// The grids page: the frameworks with the versions of their grid (newest framework first), and the draft or active
/// frameworks that have none yet, whose grid the editor can create.
/// </summary>
public sealed record GridOverview(IReadOnlyList<FrameworkGrids> Frameworks, IReadOnlyList<FrameworkWithoutGrid> WithoutGrid);
