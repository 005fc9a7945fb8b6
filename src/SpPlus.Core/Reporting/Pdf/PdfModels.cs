namespace SpPlus.Core.Reporting.Pdf;

/// <summary>What a <see cref="PdfReport"/> needs to start: title, orientation, header and the generation date.</summary>
public sealed record PdfReportOptions
{
    /// <summary>Document title: first-page title, left of every page header, PDF metadata.</summary>
    public required string Title { get; init; }

    /// <summary>The moment shown in the footer (dd/MM/yyyy) and stored as creation date; passed in to stay deterministic.</summary>
    public required DateTime GeneratedAt { get; init; }

    public PdfOrientation Orientation { get; init; } = PdfOrientation.Portrait;

    /// <summary>Right-hand text of every page header, e.g. the département.</summary>
    public string HeaderText { get; init; } = PdfTheme.DefaultHeaderText;

    /// <summary>Optional line under the title on the first page (structure, quarter…).</summary>
    public string? Subtitle { get; init; }

    /// <summary>Size of the first-page title, in points (larger on a poster).</summary>
    public double TitleSize { get; init; } = PdfTheme.TitleSize;

    /// <summary>Size of the first-page subtitle, in points.</summary>
    public double SubtitleSize { get; init; } = PdfTheme.SubtitleSize;

    /// <summary>PDF metadata subject.</summary>
    public string? Subject { get; init; }
}

/// <summary>A key-figure tile: a big value, a label, an optional note and colour.</summary>
public sealed record KeyFigure(string Value, string Label, string? Note = null, PdfTone Tone = PdfTone.Blue);

/// <summary>One bar of a <see cref="PdfReport.BarChart"/>: a label, a value for the length and the text shown.</summary>
public sealed record PdfBarItem(string Label, double Value, string ValueText, PdfTone Tone = PdfTone.Default);

/// <summary>
/// One line of a <see cref="PdfReport.LineChart"/>: one value per category, null for a gap (no result that quarter).
/// </summary>
public sealed record PdfLineSeries(string Name, IReadOnlyList<double?> Values);

/// <summary>How tightly <see cref="PdfReport.StatusRows"/> sets its rows: type sizes and padding, largest first.</summary>
public enum PdfDensity
{
    Normal,
    Dense,
    Compact,
}

/// <summary>What a <see cref="PdfStatusRow"/> tells: nothing, a success (tick, green) or a shortfall (cross, orange).</summary>
public enum PdfStatus
{
    None,
    Positive,
    Negative,
}

/// <summary>One row of <see cref="PdfReport.StatusRows"/>: a label and its detail, a value in large type, a status and its text.</summary>
public sealed record PdfStatusRow(string Label, string Value, string? Detail = null, PdfStatus Status = PdfStatus.None, string? StatusText = null);

/// <summary>One item of <see cref="PdfReport.NumberedItems"/>: its marker (e.g. "3"), its text and an optional note.</summary>
public sealed record PdfListItem(string Marker, string Text, string? Note = null);
