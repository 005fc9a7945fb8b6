using SpPlus.Core.Common;
using SpPlus.Core.Reviews;
using SpPlus.Core.Structures;

namespace SpPlus.Core.Indicators;

/// <summary>One structure's indicator values for one quarter (résultats trimestriels), moved by the review workflow.</summary>
public class QuarterlyReport : IReviewable
{
    public int Id { get; set; }

    public int StructureId { get; set; }
    public Structure? Structure { get; set; }

    public int Year { get; set; }

    public int QuarterNumber { get; set; }

    public Quarter Quarter => new(Year, QuarterNumber);

    public ReviewState State { get; set; } = ReviewState.Draft;

    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    public DateTime? StateChangedAtUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Set when the report is published; cleared if it is reopened.</summary>
    public DateTime? PublishedAtUtc { get; set; }

    public ReviewDocumentKind ReviewKind => ReviewDocumentKind.QuarterlyReport;

    public List<IndicatorValue> Values { get; set; } = [];
}

/// <summary>One indicator's figures in a quarterly report.</summary>
public class IndicatorValue
{
    public int Id { get; set; }

    public int ReportId { get; set; }
    public QuarterlyReport? Report { get; set; }

    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }

    /// <summary>Ratio: the numerator (a count).</summary>
    public int? Numerator { get; set; }

    /// <summary>Ratio: the denominator (a count, &gt; 0).</summary>
    public int? Denominator { get; set; }

    /// <summary>Average, count or score: the value entered.</summary>
    public double? Value { get; set; }

    /// <summary>Average: the number of measures the average is made of (weights the département figure).</summary>
    public int? Count { get; set; }

    public bool IsNotApplicable { get; set; }

    public string? NotApplicableReason { get; set; }

    public string? Comment { get; set; }
}
