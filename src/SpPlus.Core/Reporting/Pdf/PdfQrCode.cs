using QRCoder;

namespace SpPlus.Core.Reporting.Pdf;

/// <summary>QR codes as images for <see cref="PdfReport.QrCode"/>.</summary>
/// <remarks>
/// The image is a 24-bit BMP: PDFsharp 6.2 refuses the 1-bit indexed PNG that QRCoder's PNG writer produces
/// (« Unsupported image format »), while it reads BMP; PDFsharp compresses the pixels in the PDF anyway.
/// </remarks>
public static class PdfQrCode
{
    /// <summary>
    /// The image of a QR code for <paramref name="text"/> (error correction level M, quiet zone included),
    /// <paramref name="pixelsPerModule"/> pixels a module so that it stays sharp when printed.
    /// </summary>
    public static byte[] Image(string text, int pixelsPerModule = 10)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var bitmap = new BitmapByteQRCode(data);
        return bitmap.GetGraphic(pixelsPerModule);
    }
}
