using System.Text;
using SpPlus.Core.Feedback.Import;

namespace SpPlus.Core.Tests.Feedback.Import;

public class ExperienceCsvLimitTests
{
    [Fact]
    public void A_stream_longer_than_the_default_limit_is_refused_in_mo_without_being_read_whole()
    {
        var stream = new EndlessCsvStream();

        var result = ExperienceCsvReader.Read(stream);

        Assert.Equal(["Le fichier dépasse la taille maximale de 10 Mo."], result.FileErrors);
        Assert.Empty(result.Rows);
        Assert.Empty(result.Rejections);
        Assert.InRange(stream.BytesServed, (10 * 1024 * 1024) + 1, (10 * 1024 * 1024) + (64 * 1024));
    }

    [Fact]
    public void The_size_message_follows_the_configured_limit()
    {
        var limits = new ExperienceCsvLimits(MaxBytes: 3 * 1024 * 1024 / 2);

        var result = ExperienceCsvReader.Read(new EndlessCsvStream(), limits);

        Assert.Equal(["Le fichier dépasse la taille maximale de 1,5 Mo."], result.FileErrors);
    }

    [Fact]
    public void A_file_of_exactly_the_size_limit_is_read_and_one_byte_more_is_refused()
    {
        var bytes = CsvInput.Bytes(CsvInput.Header + "\n91;T;D;DDT de l'Aube;04/03/2026\n");

        var exact = ExperienceCsvReader.Read(new MemoryStream(bytes), new ExperienceCsvLimits(MaxBytes: bytes.Length));
        var over = ExperienceCsvReader.Read(new MemoryStream(bytes), new ExperienceCsvLimits(MaxBytes: bytes.Length - 1));

        Assert.Equal("91", CsvInput.SingleRow(exact).NationalId);
        Assert.Single(over.FileErrors);
        Assert.StartsWith("Le fichier dépasse la taille maximale de ", over.FileErrors[0]);
        Assert.Empty(over.Rows);
    }

    [Fact]
    public void The_default_row_limit_is_twenty_thousand_data_rows_and_the_message_says_so_in_french()
    {
        var exactly = RowsFile(20_000);
        var tooMany = RowsFile(20_001);

        var accepted = ExperienceCsvReader.Read(new MemoryStream(exactly));
        var refused = ExperienceCsvReader.Read(new MemoryStream(tooMany));

        Assert.Empty(accepted.FileErrors);
        Assert.Equal(20_000, accepted.Rows.Count);
        var error = Assert.Single(refused.FileErrors);
        Assert.Matches("^Le fichier contient plus de 20[\u00A0\u202F ]000 lignes ; découpez l'export en plusieurs fichiers\\.$", error);
        Assert.Empty(refused.Rows);
        Assert.Empty(refused.Rejections);
    }

    [Fact]
    public void Rejected_rows_count_towards_the_row_limit_but_blank_lines_do_not()
    {
        var limits = new ExperienceCsvLimits(MaxRows: 3);
        var threeRows = CsvInput.Header + "\n92;A;a;DDT;\n\n\n;B;b;DDT;\n;;;;\n94;C;c;DDT;\n";
        var fourRows = threeRows + "95;D;d;DDT;\n";

        var accepted = CsvInput.ReadText(threeRows, limits: limits);
        var refused = CsvInput.ReadText(fourRows, limits: limits);

        Assert.Empty(accepted.FileErrors);
        Assert.Equal(2, accepted.Rows.Count);
        Assert.Single(accepted.Rejections);
        Assert.Equal(["Le fichier contient plus de 3 lignes ; découpez l'export en plusieurs fichiers."], refused.FileErrors);
    }

    private static byte[] RowsFile(int count)
    {
        var text = new StringBuilder("id;structure\n");
        for (var i = 1; i <= count; i++)
        {
            text.Append(i).Append(";DDT\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>A valid header and the start of a row whose last (ignored) cell never ends, counting what it hands out.</summary>
    private sealed class EndlessCsvStream : Stream
    {
        private readonly byte[] _start = Encoding.UTF8.GetBytes("id;structure;remplissage\n1;DDT de l'Aube;");
        private long _position;

        public long BytesServed { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (var i = 0; i < count; i++)
            {
                buffer[offset + i] = _position < _start.Length ? _start[_position] : (byte)'a';
                _position++;
            }

            BytesServed += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
