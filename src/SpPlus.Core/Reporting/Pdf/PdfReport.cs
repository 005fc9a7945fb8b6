using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using static SpPlus.Core.Reporting.Pdf.PdfTheme;

namespace SpPlus.Core.Reporting.Pdf;

/// <summary>
/// A flowing A4 document over PDFsharp: blocks (headings, paragraphs, key figures, tables, charts, images) are laid
/// out top to bottom from a vertical cursor and start a new page when they do not fit. Every document of SpPlus is
/// built from these blocks; none draws its own table.
/// </summary>
/// <remarks>
/// Page headers and the footer « page n / N » are drawn by <see cref="ToArray"/> once the page count is known.
/// The generation date comes from the options, so the same input gives the same pages. One instance is used by one
/// thread; several instances may run in parallel (fonts are registered once for the process).
/// </remarks>
public sealed partial class PdfReport : IDisposable
{
    private const double TableSize = 9;
    private const double ChartValueSize = 7;
    private const double KeyFigureGap = 10;
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private readonly PdfReportOptions _options;
    private readonly PdfDocument _document;
    private readonly List<PdfPage> _pages = [];
    private readonly List<IDisposable> _resources = [];
    private readonly Dictionary<(double Size, bool Bold, bool Italic), XFont> _fonts = [];
    private XGraphics? _gfx;
    private double _y;
    private byte[]? _bytes;

    public PdfReport(PdfReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        PdfFonts.EnsureRegistered();
        _options = options;
        var landscape = options.Orientation == PdfOrientation.Landscape;
        PageWidth = landscape ? A4LongSide : A4ShortSide;
        PageHeight = landscape ? A4ShortSide : A4LongSide;

        _document = new PdfDocument();
        _document.Info.Title = options.Title;
        _document.Info.Author = "SpPlus";
        _document.Info.Creator = "SpPlus";
        if (options.Subject is not null)
        {
            _document.Info.Subject = options.Subject;
        }

        _document.Info.CreationDate = options.GeneratedAt;
        _document.Info.ModificationDate = options.GeneratedAt;

        NewPage();
        DrawTitleBlock();
    }

    public double PageWidth { get; }

    public double PageHeight { get; }

    /// <summary>Width of the text area between the margins, in points.</summary>
    public double ContentWidth => PageWidth - MarginLeft - MarginRight;

    /// <summary>Height left on the current page below the cursor, in points.</summary>
    public double RemainingHeight => Bottom - _y;

    /// <summary>Pages laid out so far.</summary>
    public int PageCount => _pages.Count;

    private double Right => PageWidth - MarginRight;

    private double Bottom => PageHeight - ContentBottomMargin;

    private bool AtPageTop => _y <= ContentTop + 0.5;

    private XGraphics Gfx => _gfx ?? throw new InvalidOperationException("The report is already saved.");

    /// <summary>A heading of level 1 (section), 2 or 3; kept on the same page as the start of what follows.</summary>
    public PdfReport Heading(string text, int level = 1)
    {
        ArgumentNullException.ThrowIfNull(text);
        level = Math.Clamp(level, 1, 3);
        var font = Font(HeadingSize(level), bold: true);
        var lineHeight = font.GetHeight();
        var lines = Wrap(text, font, ContentWidth);
        var spaceBefore = level == 1 ? 12 : 8;
        EnsureRoom(spaceBefore + (lines.Count * lineHeight) + 48);
        if (!AtPageTop)
        {
            _y += spaceBefore;
        }

        var colour = level == 3 ? PdfTheme.Text : BlueFrance;
        foreach (var line in lines)
        {
            DrawText(line, font, colour, MarginLeft, _y);
            _y += lineHeight;
        }

        if (level == 1)
        {
            _y += 2;
            Gfx.DrawLine(new XPen(BlueFrance, 1), MarginLeft, _y, Right, _y);
        }

        _y += 5;
        return this;
    }

