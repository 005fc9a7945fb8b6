using SpPlus.Web.TagHelpers;

namespace SpPlus.Web.Tests.TagHelpers;

public sealed class DsfrComponentTagHelperTests
{
    [Fact]
    public async Task Alert_has_its_type_title_and_text_in_a_paragraph()
    {
        var helper = new DsfrAlertTagHelper { Type = "success", Title = "Compte créé" };

        var html = await TagHelperHarness<object>.RenderHtmlAsync(helper, "dsfr-alert", "Le compte a été créé.");

        Assert.Equal(
            "<div class=\"fr-alert fr-alert--success\"><p class=\"fr-alert__title\">Compte créé</p><p>Le compte a été créé.</p></div>",
            html);
    }

    [Fact]
    public async Task Alert_of_an_unknown_type_is_refused()
    {
        var helper = new DsfrAlertTagHelper { Type = "danger" };

        await Assert.ThrowsAsync<InvalidOperationException>(() => TagHelperHarness<object>.RenderHtmlAsync(helper, "dsfr-alert", "x"));
    }

    [Fact]
    public async Task Badge_is_small_by_default()
    {
        var helper = new DsfrBadgeTagHelper { Type = "warning" };

        var html = await TagHelperHarness<object>.RenderHtmlAsync(helper, "dsfr-badge", "À relire");

        Assert.Equal("<p class=\"fr-badge fr-badge--sm fr-badge--warning\">À relire</p>", html);
    }

    [Fact]
    public async Task Table_wraps_the_view_rows_with_a_caption_first()
    {
        var helper = new DsfrTableTagHelper { Caption = "Comptes", Bordered = true };

        var html = await TagHelperHarness<object>.RenderHtmlAsync(helper, "dsfr-table", "<tbody><tr><td>a</td></tr></tbody>");

        Assert.Equal(
            "<div class=\"fr-table fr-table--bordered\"><div class=\"fr-table__wrapper\"><div class=\"fr-table__container\">"
            + "<div class=\"fr-table__content\"><table><caption>Comptes</caption><tbody><tr><td>a</td></tr></tbody></table>"
            + "</div></div></div></div>",
            html);
    }

    [Fact]
    public async Task Breadcrumb_links_its_segments_and_marks_the_last_as_the_current_page()
    {
        var harness = new TagHelperHarness<object>(new object());
        harness.HttpContext.Request.PathBase = "/spplus";
        var breadcrumb = new DsfrBreadcrumbTagHelper { ViewContext = harness.ViewContext };

        var html = await TagHelperHarness<object>.RenderHtmlAsync(
            breadcrumb,
            "dsfr-breadcrumb",
            children: async items =>
                await TagHelperHarness<object>.RenderHtmlAsync(new DsfrBreadcrumbItemTagHelper { Href = "~/" }, "dsfr-breadcrumb-item", "Accueil", items)
                + await TagHelperHarness<object>.RenderHtmlAsync(new DsfrBreadcrumbItemTagHelper(), "dsfr-breadcrumb-item", "Comptes", items));

        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var nav = page.QuerySelector("nav.fr-breadcrumb")!;
        Assert.Equal("vous êtes ici :", nav.GetAttribute("aria-label"));
        var button = nav.QuerySelector("button.fr-breadcrumb__button")!;
        Assert.NotNull(page.GetElementById(button.GetAttribute("aria-controls")!));
        var links = nav.QuerySelectorAll("ol.fr-breadcrumb__list li a.fr-breadcrumb__link");
        Assert.Equal(2, links.Length);
        Assert.Equal("/spplus/", links[0].GetAttribute("href"));
        Assert.Null(links[0].GetAttribute("aria-current"));
        Assert.Equal("Comptes", links[1].TextContent);
        Assert.Null(links[1].GetAttribute("href"));
        Assert.Equal("page", links[1].GetAttribute("aria-current"));
    }
}
