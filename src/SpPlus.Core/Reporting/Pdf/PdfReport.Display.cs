using PdfSharp.Drawing;
using static SpPlus.Core.Reporting.Pdf.PdfTheme;

namespace SpPlus.Core.Reporting.Pdf;

/// <summary>The blocks of documents meant to be read from a distance (posters): large text, status rows, numbered items, a QR code with its text.</summary>
public sealed partial class PdfReport
{
    private const double StatusRowGap = 6;

    /// <summary>A line (wrapped if needed) of large text, e.g. a poster's structure name or period.</summary>
    public PdfReport Banner(string text, double size, PdfTone tone = PdfTone.Default, PdfAlign align = PdfAlign.Left, bool bold = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        var font = Font(Math.Clamp(size, 6, 72), bold);
        var lines = Wrap(text, font, ContentWidth);
        EnsureRoom(lines.Count * font.GetHeight());
        var colour = PdfTheme.Colour(tone, PdfTheme.Text);
        foreach (var line in lines)
        {
            DrawText(line, font, colour, Align(align, Measure(line, font), MarginLeft, ContentWidth), _y);
            _y += font.GetHeight();
        }

        _y += Math.Max(ParagraphSpacing, size * 0.3);
        return this;
    }

    /// <summary>
    /// One framed row per item: a round mark (a tick when positive, a cross when negative, nothing otherwise) so that
    /// the status is not told by colour alone, the label with its detail, and on the right the value in large type
    /// with the status text under it. A row is never split across pages. A tighter <paramref name="density"/> uses
    /// smaller type and padding, to keep many rows on one page.
    /// </summary>
    public PdfReport StatusRows(IReadOnlyList<PdfStatusRow> rows, PdfDensity density = PdfDensity.Normal)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var (label, detail, value, status, padding, markSize, gap) = density switch
        {
            PdfDensity.Compact => (10, 8.0, 13, 8, 2.5, 16, StatusRowGap - 4),
            PdfDensity.Dense => (11, 9.5, 17, 9, 5, 22, StatusRowGap - 2),
            _ => (13, 10.5, 22, 10, 8.0, 26, StatusRowGap),
        };
        var labelFont = Font(label, bold: true);
        var detailFont = Font(detail);
        var valueFont = Font(value, bold: true);
        var statusFont = Font(status, bold: true);

        var rightWidth = rows.Count == 0 ? 0 : rows.Max(r => Math.Max(Measure(r.Value, valueFont), Measure(r.StatusText ?? string.Empty, statusFont)));
        rightWidth = Math.Clamp(rightWidth + 4, 90, ContentWidth * 0.4);
        var markX = MarginLeft + 4 + padding;
        var textX = markX + markSize + padding;
        var textWidth = Right - padding - rightWidth - padding - textX;

        foreach (var row in rows)
        {
            var labelLines = Wrap(row.Label, labelFont, textWidth);
            var detailLines = row.Detail is null ? [] : Wrap(row.Detail, detailFont, textWidth);
            var valueLines = Wrap(row.Value, valueFont, rightWidth);
            var statusLines = row.StatusText is null ? [] : Wrap(row.StatusText, statusFont, rightWidth);
            var leftHeight = (labelLines.Count * labelFont.GetHeight()) + (detailLines.Count == 0 ? 0 : 2 + (detailLines.Count * detailFont.GetHeight()));
            var rightHeight = (valueLines.Count * valueFont.GetHeight()) + (statusLines.Count * statusFont.GetHeight());
            var height = Math.Max(Math.Max(leftHeight, rightHeight), markSize) + (2 * padding);
            EnsureRoom(height);

            var colour = StatusColour(row.Status);
            Gfx.DrawRectangle(new XSolidBrush(GreyBackground), MarginLeft, _y, ContentWidth, height);
            Gfx.DrawRectangle(new XSolidBrush(colour), MarginLeft, _y, 4, height);
            DrawStatusMark(row.Status, markX, _y + ((height - markSize) / 2), markSize);

            var y = DrawLines(labelLines, labelFont, PdfTheme.Text, textX, _y + ((height - leftHeight) / 2));
            DrawLines(detailLines, detailFont, TextMuted, textX, y + 2);

            var rightX = Right - padding - rightWidth;
            var top = _y + ((height - rightHeight) / 2);
            foreach (var line in valueLines)
            {
                DrawText(line, valueFont, row.Status == PdfStatus.None ? PdfTheme.Text : colour, rightX + rightWidth - Measure(line, valueFont), top);
                top += valueFont.GetHeight();
            }

            foreach (var line in statusLines)
            {
                DrawText(line, statusFont, colour, rightX + rightWidth - Measure(line, statusFont), top);
                top += statusFont.GetHeight();
            }

            _y += height + gap;
        }