    /// <summary>A paragraph wrapped on words (a no-break space keeps two words together); a page may break between lines.</summary>
    public PdfReport Paragraph(string text, PdfTextStyle style = PdfTextStyle.Normal)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (font, colour) = style switch
        {
            PdfTextStyle.Small => (Font(SmallSize), PdfTheme.Text),
            PdfTextStyle.Muted => (Font(SmallSize, italic: true), TextMuted),
            PdfTextStyle.Bold => (Font(BodySize, bold: true), PdfTheme.Text),
            PdfTextStyle.SmallBold => (Font(SmallSize, bold: true), PdfTheme.Text),
            _ => (Font(BodySize), PdfTheme.Text),
        };
        var lineHeight = font.GetHeight();
        foreach (var line in Wrap(text, font, ContentWidth))
        {
            EnsureRoom(lineHeight);
            DrawText(line, font, colour, MarginLeft, _y);
            _y += lineHeight;
        }

        _y += ParagraphSpacing;
        return this;
    }

    /// <summary>Vertical space; a new page if it runs past the bottom.</summary>
    public PdfReport Spacer(double points)
    {
        _y += Math.Max(0, points);
        if (_y > Bottom)
        {
            NewPage();
        }

        return this;
    }

    /// <summary>Starts a new page unless the cursor is already at the top of one.</summary>
    public PdfReport PageBreak()
    {
        if (!AtPageTop)
        {
            NewPage();
        }

        return this;
    }

    /// <summary>Starts a new page when less than <paramref name="heightNeeded"/> points are left on this one.</summary>
    public PdfReport KeepTogether(double heightNeeded)
    {
        EnsureRoom(heightNeeded);
        return this;
    }

    /// <summary>Key-figure tiles (big value, label, optional note), <paramref name="perRow"/> a row (balanced rows of at most 4 in portrait, 5 in landscape by default).</summary>
    public PdfReport KeyFigures(IReadOnlyList<KeyFigure> figures, int? perRow = null)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (figures.Count == 0)
        {
            return this;
        }

        // At most 4 tiles a row in portrait, 5 in landscape, spread evenly over the rows (5 tiles: 3 + 2, not 4 + 1).
        var maxPerRow = Math.Clamp(perRow ?? (PageWidth > PageHeight ? 5 : 4), 1, 6);
        var rowCount = (figures.Count + maxPerRow - 1) / maxPerRow;
        var columns = perRow.HasValue ? maxPerRow : (figures.Count + rowCount - 1) / rowCount;
        var tileWidth = (ContentWidth - (KeyFigureGap * (columns - 1))) / columns;
        var textWidth = tileWidth - (2 * CellPadding) - 6;
        var valueFont = Font(KeyFigureValueSize, bold: true);
        var labelFont = Font(SmallSize + 0.5);
        var noteFont = Font(SmallSize - 1, italic: true);

        foreach (var row in figures.Chunk(columns))
        {
            var laidOut = row.Select(f => (
                Figure: f,
                Value: Wrap(f.Value, valueFont, textWidth),
                Label: Wrap(f.Label, labelFont, textWidth),
                Note: f.Note is null ? [] : Wrap(f.Note, noteFont, textWidth))).ToList();
            var rowHeight = laidOut.Max(t =>
                (2 * CellPadding) + 4
                + (t.Value.Count * valueFont.GetHeight())
                + (t.Label.Count * labelFont.GetHeight())
                + (t.Note.Count == 0 ? 0 : 2 + (t.Note.Count * noteFont.GetHeight())));
            EnsureRoom(rowHeight);

            var x = MarginLeft;
            foreach (var tile in laidOut)
            {
                var colour = PdfTheme.Colour(tile.Figure.Tone, BlueFrance);
                Gfx.DrawRectangle(new XSolidBrush(GreyBackground), x, _y, tileWidth, rowHeight);
                Gfx.DrawRectangle(new XSolidBrush(colour), x, _y, 3, rowHeight);
                var textX = x + 3 + CellPadding + 3;
                var y = _y + CellPadding + 2;
                y = DrawLines(tile.Value, valueFont, colour, textX, y);
                y = DrawLines(tile.Label, labelFont, PdfTheme.Text, textX, y);
                if (tile.Note.Count > 0)
                {
                    DrawLines(tile.Note, noteFont, TextMuted, textX, y + 2);
                }

                x += tileWidth + KeyFigureGap;
            }

            _y += rowHeight + KeyFigureGap;
        }

        _y += ParagraphSpacing - KeyFigureGap;
        return this;
    }

    /// <summary>
    /// A table: wrapped cells, striped rows, the header (and caption, marked « (suite) ») repeated on every page it
    /// spans; a row is never split across pages (a row taller than a page is cut with « … »). An empty table shows
    /// « Aucune donnée. » under its header.
    /// </summary>
    public PdfReport Table(PdfTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = table.Columns;
        var totalWeight = columns.Sum(c => c.Width);
        var widths = columns.Select(c => ContentWidth * c.Width / totalWeight).ToArray();
        var headerFont = Font(TableSize, bold: true);
        var bodyFont = Font(TableSize);
        var boldFont = Font(TableSize, bold: true);
        var captionFont = Font(HeadingSize(3), bold: true);
        var lineHeight = bodyFont.GetHeight();

        var headerLines = columns.Select((c, i) => Wrap(c.Header, headerFont, widths[i] - (2 * CellPadding))).ToList();
        var headerHeight = (headerLines.Max(l => l.Count) * headerFont.GetHeight()) + (2 * CellPadding);
        var captionHeight = table.Caption is null ? 0 : captionFont.GetHeight() + 4;
        var maxLinesPerRow = Math.Max(1, (int)((Bottom - ContentTop - headerHeight - captionHeight - (2 * CellPadding)) / lineHeight));

        List<string>[] LayOutRow(IReadOnlyList<PdfCell> row)
        {
            var cells = new List<string>[columns.Count];
            for (var c = 0; c < columns.Count; c++)
            {
                var cell = c < row.Count ? row[c] : new PdfCell(string.Empty);
                var lines = Wrap(cell.Text, cell.Bold ? boldFont : bodyFont, widths[c] - (2 * CellPadding));
                if (lines.Count > maxLinesPerRow)
                {
                    lines = lines.Take(maxLinesPerRow).ToList();
                    lines[^1] = Ellipsize(lines[^1] + " …", bodyFont, widths[c] - (2 * CellPadding));
                }

                cells[c] = lines;
            }

            return cells;
        }

        void DrawHeader(bool continuation)
        {
            if (table.Caption is not null)
            {
                var caption = continuation ? table.Caption + " (suite)" : table.Caption;
                DrawText(Ellipsize(caption, captionFont, ContentWidth), captionFont, PdfTheme.Text, MarginLeft, _y);
                _y += captionHeight;
            }

            Gfx.DrawRectangle(new XSolidBrush(BlueFrance), MarginLeft, _y, ContentWidth, headerHeight);
            var x = MarginLeft;
            for (var c = 0; c < columns.Count; c++)
            {
                DrawCellLines(headerLines[c], headerFont, XColors.White, x, widths[c], columns[c].Align, _y + CellPadding);
                x += widths[c];
            }

            _y += headerHeight;
        }

        var firstRow = table.Rows.Count > 0 ? RowHeight(LayOutRow(table.Rows[0]), lineHeight) : 0;
        EnsureRoom(captionHeight + headerHeight + firstRow);
        DrawHeader(continuation: false);

        var rulePen = new XPen(Rule, 0.5);
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            var cells = LayOutRow(row);
            var rowHeight = RowHeight(cells, lineHeight);
            if (_y + rowHeight > Bottom)
            {
                NewPage();
                DrawHeader(continuation: true);
            }

            if (r % 2 == 1)
            {
                Gfx.DrawRectangle(new XSolidBrush(GreyBackground), MarginLeft, _y, ContentWidth, rowHeight);
            }

            var x = MarginLeft;
            for (var c = 0; c < columns.Count; c++)
            {
                var cell = c < row.Count ? row[c] : new PdfCell(string.Empty);
                var font = cell.Bold ? boldFont : bodyFont;
                DrawCellLines(cells[c], font, PdfTheme.Colour(cell.Tone, PdfTheme.Text), x, widths[c], columns[c].Align, _y + CellPadding);
                x += widths[c];
            }

            _y += rowHeight;
            Gfx.DrawLine(rulePen, MarginLeft, _y, Right, _y);
        }

        if (table.Rows.Count == 0)
        {
            var emptyFont = Font(TableSize, italic: true);
            EnsureRoom(lineHeight + (2 * CellPadding));
            DrawText("Aucune donnée.", emptyFont, TextMuted, MarginLeft + CellPadding, _y + CellPadding);
            _y += lineHeight + (2 * CellPadding);
            Gfx.DrawLine(rulePen, MarginLeft, _y, Right, _y);
        }

        _y += ParagraphSpacing + 4;
        return this;
    }

    /// <summary>
    /// A horizontal bar chart: one row per item (label, bar, value text), grid lines at quarters of
    /// <paramref name="max"/> (the largest value by default) with their values under the axis.
    /// </summary>
    public PdfReport BarChart(string title, IReadOnlyList<PdfBarItem> items, double? max = null, Func<double, string>? axisLabel = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        axisLabel ??= FormatNumber;
        var titleFont = Font(BodySize, bold: true);
        var labelFont = Font(SmallSize);
        var valueFont = Font(SmallSize, bold: true);
        var axisFont = Font(ChartValueSize);
        var labelWidth = ContentWidth * 0.32;
        const double barHeight = 11;
        var rows = items.Select(item =>
        {
            var lines = Wrap(item.Label, labelFont, labelWidth);
            if (lines.Count > 2)
            {
                lines = [lines[0], Ellipsize(lines[1] + " …", labelFont, labelWidth)];
            }

            return (Item: item, Lines: lines, Height: Math.Max(barHeight + 7, (lines.Count * labelFont.GetHeight()) + 4));
        }).ToList();

        // The whole chart on one page when it fits on one; a taller one breaks between its rows.
        var chartHeight = titleFont.GetHeight() + 4 + rows.Sum(r => r.Height) + axisFont.GetHeight() + 2;
        EnsureRoom(chartHeight <= Bottom - ContentTop ? chartHeight : titleFont.GetHeight() + 4 + 40);
        DrawText(title, titleFont, PdfTheme.Text, MarginLeft, _y);
        _y += titleFont.GetHeight() + 4;
        if (items.Count == 0)
        {
            return Paragraph("Aucune donnée.", PdfTextStyle.Muted);
        }

        var scaleMax = max is > 0 ? max.Value : Math.Max(items.Max(i => i.Value), 0);
        if (scaleMax <= 0)
        {
            scaleMax = 1;
        }

        var valueWidth = items.Max(i => Measure(i.ValueText, valueFont)) + 8;
        var barX = MarginLeft + labelWidth + 8;
        var barWidth = ContentWidth - labelWidth - 8 - valueWidth;
        var gridPen = new XPen(Rule, 0.5);
        var axisPen = new XPen(TextMuted, 0.75);

        foreach (var (item, labelLines, rowHeight) in rows)
        {
            EnsureRoom(rowHeight);
            for (var k = 0; k <= 4; k++)
            {
                var gx = barX + (barWidth * k / 4);
                Gfx.DrawLine(k == 0 ? axisPen : gridPen, gx, _y, gx, _y + rowHeight);
            }

            var labelTop = _y + ((rowHeight - (labelLines.Count * labelFont.GetHeight())) / 2);
            DrawLines(labelLines, labelFont, PdfTheme.Text, MarginLeft, labelTop);

            var length = barWidth * Math.Clamp(item.Value / scaleMax, 0, 1);
            var barTop = _y + ((rowHeight - barHeight) / 2);
            if (length > 0)
            {
                Gfx.DrawRectangle(new XSolidBrush(PdfTheme.Colour(item.Tone, BlueFrance)), barX, barTop, length, barHeight);
            }

            var valueTop = _y + ((rowHeight - valueFont.GetHeight()) / 2);
            DrawText(item.ValueText, valueFont, PdfTheme.Text, barX + length + 4, valueTop);
            _y += rowHeight;
        }

        EnsureRoom(axisFont.GetHeight() + 2);
        for (var k = 0; k <= 4; k++)
        {
            var text = axisLabel(scaleMax * k / 4);
            var gx = barX + (barWidth * k / 4) - (Measure(text, axisFont) / 2);
            DrawText(text, axisFont, TextMuted, gx, _y + 2);
        }

        _y += axisFont.GetHeight() + 2 + ParagraphSpacing + 4;
        return this;
    }

    /// <summary>
    /// A line chart over categories (e.g. quarters): one coloured line per series with its values shown, gaps where a
    /// value is null, an optional dashed target line, grid lines with axis labels and a legend.
    /// </summary>
    public PdfReport LineChart(
        string title,
        IReadOnlyList<string> categories,
        IReadOnlyList<PdfLineSeries> series,
        double? target = null,
        Func<double, string>? axisLabel = null,
        double plotHeight = 160)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        axisLabel ??= FormatNumber;
        var titleFont = Font(BodySize, bold: true);
        var axisFont = Font(ChartValueSize + 0.5);
        var valueFont = Font(ChartValueSize);
        var legendFont = Font(SmallSize);

        var legendRows = LegendRows(series, legendFont);
        var total = titleFont.GetHeight() + 8 + plotHeight + axisFont.GetHeight() + 6 + (legendRows.Count * (legendFont.GetHeight() + 2));
        EnsureRoom(total);
        DrawText(title, titleFont, PdfTheme.Text, MarginLeft, _y);
        _y += titleFont.GetHeight() + 8;

        var values = series.SelectMany(s => s.Values).Where(v => v.HasValue).Select(v => v!.Value).ToList();
        if (target.HasValue)
        {
            values.Add(target.Value);
        }

        var yMin = Math.Min(0, values.Count == 0 ? 0 : values.Min());
        var yMax = NiceCeiling(values.Count == 0 ? 1 : Math.Max(values.Max() * 1.08, yMin + 1e-9));
        if (yMax <= yMin)
        {
            yMax = yMin + 1;
        }

        var axisLabels = Enumerable.Range(0, 5).Select(k => axisLabel(yMin + ((yMax - yMin) * k / 4))).ToList();
        var plotLeft = MarginLeft + axisLabels.Max(l => Measure(l, axisFont)) + 6;
        var plotRight = Right - 8;
        var plotTop = _y;
        var plotBottom = _y + plotHeight;
        double Y(double v) => plotBottom - ((v - yMin) / (yMax - yMin) * plotHeight);

        var gridPen = new XPen(Rule, 0.5);
        for (var k = 0; k <= 4; k++)
        {
            var gy = plotBottom - (plotHeight * k / 4);
            Gfx.DrawLine(gridPen, plotLeft, gy, plotRight, gy);
            var text = axisLabels[k];
            DrawText(text, axisFont, TextMuted, plotLeft - 4 - Measure(text, axisFont), gy - (axisFont.GetHeight() / 2));
        }

        Gfx.DrawLine(new XPen(TextMuted, 0.75), plotLeft, plotTop, plotLeft, plotBottom);
        Gfx.DrawLine(new XPen(TextMuted, 0.75), plotLeft, plotBottom, plotRight, plotBottom);

        var slot = categories.Count == 0 ? 0 : (plotRight - plotLeft) / categories.Count;
        double X(int i) => plotLeft + (slot * (i + 0.5));
        for (var i = 0; i < categories.Count; i++)
        {
            var text = Ellipsize(categories[i], axisFont, slot - 2);
            DrawText(text, axisFont, PdfTheme.Text, X(i) - (Measure(text, axisFont) / 2), plotBottom + 3);
        }

        if (target.HasValue)
        {
            var ty = Y(target.Value);
            Gfx.DrawLine(new XPen(RedMarianne, 1) { DashStyle = XDashStyle.Dash }, plotLeft, ty, plotRight, ty);
            var text = "Cible : " + axisLabel(target.Value);
            DrawText(text, valueFont, RedMarianne, plotRight - Measure(text, valueFont), ty - valueFont.GetHeight() - 1);
        }

        var placedLabels = new List<XRect>();
        var markers = new List<(XPoint Point, double Value, XColor Colour)>();
        if (target.HasValue)
        {
            var text = "Cible : " + axisLabel(target.Value);
            var width = Measure(text, valueFont);
            placedLabels.Add(new XRect(plotRight - width, Y(target.Value) - valueFont.GetHeight() - 1, width, valueFont.GetHeight()));
        }

        for (var s = 0; s < series.Count; s++)
        {
            var colour = SeriesColours[s % SeriesColours.Count];
            var pen = new XPen(colour, 1.6);
            var brush = new XSolidBrush(colour);
            var points = series[s].Values;
            var run = new List<XPoint>();
            for (var i = 0; i <= categories.Count; i++)
            {
                var value = i < categories.Count && i < points.Count ? points[i] : null;
                if (value.HasValue)
                {
                    run.Add(new XPoint(X(i), Y(value.Value)));
                    continue;
                }

                if (run.Count > 1)
                {
                    Gfx.DrawLines(pen, run.ToArray());
                }

                run.Clear();
            }

            for (var i = 0; i < Math.Min(categories.Count, points.Count); i++)
            {
                if (points[i] is { } value)
                {
                    Gfx.DrawEllipse(brush, X(i) - 2.5, Y(value) - 2.5, 5, 5);
                    markers.Add((new XPoint(X(i), Y(value)), value, colour));
                }
            }
        }

        // Each value goes above its point, else below, else is left out: never over another value or a point.
        var labelHeight = valueFont.GetHeight() - 1;
        var obstacles = markers.Select(m => new XRect(m.Point.X - 3, m.Point.Y - 3, 6, 6)).ToList();
        foreach (var (point, value, colour) in markers)
        {
            var text = axisLabel(value);
            var width = Measure(text, valueFont);
            var above = new XRect(point.X - (width / 2), point.Y - labelHeight - 4, width, labelHeight);
            var below = new XRect(above.X, point.Y + 4, width, labelHeight);
            foreach (var rect in new[] { above, below })
            {
                if (!placedLabels.Concat(obstacles).Any(taken => taken.IntersectsWith(rect)))
                {
                    placedLabels.Add(rect);
                    DrawText(text, valueFont, colour, rect.X, rect.Y - 0.5);
                    break;
                }
            }
        }

        _y = plotBottom + axisFont.GetHeight() + 6;
        foreach (var legendRow in legendRows)
        {
            var x = plotLeft;
            foreach (var (name, index, width) in legendRow)
            {
                var colour = SeriesColours[index % SeriesColours.Count];
                var mid = _y + (legendFont.GetHeight() / 2);
                Gfx.DrawLine(new XPen(colour, 2.5), x, mid, x + 14, mid);
                DrawText(name, legendFont, PdfTheme.Text, x + 18, _y);
                x += width;
            }

            _y += legendFont.GetHeight() + 2;
        }

        _y += ParagraphSpacing + 4;
        return this;
    }

    /// <summary>A PNG, JPEG or BMP image <paramref name="width"/> points wide, height from its aspect ratio, with an optional caption.</summary>
    public PdfReport Image(byte[] image, double width, PdfAlign align = PdfAlign.Left, string? caption = null, bool smooth = true)
    {
        ArgumentNullException.ThrowIfNull(image);
        var stream = new MemoryStream(image, writable: false);
        _resources.Add(stream);
        var xImage = XImage.FromStream(stream);
        _resources.Add(xImage);
        xImage.Interpolate = smooth;

        width = Math.Min(width, ContentWidth);
        var height = width * xImage.PixelHeight / xImage.PixelWidth;
        var captionFont = Font(SmallSize - 0.5, italic: true);
        var captionLines = caption is null ? [] : Wrap(caption, captionFont, Math.Max(width, 120));
        EnsureRoom(height + (captionLines.Count * captionFont.GetHeight()) + 2);

        var x = Align(align, width, MarginLeft, ContentWidth);
        Gfx.DrawImage(xImage, x, _y, width, height);
        _y += height + 2;
        foreach (var line in captionLines)
        {
            DrawText(line, captionFont, TextMuted, Align(align, Measure(line, captionFont), MarginLeft, ContentWidth), _y);
            _y += captionFont.GetHeight();
        }

        _y += ParagraphSpacing;
        return this;
    }

    /// <summary>A QR code for <paramref name="url"/>, <paramref name="size"/> points square, crisp (not smoothed).</summary>
    public PdfReport QrCode(string url, double size = 90, PdfAlign align = PdfAlign.Left, string? caption = null) =>
        Image(PdfQrCode.Image(url), size, align, caption, smooth: false);

    /// <summary>Draws the headers and footers and returns the PDF; the report is closed to new content.</summary>
    public byte[] ToArray()
    {
        if (_bytes is not null)
        {
            return _bytes;
        }

        _gfx?.Dispose();
        _gfx = null;
        var generatedOn = _options.GeneratedAt.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        for (var i = 0; i < _pages.Count; i++)
        {
            using var gfx = XGraphics.FromPdfPage(_pages[i], XGraphicsPdfPageOptions.Append);
            _gfx = gfx;
            DrawPageFrame(i + 1, _pages.Count, generatedOn);
            _gfx = null;
        }

        using var output = new MemoryStream();
        _document.Save(output, closeStream: false);
        _bytes = output.ToArray();
        return _bytes;
    }

    /// <summary>Writes the PDF to <paramref name="output"/> (see <see cref="ToArray"/>).</summary>
    public void Save(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(ToArray());
    }

    public void Dispose()
    {
        _gfx?.Dispose();
        _gfx = null;
        foreach (var resource in _resources)
        {
            resource.Dispose();
        }

        _resources.Clear();
        _document.Dispose();
    }

    /// <summary>French number: decimal comma, up to two decimals.</summary>
    public static string FormatNumber(double value) => value.ToString("#,##0.##", French);

    private static double RowHeight(List<string>[] cells, double lineHeight) =>
        (cells.Max(c => c.Count) * lineHeight) + (2 * CellPadding);

    private static double Align(PdfAlign align, double width, double left, double available) => align switch
    {
        PdfAlign.Center => left + ((available - width) / 2),
        PdfAlign.Right => left + available - width,
        _ => left,
    };

    private static double NiceCeiling(double value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10 })
        {
            if (step * magnitude >= value - 1e-9)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }

    private void NewPage()
    {
        ObjectDisposedException.ThrowIf(_bytes is not null, this);
        _gfx?.Dispose();
        var page = _document.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        _pages.Add(page);
        _gfx = XGraphics.FromPdfPage(page);
        _y = ContentTop;
    }

    private void EnsureRoom(double height)
    {
        if (_bytes is not null)
        {
            throw new InvalidOperationException("The report is already saved.");
        }

        if (_y + height > Bottom && !AtPageTop)
        {
            NewPage();
        }
    }

    private void DrawTitleBlock()
    {
        var titleFont = Font(_options.TitleSize, bold: true);
        foreach (var line in Wrap(_options.Title, titleFont, ContentWidth))
        {
            DrawText(line, titleFont, BlueFrance, MarginLeft, _y);
            _y += titleFont.GetHeight();
        }

        if (!string.IsNullOrWhiteSpace(_options.Subtitle))
        {
            var subtitleFont = Font(_options.SubtitleSize);
            _y += 2;
            foreach (var line in Wrap(_options.Subtitle, subtitleFont, ContentWidth))
            {
                DrawText(line, subtitleFont, TextMuted, MarginLeft, _y);
                _y += subtitleFont.GetHeight();
            }
        }

        _y += 12;
    }

    private void DrawPageFrame(int number, int count, string generatedOn)
    {
        var font = Font(HeaderSize);
        var boldFont = Font(HeaderSize, bold: true);
        const double headerY = 28;
        var right = Ellipsize(_options.HeaderText, boldFont, ContentWidth * 0.4);
        var rightWidth = Measure(right, boldFont);
        DrawText(right, boldFont, BlueFrance, Right - rightWidth, headerY);
        DrawText(Ellipsize(_options.Title, font, ContentWidth - rightWidth - 16), font, TextMuted, MarginLeft, headerY);
        var ruleY = headerY + font.GetHeight() + 4;
        Gfx.DrawLine(new XPen(BlueFrance, 0.75), MarginLeft, ruleY, Right, ruleY);

        var footerRule = PageHeight - 40;
        Gfx.DrawLine(new XPen(Rule, 0.5), MarginLeft, footerRule, Right, footerRule);
        DrawText("Généré le " + generatedOn, font, TextMuted, MarginLeft, footerRule + 5);
        var pageText = $"page {number} / {count}";
        DrawText(pageText, font, TextMuted, Right - Measure(pageText, font), footerRule + 5);
    }

    private List<List<(string Name, int Index, double Width)>> LegendRows(IReadOnlyList<PdfLineSeries> series, XFont font)
    {
        var rows = new List<List<(string, int, double)>>();
        var current = new List<(string, int, double)>();
        var used = 0.0;
        for (var s = 0; s < series.Count; s++)
        {
            var name = Ellipsize(series[s].Name, font, ContentWidth - 40);
            var width = 18 + Measure(name, font) + 16;
            if (current.Count > 0 && used + width > ContentWidth - 40)
            {
                rows.Add(current);
                current = [];
                used = 0;
            }

            current.Add((name, s, width));
            used += width;
        }

        if (current.Count > 0)
        {
            rows.Add(current);
        }

        return rows;
    }

    private XFont Font(double size, bool bold = false, bool italic = false)
    {
        if (!_fonts.TryGetValue((size, bold, italic), out var font))
        {
            var style = (bold, italic) switch
            {
                (true, true) => XFontStyleEx.BoldItalic,
                (true, false) => XFontStyleEx.Bold,
                (false, true) => XFontStyleEx.Italic,
                _ => XFontStyleEx.Regular,
            };
            font = new XFont(PdfFonts.FamilyName, size, style, new XPdfFontOptions(PdfFontEncoding.Unicode));
            _fonts[(size, bold, italic)] = font;
        }

        return font;
    }

    private double Measure(string text, XFont font) => text.Length == 0 ? 0 : Gfx.MeasureString(text, font).Width;

    private void DrawText(string text, XFont font, XColor colour, double x, double top)
    {
        if (text.Length > 0)
        {
            Gfx.DrawString(text, font, new XSolidBrush(colour), x, top, XStringFormats.TopLeft);
        }
    }

    private double DrawLines(List<string> lines, XFont font, XColor colour, double x, double top)
    {
        foreach (var line in lines)
        {
            DrawText(line, font, colour, x, top);
            top += font.GetHeight();
        }

        return top;
    }

    private void DrawCellLines(List<string> lines, XFont font, XColor colour, double x, double width, PdfAlign align, double top)
    {
        foreach (var line in lines)
        {
            var lineX = Align(align, Measure(line, font), x + CellPadding, width - (2 * CellPadding));
            DrawText(line, font, colour, lineX, top);
            top += font.GetHeight();
        }
    }

    /// <summary>Cuts <paramref name="text"/> with « … » so that it fits <paramref name="width"/>.</summary>
    private string Ellipsize(string text, XFont font, double width)
    {
        if (Measure(text, font) <= width)
        {
            return text;
        }

        var length = text.Length;
        while (length > 0 && Measure(text[..length].TrimEnd() + "…", font) > width)
        {
            length--;
        }

        return text[..length].TrimEnd() + "…";
    }

    /// <summary>
    /// Splits <paramref name="text"/> into lines no wider than <paramref name="width"/>: breaks at ordinary spaces
    /// (never at a no-break space) and at line feeds; a word longer than the line is cut.
    /// </summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var current = string.Empty;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (Measure(candidate, font) <= width)
                {
                    current = candidate;
                    continue;
                }

                if (current.Length > 0)
                {
                    lines.Add(current);
                }

                current = word;
                while (current.Length > 1 && Measure(current, font) > width)
                {
                    var cut = 1;
                    while (cut < current.Length - 1 && Measure(current[..(cut + 1)], font) <= width)
                    {
                        cut++;
                    }

                    lines.Add(current[..cut]);
                    current = current[cut..];
                }
            }

            lines.Add(current);
        }

        return lines;
    }
}
