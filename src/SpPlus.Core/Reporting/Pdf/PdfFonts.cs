using System.Collections.Frozen;
using PdfSharp.Fonts;

namespace SpPlus.Core.Reporting.Pdf;

/// <summary>
/// The font resolver over the DejaVu Sans files embedded in this assembly (regular, bold, oblique). Every family name
/// resolves to DejaVu Sans, so a stray request never fails and every glyph a French text needs (accents, œ, « », €,
/// no-break spaces) is available. PDFsharp embeds a subset of the font in each document.
/// </summary>
/// <remarks>
/// <see cref="GlobalFontSettings.FontResolver"/> is process-wide and may be set only once, before the first font is
/// used: call <see cref="EnsureRegistered"/> (idempotent, thread-safe) before creating any font. <see cref="PdfReport"/>
/// does it in its constructor.
/// </remarks>
public sealed class PdfFonts : IFontResolver
{
    /// <summary>The family name the layout layer asks for.</summary>
    public const string FamilyName = "DejaVu Sans";

    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";
    private const string ItalicFace = "DejaVuSans-Oblique";
    private const string ResourcePrefix = "SpPlus.Core.Reporting.Pdf.Fonts.";

    private static readonly Lock RegistrationLock = new();
    private static readonly Lazy<FrozenDictionary<string, byte[]>> Faces = new(LoadFaces, LazyThreadSafetyMode.ExecutionAndPublication);
    private static volatile bool _registered;

    private PdfFonts()
    {
    }

    /// <summary>The single instance given to PDFsharp (it requires the same instance on every setting).</summary>
    public static PdfFonts Instance { get; } = new();

    /// <summary>Registers <see cref="Instance"/> as PDFsharp's font resolver once for the process.</summary>
    /// <exception cref="InvalidOperationException">Another font resolver was registered first.</exception>
    public static void EnsureRegistered()
    {
        if (_registered)
        {
            return;
        }

        lock (RegistrationLock)
        {
            if (_registered)
            {
                return;
            }

            var current = GlobalFontSettings.FontResolver;
            if (current is null)
            {
                GlobalFontSettings.FontResolver = Instance;
            }
            else if (!ReferenceEquals(current, Instance))
            {
                throw new InvalidOperationException("Another PDFsharp font resolver is registered; the PDF layer needs PdfFonts.Instance.");
            }

            _registered = true;
        }
    }

    /// <inheritdoc />
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (bold)
        {
            // No bold-oblique file ships: slant the bold face.
            return new FontResolverInfo(BoldFace, false, italic);
        }

        return new FontResolverInfo(italic ? ItalicFace : RegularFace);
    }

    /// <inheritdoc />
    public byte[]? GetFont(string faceName) => Faces.Value.GetValueOrDefault(faceName);

    private static FrozenDictionary<string, byte[]> LoadFaces()
    {
        var assembly = typeof(PdfFonts).Assembly;
        var faces = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var face in new[] { RegularFace, BoldFace, ItalicFace })
        {
            using var stream = assembly.GetManifestResourceStream(ResourcePrefix + face + ".ttf")
                ?? throw new InvalidOperationException($"The embedded font {face}.ttf is missing.");
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            faces[face] = buffer.ToArray();
        }

        return faces.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