        _y += ParagraphSpacing - gap;
        return this;
    }

    /// <summary>
    /// Numbered items: the marker (e.g. the number) white on a blue square, the text wrapped beside it at
    /// <paramref name="textSize"/> points, an optional muted note under it. An item is never split across pages.
    /// With <paramref name="columns"/> above 1, the items fill the columns in reading order (the first column first) as
    /// one block kept on one page; a block taller than a page falls back to one column.
    /// </summary>
    public PdfReport NumberedItems(IReadOnlyList<PdfListItem> items, double textSize = 12, int columns = 1)
    {
        ArgumentNullException.ThrowIfNull(items);
        textSize = Math.Clamp(textSize, 6, 36);
        columns = Math.Clamp(columns, 1, 3);
        var textFont = Font(textSize);
        var noteFont = Font(Math.Max(6, textSize - 3), italic: true);
        var markerFont = Font(textSize + 2, bold: true);
        // Small text (a list in a corner of a page) gets a one-line square; larger text a square two lines high.
        var square = textSize < 10 ? markerFont.GetHeight() + 4 : Math.Max(markerFont.GetHeight() + 8, (textFont.GetHeight() * 2) - 2);
        var gap = textSize < 10 ? 4 : 8;
        const double columnGap = 14;
        var columnWidth = (ContentWidth - ((columns - 1) * columnGap)) / columns;
        var textWidth = columnWidth - square - 10;

        // Measure first: the height of each item at this width.
        var laid = items.Select(item =>
        {
            var text = Wrap(item.Text, textFont, textWidth);
            var note = item.Note is null ? [] : Wrap(item.Note, noteFont, textWidth);
            var textHeight = (text.Count * textFont.GetHeight()) + (note.Count == 0 ? 0 : 2 + (note.Count * noteFont.GetHeight()));
            return (item.Marker, Text: text, Note: note, TextHeight: textHeight, Height: Math.Max(square, textHeight));
        }).ToList();

        var perColumn = (int)Math.Ceiling(laid.Count / (double)columns);
        var groups = columns == 1 || laid.Count == 0
            ? [laid]
            : laid.Chunk(perColumn).Select(g => g.ToList()).ToList();
        var blockHeight = groups.Count == 0 ? 0 : groups.Max(g => g.Sum(i => i.Height + gap) - gap);
        if (columns > 1 && blockHeight > Bottom - ContentTop)
        {
            return NumberedItems(items, textSize);
        }

        if (columns > 1)
        {
            EnsureRoom(blockHeight);
        }

        var blockTop = _y;
        var blockBottom = _y;
        for (var column = 0; column < groups.Count; column++)
        {
            var left = MarginLeft + (column * (columnWidth + columnGap));
            var textX = left + square + 10;
            if (columns > 1)
            {
                _y = blockTop;
            }

            foreach (var (marker, text, note, textHeight, height) in groups[column])
            {
                EnsureRoom(height);
                Gfx.DrawRectangle(new XSolidBrush(BlueFrance), left, _y, square, square);
                var shown = Ellipsize(marker, markerFont, square - 2);
                DrawText(shown, markerFont, XColors.White, left + ((square - Measure(shown, markerFont)) / 2), _y + ((square - markerFont.GetHeight()) / 2));

                var top = textHeight < square ? _y + ((square - textHeight) / 2) : _y;
                top = DrawLines(text, textFont, PdfTheme.Text, textX, top);
                DrawLines(note, noteFont, TextMuted, textX, top + 2);
                _y += height + gap;
            }

            blockBottom = Math.Max(blockBottom, _y);
        }

        _y = blockBottom + ParagraphSpacing - gap;
        return this;
    }

    /// <summary>
    /// A framed call to action: a QR code for <paramref name="url"/> (<paramref name="size"/> points, crisp) on the left,
    /// a title and a text on the right, kept on one page.
    /// </summary>
    public PdfReport QrCallout(string url, string title, string text, double size = 110)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(text);
        const double padding = 12;
        var titleFont = Font(16, bold: true);
        var textFont = Font(11.5);
        size = Math.Clamp(size, 40, ContentWidth / 2);
        var textX = MarginLeft + padding + size + 16;
        var textWidth = Right - padding - textX;
        var titleLines = Wrap(title, titleFont, textWidth);
        var textLines = Wrap(text, textFont, textWidth);
        var textHeight = (titleLines.Count * titleFont.GetHeight()) + 6 + (textLines.Count * textFont.GetHeight());
        var height = Math.Max(size, textHeight) + (2 * padding);
        EnsureRoom(height);

        var stream = new MemoryStream(PdfQrCode.Image(url), writable: false);
        _resources.Add(stream);
        var image = XImage.FromStream(stream);
        _resources.Add(image);
        image.Interpolate = false;

        Gfx.DrawRectangle(new XPen(BlueFrance, 1.5), new XSolidBrush(BlueBackground), MarginLeft, _y, ContentWidth, height);
        Gfx.DrawRectangle(XBrushes.White, MarginLeft + padding, _y + ((height - size) / 2), size, size);
        Gfx.DrawImage(image, MarginLeft + padding, _y + ((height - size) / 2), size, size);
        var top = DrawLines(titleLines, titleFont, BlueFrance, textX, _y + ((height - textHeight) / 2));
        DrawLines(textLines, textFont, PdfTheme.Text, textX, top + 6);
        _y += height + ParagraphSpacing + 4;
        return this;
    }

    private static XColor StatusColour(PdfStatus status) => status switch
    {
        PdfStatus.Positive => PdfTheme.Green,
        PdfStatus.Negative => Orange,
        _ => TextMuted,
    };

    private void DrawStatusMark(PdfStatus status, double x, double y, double s)
    {
        var colour = StatusColour(status);
        if (status == PdfStatus.None)
        {
            Gfx.DrawEllipse(new XPen(colour, 1.5) { DashStyle = XDashStyle.Dash }, x + 1, y + 1, s - 2, s - 2);
            return;
        }

        Gfx.DrawEllipse(new XSolidBrush(colour), x, y, s, s);
        var pen = new XPen(XColors.White, s / 9) { LineCap = XLineCap.Round, LineJoin = XLineJoin.Round };
        if (status == PdfStatus.Positive)
        {
            Gfx.DrawLines(pen, [new XPoint(x + (s * 0.27), y + (s * 0.52)), new XPoint(x + (s * 0.44), y + (s * 0.69)), new XPoint(x + (s * 0.74), y + (s * 0.34))]);
        }
        else
        {
            Gfx.DrawLine(pen, x + (s * 0.32), y + (s * 0.32), x + (s * 0.68), y + (s * 0.68));
            Gfx.DrawLine(pen, x + (s * 0.68), y + (s * 0.32), x + (s * 0.32), y + (s * 0.68));
        }
    }
}
