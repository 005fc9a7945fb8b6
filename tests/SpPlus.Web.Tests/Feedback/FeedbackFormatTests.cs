using Microsoft.AspNetCore.Html;
using SpPlus.Web.Areas.Feedback.Models;

namespace SpPlus.Web.Tests.Feedback;

/// <summary>The one formatter of the Feedback pages: French dates, encoded multi-line texts, days and shares.</summary>
public class FeedbackFormatTests
{
    [Fact]
    public void Date_is_written_day_first_and_a_missing_date_as_a_dash()
    {
        Assert.Equal("05/03/2026", FeedbackFormat.Date(new DateOnly(2026, 3, 5)));
        Assert.Equal("—", FeedbackFormat.Date(null));
    }

    [Fact]
    public void MultiLine_encodes_the_text_keeps_accents_and_turns_line_breaks_into_br()
    {
        var html = Html(FeedbackFormat.MultiLine("Première ligne <b>\r\nDeuxième & dernière"));

        Assert.Equal("Première ligne &lt;b&gt;<br>Deuxième &amp; dernière", html);
    }

    [Fact]
    public void MultiLine_of_no_text_is_empty()
    {
        Assert.Equal("", Html(FeedbackFormat.MultiLine(null)));
    }

    [Theory]
    [InlineData(1.0, "1 jour")]
    [InlineData(1.5, "1,5 jour")]
    [InlineData(4.2, "4,2 jours")]
    public void Days_agree_in_number(double days, string expected)
    {
        Assert.Equal(expected, FeedbackFormat.Days(days));
    }

    [Fact]
    public void Share_of_nothing_is_a_dash()
    {
        Assert.Equal("—", FeedbackFormat.Share(3, 0));
        Assert.Equal("75 %", FeedbackFormat.Share(3, 4));
    }

    private static string Html(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }
}
