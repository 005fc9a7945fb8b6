using PdfSharp.Drawing;

namespace SpPlus.Core.Reporting.Pdf;

/// <summary>A named colour of the State design system, so documents pick meanings rather than RGB values.</summary>
public enum PdfTone
{
    Default,
    Blue,
    Red,
    Green,
    Orange,
    Muted,
}

/// <summary>The text styles of a paragraph.</summary>
public enum PdfTextStyle
{
    Normal,
    Small,
    Muted,
    Bold,
    SmallBold,
}

/// <summary>Horizontal alignment of a table column or an image.</summary>
public enum PdfAlign
{
    Left,
    Center,
    Right,
}

/// <summary>A4 portrait (595 × 842 points) or landscape (842 × 595).</summary>
public enum PdfOrientation
{
    Portrait,
    Landscape,
}

/// <summary>Colours (DSFR), font sizes and margins shared by every document, in points (1/72 inch).</summary>
public static class PdfTheme
{
    public static readonly XColor BlueFrance = XColor.FromArgb(0x00, 0x00, 0x91);
    public static readonly XColor RedMarianne = XColor.FromArgb(0xE1, 0x00, 0x0F);
    public static readonly XColor Green = XColor.FromArgb(0x18, 0x75, 0x3C);
    public static readonly XColor Orange = XColor.FromArgb(0xB3, 0x40, 0x00);
    public static readonly XColor Text = XColor.FromArgb(0x16, 0x16, 0x16);
    public static readonly XColor TextMuted = XColor.FromArgb(0x66, 0x66, 0x66);
    public static readonly XColor Rule = XColor.FromArgb(0xDD, 0xDD, 0xDD);
    public static readonly XColor GreyBackground = XColor.FromArgb(0xF6, 0xF6, 0xF6);
    public static readonly XColor BlueBackground = XColor.FromArgb(0xE3, 0xE3, 0xFD);

    public const double A4ShortSide = 595.28;
    public const double A4LongSide = 841.89;

    public const double MarginLeft = 42;
    public const double MarginRight = 42;

    /// <summary>Top of the content area (the page header lies above it).</summary>
    public const double ContentTop = 64;

    /// <summary>Space kept free at the bottom of the page for the footer.</summary>
    public const double ContentBottomMargin = 52;

    public const double BodySize = 10;
    public const double SmallSize = 8.5;
    public const double HeaderSize = 8;
    public const double TitleSize = 20;
    public const double SubtitleSize = 11;
    public const double KeyFigureValueSize = 20;

    public const double ParagraphSpacing = 6;
    public const double CellPadding = 4;

    /// <summary>The default right-hand text of the page header.</summary>
    public const string DefaultHeaderText = "SpPlus — Services Publics +";

    /// <summary>Series colours of charts, in order.</summary>
    public static IReadOnlyList<XColor> SeriesColours { get; } =
    [
        BlueFrance,
        RedMarianne,
        Green,
        Orange,
        XColor.FromArgb(0x6E, 0x44, 0x5A),
        TextMuted,
    ];

    /// <summary>The colour of a tone; <paramref name="fallback"/> for <see cref="PdfTone.Default"/>.</summary>
    public static XColor Colour(PdfTone tone, XColor fallback) => tone switch
    {
        PdfTone.Blue => BlueFrance,
        PdfTone.Red => RedMarianne,
        PdfTone.Green => Green,
        PdfTone.Orange => Orange,
        PdfTone.Muted => TextMuted,
        _ => fallback,
    };

    public static double HeadingSize(int level) => level switch
    {
        1 => 16,
        2 => 13,
        _ => 11,
    };
}
