using System.Net;
using SpPlus.Web.TagHelpers;

namespace SpPlus.Web.Tests.TagHelpers;

public sealed class DsfrPaginationTagHelperTests
{
    [Fact]
    public async Task Links_keep_the_other_filters_of_the_list_and_replace_the_page()
    {
        var harness = new TagHelperHarness<object>(new object(), "/Admin/Audit", "?annee=2026&statut=soumis&statut=valid%C3%A9&page=3");
        var helper = new DsfrPaginationTagHelper { ViewContext = harness.ViewContext, Page = 3, TotalPages = 10 };

        var page = await harness.RenderAsync(helper, "dsfr-pagination");

        var next = page.QuerySelector("a.fr-pagination__link--next")!.GetAttribute("href")!;
        Assert.Equal("/Admin/Audit?annee=2026&statut=soumis&statut=valid%C3%A9&page=4", next);
        var hrefs = page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.All(hrefs, h => Assert.Single(h.Split('&'), p => p.StartsWith("page=", StringComparison.Ordinal)));
        Assert.All(hrefs, h => Assert.Contains("annee=2026", h, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Current_page_is_marked_and_not_a_link_and_edges_are_disabled_on_the_first_page()
    {
        var harness = new TagHelperHarness<object>(new object(), "/Feedback");
        var helper = new DsfrPaginationTagHelper { ViewContext = harness.ViewContext, Page = 1, TotalPages = 4 };

        var page = await harness.RenderAsync(helper, "dsfr-pagination");

        var nav = page.QuerySelector("nav.fr-pagination")!;
        Assert.Equal("Pagination", nav.GetAttribute("aria-label"));
        var current = nav.QuerySelector("[aria-current=page]")!;
        Assert.Equal("1", current.TextContent);
        Assert.Null(current.GetAttribute("href"));
        foreach (var selector in new[] { ".fr-pagination__link--first", ".fr-pagination__link--prev" })
        {
            var link = nav.QuerySelector(selector)!;
            Assert.Equal("true", link.GetAttribute("aria-disabled"));
            Assert.Null(link.GetAttribute("href"));
        }

        Assert.Equal("/Feedback?page=4", nav.QuerySelector(".fr-pagination__link--last")!.GetAttribute("href"));
        Assert.Equal(["1", "2", "3", "4"], nav.QuerySelectorAll("li > :not([class*='--'])").Select(e => WebUtility.HtmlDecode(e.TextContent.Trim())));
    }

    [Fact]
    public async Task Renders_nothing_for_a_single_page()
    {
        var harness = new TagHelperHarness<object>(new object());
        var helper = new DsfrPaginationTagHelper { ViewContext = harness.ViewContext, Page = 1, TotalPages = 1 };

        var html = await TagHelperHarness<object>.RenderHtmlAsync(helper, "dsfr-pagination");

        Assert.Equal("", html.Trim());
    }

    [Theory]
    [InlineData(1, 3, "1 2 3")]
    [InlineData(1, 10, "1 2 3 … 10")]
    [InlineData(5, 10, "1 2 3 4 5 6 7 … 10")]
    [InlineData(6, 12, "1 … 4 5 6 7 8 … 12")]
    [InlineData(12, 12, "1 … 10 11 12")]
    public void Shows_the_first_and_last_pages_and_two_either_side_of_the_current_one(int current, int total, string expected)
    {
        var numbers = DsfrPaginationTagHelper.PageNumbers(current, total);

        Assert.Equal(expected, string.Join(' ', numbers.Select(n => n?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "…")));
    }
}
