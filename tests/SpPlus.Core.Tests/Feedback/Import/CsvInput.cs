using System.Text;
using SpPlus.Core.Feedback.Import;

namespace SpPlus.Core.Tests.Feedback.Import;

/// <summary>Builds the streams the tests read: fixture files, or text written here as UTF-8 bytes.</summary>
internal static class CsvInput
{
    /// <summary>The smallest header the reader accepts, with the columns most tests need.</summary>
    public const string Header = "id;titre;description;intitulé_de_la_structure;date_de_publication";

    public static byte[] FixtureBytes(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Feedback", "Import", "Fixtures", name));

    public static ExperienceCsvResult ReadFixture(string name, ExperienceCsvLimits? limits = null) =>
        ExperienceCsvReader.Read(new MemoryStream(FixtureBytes(name)), limits);

    public static ExperienceCsvResult ReadText(string text, bool bom = false, ExperienceCsvLimits? limits = null) =>
        ExperienceCsvReader.Read(new MemoryStream(Bytes(text, bom)), limits);

    /// <summary>Reads <see cref="Header"/> followed by the given lines, joined with LF.</summary>
    public static ExperienceCsvResult ReadRows(params string[] lines) =>
        ReadText(Header + "\n" + string.Join("\n", lines) + "\n");

    public static byte[] Bytes(string text, bool bom = false)
    {
        var body = Encoding.UTF8.GetBytes(text);
        return bom ? [0xEF, 0xBB, 0xBF, .. body] : body;
    }

    /// <summary>The only row of a result that must have accepted exactly one row and refused nothing.</summary>
    public static ExperienceCsvRow SingleRow(ExperienceCsvResult result)
    {
        Assert.Empty(result.FileErrors);
        Assert.Empty(result.Rejections);
        return Assert.Single(result.Rows);
    }

    /// <summary>The only rejection of a result that must have refused exactly one row and accepted none.</summary>
    public static ExperienceCsvRejection SingleRejection(ExperienceCsvResult result)
    {
        Assert.Empty(result.FileErrors);
        Assert.Empty(result.Rows);
        return Assert.Single(result.Rejections);
    }
}
