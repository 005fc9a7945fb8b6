using System.Globalization;
using System.Text;

namespace SpPlus.Core.Feedback.Import;

/// <summary>
/// Decodes a stream as strict UTF-8, chunk by chunk, counting the bytes as they come so that an oversized upload is
/// refused without being read whole. A leading byte order mark is dropped; invalid UTF-8 or a NUL character makes the
/// file unreadable. Text given to <see cref="Replay"/> is read again before the rest of the stream.
/// </summary>
internal sealed class CheckedUtf8Reader : TextReader
{
    public const string NotTextMessage = "Le fichier n'est pas un fichier CSV lisible (texte UTF-8 attendu).";

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private readonly Stream _stream;
    private readonly long _maxBytes;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Decoder _decoder = StrictUtf8.GetDecoder();
    private readonly byte[] _bytes = new byte[64 * 1024];
    private readonly char[] _chars = new char[StrictUtf8.GetMaxCharCount(64 * 1024)];
    private int _charCount;
    private int _charPosition;
    private bool _endOfStream;
    private bool _started;
    private string _replay = "";
    private int _replayPosition;

    public CheckedUtf8Reader(Stream stream, long maxBytes)
    {
        _stream = stream;
        _maxBytes = maxBytes;
    }

    /// <summary>The number of bytes read from the stream so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>Reads <paramref name="text"/> again before whatever the stream still holds.</summary>
    public void Replay(string text)
    {
        _replay = string.Concat(_replay.AsSpan(_replayPosition), text);
        _replayPosition = 0;
    }

    public override int Read()
    {
        if (_replayPosition < _replay.Length)
        {
            return _replay[_replayPosition++];
        }

        while (_charPosition >= _charCount)
        {
            if (!Fill())
            {
                return -1;
            }
        }

        var c = _chars[_charPosition++];
        if (c == '\0')
        {
            throw new CsvFileException(NotTextMessage);
        }

        if (!_started)
        {
            _started = true;
            if (c == '\uFEFF')
            {
                return Read();
            }
        }

        return c;
    }

    public override int Peek() => throw new NotSupportedException();

    /// <summary>The size message for a limit, in Mo when the limit reaches one Mo.</summary>
    public static string TooLargeMessage(long maxBytes)
    {
        const double Mo = 1024 * 1024;
        var size = maxBytes >= Mo
            ? (maxBytes / Mo).ToString("0.#", French) + " Mo"
            : maxBytes >= 1024
                ? (maxBytes / 1024.0).ToString("0.#", French) + " Ko"
                : maxBytes.ToString(French) + " octets";
        return $"Le fichier dépasse la taille maximale de {size}.";
    }

    private bool Fill()
    {
        if (_endOfStream)
        {
            return false;
        }

        _charPosition = 0;
        var read = _stream.Read(_bytes, 0, _bytes.Length);
        BytesRead += read;
        if (BytesRead > _maxBytes)
        {
            throw new CsvFileException(TooLargeMessage(_maxBytes));
        }

        try
        {
            _endOfStream = read == 0;
            _charCount = _decoder.GetChars(_bytes, 0, read, _chars, 0, flush: _endOfStream);
        }
        catch (DecoderFallbackException)
        {
            throw new CsvFileException(NotTextMessage);
        }

        return _charCount > 0 || !_endOfStream;
    }
}
