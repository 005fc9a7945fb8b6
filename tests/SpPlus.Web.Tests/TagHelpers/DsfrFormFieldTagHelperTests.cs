using Microsoft.AspNetCore.Mvc.Rendering;
using SpPlus.Web.TagHelpers;

namespace SpPlus.Web.Tests.TagHelpers;

public sealed class DsfrFormFieldTagHelperTests
{
    [Fact]
    public async Task Input_is_labelled_by_the_display_name_with_its_hint_and_shows_the_model_value()
    {
        var harness = new TagHelperHarness<SampleForm>(new SampleForm { Email = "agent@aube.gouv.fr" });
        var helper = new DsfrInputTagHelper(harness.Generator)
        {
            ViewContext = harness.ViewContext,
            For = harness.For(m => m.Email),
            Type = "email",
            Autocomplete = "email",
        };

        var page = await harness.RenderAsync(helper, "dsfr-input");

        var group = page.QuerySelector("div.fr-input-group")!;
        Assert.DoesNotContain("fr-input-group--error", group.ClassList);
        var label = group.QuerySelector("label.fr-label")!;
        Assert.Equal("Email", label.GetAttribute("for"));
        Assert.StartsWith("Adresse électronique", label.TextContent);
        Assert.Equal("Format attendu : nom@domaine.fr", label.QuerySelector(".fr-hint-text")!.TextContent);

        var input = group.QuerySelector("input.fr-input")!;
        Assert.Equal("Email", input.Id);
        Assert.Equal("Email", input.GetAttribute("name"));
        Assert.Equal("email", input.GetAttribute("type"));
        Assert.Equal("email", input.GetAttribute("autocomplete"));
        Assert.Equal("agent@aube.gouv.fr", input.GetAttribute("value"));
        Assert.Null(input.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task Input_with_an_error_keeps_what_the_user_typed_and_is_described_by_the_message()
    {
        var harness = new TagHelperHarness<SampleForm>(new SampleForm { Email = "ancienne@aube.gouv.fr" });
        harness.Posted("Email", "pas-une-adresse");
        harness.ModelState.AddModelError("Email", "Saisissez une adresse électronique valide.");
        var helper = new DsfrInputTagHelper(harness.Generator)
        {
            ViewContext = harness.ViewContext,
            For = harness.For(m => m.Email),
        };

        var page = await harness.RenderAsync(helper, "dsfr-input");

        Assert.Contains("fr-input-group--error", page.QuerySelector("div.fr-input-group")!.ClassList);
        var input = page.QuerySelector("input.fr-input")!;
        Assert.Equal("pas-une-adresse", input.GetAttribute("value"));
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        var describedBy = page.GetElementById(input.GetAttribute("aria-describedby")!)!;
        var message = describedBy.QuerySelector("p.fr-message.fr-message--error")!;
        Assert.Equal("Saisissez une adresse électronique valide.", message.TextContent);
    }

    [Fact]
    public async Task Password_input_never_sends_the_password_back()
    {
        var harness = new TagHelperHarness<SampleForm>(new SampleForm { Password = "secret-du-modele" });
        harness.Posted("Password", "secret-saisi");
        harness.ModelState.AddModelError("Password", "Le mot de passe est trop court.");
        var helper = new DsfrInputTagHelper(harness.Generator)
        {
            ViewContext = harness.ViewContext,
            For = harness.For(m => m.Password),
            Type = "password",
            Label = "Nouveau mot de passe",
        };

        var page = await harness.RenderAsync(helper, "dsfr-input");

        var input = page.QuerySelector("input.fr-input")!;
        Assert.Equal("password", input.GetAttribute("type"));
        Assert.True(string.IsNullOrEmpty(input.GetAttribute("value")));
        Assert.Equal("Nouveau mot de passe", page.QuerySelector("label")!.TextContent.Trim());
    }

    [Fact]
    public async Task Textarea_keeps_the_posted_text_and_shows_its_error()
    {
        var harness = new TagHelperHarness<SampleForm>(new SampleForm());
        harness.Posted("Comment", "Texte saisi <b>avant</b> l'erreur");
        harness.ModelState.AddModelError("Comment", "Le commentaire est trop long.");
        var helper = new DsfrTextareaTagHelper(harness.Generator)
        {
            ViewContext = harness.ViewContext,
            For = harness.For(m => m.Comment),
            Rows = 8,
        };

        var page = await harness.RenderAsync(helper, "dsfr-textarea");

        Assert.Contains("fr-input-group--error", page.QuerySelector("div.fr-input-group")!.ClassList);
        var textarea = page.QuerySelector("textarea.fr-input")!;
        Assert.Equal("8", textarea.GetAttribute("rows"));
        Assert.Equal("Texte saisi <b>avant</b> l'erreur", textarea.TextContent.Trim());
        Assert.Equal("Comment-messages", textarea.GetAttribute("aria-describedby"));
        Assert.Equal("Le commentaire est trop long.", page.GetElementById("Comment-messages")!.TextContent.Trim());
    }

    [Fact]
    public async Task Select_offers_the_placeholder_first_and_selects_the_model_value()
    {
        var harness = new TagHelperHarness<SampleForm>(new SampleForm { StructureId = 2 });
        var helper = new DsfrSelectTagHelper(harness.Generator)
        {
            ViewContext = harness.ViewContext,
            For = harness.For(m => m.StructureId),
            Items = [new SelectListItem("Préfecture", "1"), new SelectListItem("DDT", "2")],
        };

        var page = await harness.RenderAsync(helper, "dsfr-select");

        Assert.NotNull(page.QuerySelector("div.fr-select-group"));
        var select = page.QuerySelector("select.fr-select")!;
        Assert.Equal("StructureId", select.GetAttribute("name"));
        var options = select.QuerySelectorAll("option");
        Assert.Equal(["", "1", "2"], options.Select(o => o.GetAttribute("value")));
        Assert.Equal("Sélectionner une option", options[0].TextContent);
        Assert.True(options[2].HasAttribute("selected"));
        Assert.False(options[1].HasAttribute("selected"));
    }

    [Fact]
    public async Task Select_in_error_is_marked_and_keeps_the_posted_choice()
    {
        var harness = new TagHelperHarness<SampleForm>(new SampleForm { StructureId = 2 });
        harness.Posted("StructureId", "1");
        harness.ModelState.AddModelError("StructureId", "Cette structure est fermée.");
        var helper = new DsfrSelectTagHelper(harness.Generator)
        {
            ViewContext = harness.ViewContext,
            For = harness.For(m => m.StructureId),
            Items = [new SelectListItem("Préfecture", "1"), new SelectListItem("DDT", "2")],
        };

        var page = await harness.RenderAsync(helper, "dsfr-select");

        Assert.Contains("fr-select-group--error", page.QuerySelector("div.fr-select-group")!.ClassList);
        Assert.Equal("1", page.QuerySelector("option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Radios_form_a_fieldset_whose_first_radio_carries_the_field_id()
    {
        var harness = new TagHelperHarness<SampleForm>(new SampleForm { Decision = "valider" });
        harness.Posted("Decision", "renvoyer");
        harness.ModelState.AddModelError("Decision", "Un commentaire est obligatoire pour renvoyer.");
        var helper = new DsfrRadiosTagHelper(harness.Generator)
        {
            ViewContext = harness.ViewContext,
            For = harness.For(m => m.Decision),
            Legend = "Votre décision",
            Inline = true,
            Items = [new SelectListItem("Valider", "valider"), new SelectListItem("Renvoyer", "renvoyer")],
        };

        var page = await harness.RenderAsync(helper, "dsfr-radios");

        var fieldset = page.QuerySelector("fieldset.fr-fieldset")!;
        Assert.Contains("fr-fieldset--error", fieldset.ClassList);
        Assert.StartsWith("Votre décision", fieldset.QuerySelector("legend")!.TextContent.Trim());
        var radios = fieldset.QuerySelectorAll("div.fr-radio-group input[type=radio]");
        Assert.Equal(["Decision", "Decision-2"], radios.Select(r => r.Id));
        Assert.All(radios, r => Assert.Equal("Decision", r.GetAttribute("name")));
        Assert.False(radios[0].HasAttribute("checked"));
        Assert.True(radios[1].HasAttribute("checked"));
        Assert.Equal("Decision-2", fieldset.QuerySelectorAll("label")[1].GetAttribute("for"));
        Assert.All(fieldset.QuerySelectorAll(".fr-fieldset__element"), e => Assert.Contains("fr-fieldset__element--inline", e.ClassList));
        var labelledBy = fieldset.GetAttribute("aria-labelledby")!.Split(' ');
        Assert.Contains("Decision-messages", labelledBy);
        Assert.Equal("Un commentaire est obligatoire pour renvoyer.", page.GetElementById("Decision-messages")!.TextContent.Trim());
    }

    [Fact]
    public async Task Checkbox_for_a_bool_is_followed_by_its_label_and_posts_false_when_unticked()
    {
        var harness = new TagHelperHarness<SampleForm>(new SampleForm { IsActive = true });
        var helper = new DsfrCheckboxTagHelper(harness.Generator)
        {
            ViewContext = harness.ViewContext,
            For = harness.For(m => m.IsActive),
            Hint = "Un compte inactif ne peut plus se connecter.",
        };

        var page = await harness.RenderAsync(helper, "dsfr-checkbox");

        var group = page.QuerySelector("div.fr-checkbox-group")!;
        var box = group.QuerySelector("input[type=checkbox]")!;
        Assert.Equal("IsActive", box.Id);
        Assert.Equal("true", box.GetAttribute("value"));
        Assert.True(box.HasAttribute("checked"));
        Assert.Equal("LABEL", box.NextElementSibling!.TagName);
        Assert.StartsWith("Compte actif", box.NextElementSibling.TextContent);
        var hidden = page.QuerySelector("input[type=hidden][name=IsActive]")!;
        Assert.Equal("false", hidden.GetAttribute("value"));
    }

    [Fact]
    public async Task Checkboxes_tick_the_values_of_the_model_list()
    {
        var harness = new TagHelperHarness<SampleForm>(new SampleForm { StructureIds = [2, 3] });
        var helper = new DsfrCheckboxesTagHelper(harness.Generator)
        {
            ViewContext = harness.ViewContext,
            For = harness.For(m => m.StructureIds),
            Items = [new SelectListItem("Préfecture", "1"), new SelectListItem("DDT", "2"), new SelectListItem("DDETSPP", "3")],
        };

        var page = await harness.RenderAsync(helper, "dsfr-checkboxes");

        var boxes = page.QuerySelectorAll("fieldset.fr-fieldset div.fr-checkbox-group input[type=checkbox]");
        Assert.Equal(["StructureIds", "StructureIds-2", "StructureIds-3"], boxes.Select(b => b.Id));
        Assert.All(boxes, b => Assert.Equal("StructureIds", b.GetAttribute("name")));
        Assert.Equal(["2", "3"], boxes.Where(b => b.HasAttribute("checked")).Select(b => b.GetAttribute("value")));
        Assert.StartsWith("Structures suivies", page.QuerySelector("legend")!.TextContent.Trim());
    }

    [Fact]
    public async Task Checkboxes_returned_with_an_error_show_what_was_posted()
    {
        var harness = new TagHelperHarness<SampleForm>(new SampleForm { Roles = ["Administrateur"] });
        harness.Posted("Roles", "Référent SP+", "Membre du COPIL");
        harness.ModelState.AddModelError("Roles", "Ces rôles ne peuvent pas être cumulés.");
        var helper = new DsfrCheckboxesTagHelper(harness.Generator)
        {
            ViewContext = harness.ViewContext,
            For = harness.For(m => m.Roles),
            Items = [new SelectListItem("Administrateur", "Administrateur"), new SelectListItem("Référent SP+", "Référent SP+"), new SelectListItem("Membre du COPIL", "Membre du COPIL")],
        };

        var page = await harness.RenderAsync(helper, "dsfr-checkboxes");

        Assert.Contains("fr-fieldset--error", page.QuerySelector("fieldset")!.ClassList);
        var ticked = page.QuerySelectorAll("input[checked]").Select(b => b.GetAttribute("value"));
        Assert.Equal(["Référent SP+", "Membre du COPIL"], ticked);
    }
}
