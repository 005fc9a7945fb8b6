using SpPlus.Core.Common;

namespace SpPlus.Core.Indicators;

/// <summary>The figures of one indicator computed by SpPlus, with the reason when it is not applicable and a comment saying where they come from.</summary>
public sealed record ComputedFigures(IndicatorFigures Figures, string? NotApplicableReason, string Comment);

/// <summary>
/// Computes the indicators whose <see cref="Indicator.Source"/> is not <see cref="IndicatorSource.Entered"/> for one
/// structure and quarter, keyed by indicator code. <see cref="QuarterlyReportService"/> writes them into a draft report
/// when it is opened, saved and submitted: after submission the reviewed figures stay as they were submitted.
/// </summary>
public interface IComputedIndicatorSource
{
    Task<IReadOnlyDictionary<string, ComputedFigures>> ComputeAsync(int structureId, Quarter quarter, CancellationToken cancellationToken = default);
}
