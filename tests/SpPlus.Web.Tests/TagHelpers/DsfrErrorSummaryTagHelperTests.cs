using SpPlus.Web.TagHelpers;

namespace SpPlus.Web.Tests.TagHelpers;

public sealed class DsfrErrorSummaryTagHelperTests
{
    [Fact]
    public async Task Renders_nothing_for_a_valid_form()
    {
        var harness = new TagHelperHarness<SampleForm>(new SampleForm());
        var helper = new DsfrErrorSummaryTagHelper { ViewContext = harness.ViewContext };

        var html = await TagHelperHarness<SampleForm>.RenderHtmlAsync(helper, "dsfr-error-summary");

        Assert.Equal("", html.Trim());
    }

    [Fact]
    public async Task Lists_each_error_with_a_link_to_its_field_and_model_errors_as_text()
    {
        var harness = new TagHelperHarness<SampleForm>(new SampleForm());
        harness.ModelState.AddModelError("Email", "Saisissez une adresse électronique.");
        harness.ModelState.AddModelError("Address.City", "Saisissez la commune.");
        harness.ModelState.AddModelError("", "Ce document a été modifié par un autre agent.");
        var helper = new DsfrErrorSummaryTagHelper { ViewContext = harness.ViewContext };

        var page = await harness.RenderAsync(helper, "dsfr-error-summary");

        var summary = page.GetElementById("resume-erreurs")!;
        Assert.Contains("fr-alert--error", summary.ClassList);
        Assert.Equal("alert", summary.GetAttribute("role"));
        Assert.Equal("-1", summary.GetAttribute("tabindex"));
        Assert.Equal("Le formulaire contient des erreurs", summary.QuerySelector("h2.fr-alert__title")!.TextContent);

        var items = summary.QuerySelectorAll("li");
        Assert.Equal(3, items.Length);
        Assert.Equal("Ce document a été modifié par un autre agent.", items[0].TextContent);
        Assert.Null(items[0].QuerySelector("a"));
        var links = summary.QuerySelectorAll("a").ToDictionary(a => a.TextContent, a => a.GetAttribute("href"));
        Assert.Equal("#Email", links["Saisissez une adresse électronique."]);
        Assert.Equal("#Address_City", links["Saisissez la commune."]);
    }

    [Fact]
    public async Task Lists_errors_in_the_order_of_the_form_fields()
    {
        var harness = new TagHelperHarness<SampleForm>(new SampleForm());
        harness.ModelState.AddModelError("Address.City", "Saisissez la commune.");
        harness.ModelState.AddModelError("Roles", "Choisissez au moins un rôle.");
        harness.ModelState.AddModelError("Inconnu", "Erreur sans champ.");
        harness.ModelState.AddModelError("Email", "Saisissez une adresse électronique.");
        harness.ModelState.AddModelError("Comment", "Le commentaire est trop long.");
        var helper = new DsfrErrorSummaryTagHelper { ViewContext = harness.ViewContext };

        var page = await harness.RenderAsync(helper, "dsfr-error-summary");

        Assert.Equal(
            ["#Email", "#Comment", "#Roles", "#Address_City", "#Inconnu"],
            page.QuerySelectorAll("#resume-erreurs li a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task The_link_of_an_error_lands_on_the_control_the_field_helper_generates()
    {
        var harness = new TagHelperHarness<SampleForm>(new SampleForm());
        harness.ModelState.AddModelError("Address.City", "Saisissez la commune.");
        var summary = await harness.RenderAsync(new DsfrErrorSummaryTagHelper { ViewContext = harness.ViewContext }, "dsfr-error-summary");
        var field = await harness.RenderAsync(
            new DsfrInputTagHelper(harness.Generator) { ViewContext = harness.ViewContext, For = harness.For(m => m.Address.City) },
            "dsfr-input");

        var target = summary.QuerySelector("a")!.GetAttribute("href")![1..];
        Assert.Equal("input", field.GetElementById(target)!.LocalName);
    }
}
