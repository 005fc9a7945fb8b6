using System.Text;

namespace SpPlus.Core.Feedback.Import;

/// <summary>One record of a CSV file: the physical line where it starts and its cells, untrimmed.</summary>
internal sealed record CsvRecord(int LineNumber, IReadOnlyList<string> Cells);

/// <summary>
/// An RFC 4180 style tokenizer, one character at a time: cells separated by <c>separator</c>, records ended by CRLF,
/// LF or CR; a cell that starts with a quote (spaces before it are allowed) runs to the closing quote, may hold
/// separators, line breaks (kept as "\n") and doubled quotes. It is lenient where exports are sloppy (a quote inside
/// an unquoted cell is text; text after a closing quote is appended) and strict only where the rest of the file
/// would be lost: a quote still open at the end of the file. Records with no character at all (blank lines) are skipped.
/// </summary>
internal sealed class CsvTokenizer(TextReader reader, char separator)
{
    private enum State
    {
        StartOfCell,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }

    private readonly StringBuilder _cell = new();
    private int _line = 1;
    private bool _previousWasCarriageReturn;
    private bool _ended;

    public static string UnclosedQuoteMessage(int line) =>
        $"Guillemet non fermé à partir de la ligne {line} : le fichier est mal formé.";

    /// <summary>Reads the next non-blank record, or null at the end of the file.</summary>
    public CsvRecord? ReadRecord()
    {
        if (_ended)
        {
            return null;
        }

        var cells = new List<string>();
        var state = State.StartOfCell;
        var recordLine = 0;
        var quoteLine = 0;
        _cell.Clear();

        while (true)
        {
            var next = reader.Read();
            if (next < 0)
            {
                _ended = true;
                if (state == State.Quoted)
                {
                    throw new CsvFileException(UnclosedQuoteMessage(quoteLine));
                }

                if (recordLine == 0)
                {
                    return null;
                }

                cells.Add(_cell.ToString());
                return new CsvRecord(recordLine, cells);
            }

            var c = (char)next;
            if (c == '\n' && _previousWasCarriageReturn)
            {
                // The LF of a CRLF: the line break was already counted and acted upon at the CR.
                _previousWasCarriageReturn = false;
                continue;
            }

            _previousWasCarriageReturn = c == '\r';
            var isLineBreak = c is '\r' or '\n';
            var lineOfChar = _line;
            if (isLineBreak)
            {
                _line++;
            }

            if (state == State.Quoted)
            {
                if (c == '"')
                {
                    state = State.QuoteInQuoted;
                }
                else
                {
                    _cell.Append(isLineBreak ? '\n' : c);
                }

                continue;
            }

            if (isLineBreak)
            {
                if (recordLine == 0)
                {
                    continue;
                }

                cells.Add(_cell.ToString());
                return new CsvRecord(recordLine, cells);
            }

            if (recordLine == 0)
            {
                recordLine = lineOfChar;
            }

            if (c == separator)
            {
                cells.Add(_cell.ToString());
                _cell.Clear();
                state = State.StartOfCell;
                continue;
            }

            switch (state)
            {
                case State.StartOfCell when c == '"':
                    _cell.Clear();
                    quoteLine = lineOfChar;
                    state = State.Quoted;
                    break;
                case State.StartOfCell when char.IsWhiteSpace(c):
                    _cell.Append(c);
                    break;
                case State.QuoteInQuoted when c == '"':
                    _cell.Append('"');
                    state = State.Quoted;
                    break;
                default:
                    _cell.Append(c);
                    state = State.Unquoted;
                    break;
            }
        }
    }
}
