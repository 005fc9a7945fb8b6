namespace SpPlus.Core.Reporting.Pdf;

/// <summary>A table column: header text, relative width (weights, not points) and alignment.</summary>
public sealed record PdfColumn(string Header, double Width = 1, PdfAlign Align = PdfAlign.Left);

/// <summary>A table cell: its text (wrapped), optional bold and colour.</summary>
public sealed record PdfCell(string Text, bool Bold = false, PdfTone Tone = PdfTone.Default);

/// <summary>
/// A table for <see cref="PdfReport.Table"/>: columns and rows of cells. The report wraps cell text, stripes rows,
/// repeats the header on every page the table spans and never splits a row across pages.
/// </summary>
public sealed class PdfTable
{
    private readonly List<IReadOnlyList<PdfCell>> _rows = [];

    public PdfTable(IReadOnlyList<PdfColumn> columns, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
        {
            throw new ArgumentException("A table needs at least one column.", nameof(columns));
        }

        if (columns.Any(c => c.Width <= 0))
        {
            throw new ArgumentException("Column widths must be positive.", nameof(columns));
        }

        Columns = columns;
        Caption = caption;
    }

    public IReadOnlyList<PdfColumn> Columns { get; }

    /// <summary>Optional caption drawn above the table, followed by « (suite) » on the next pages.</summary>
    public string? Caption { get; }

    public IReadOnlyList<IReadOnlyList<PdfCell>> Rows => _rows;

    /// <summary>Adds a row of plain texts; missing cells are left empty.</summary>
    public PdfTable AddRow(params string?[] texts) => AddRow(texts.Select(t => new PdfCell(t ?? string.Empty)).ToArray());

    /// <summary>Adds a row of cells; missing cells are left empty.</summary>
    public PdfTable AddRow(params PdfCell[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length > Columns.Count)
        {
            throw new ArgumentException($"The row has {cells.Length} cells for {Columns.Count} columns.", nameof(cells));
        }

        _rows.Add(cells);
        return this;
    }
}
