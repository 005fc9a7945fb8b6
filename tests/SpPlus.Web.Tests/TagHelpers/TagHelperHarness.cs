using System.Diagnostics;
using System.Linq.Expressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SpPlus.Web.TagHelpers;

namespace SpPlus.Web.Tests.TagHelpers;

/// <summary>
/// Runs a tag helper as a view would: a view context over a model and its model state, MVC's own
/// HTML generator, and the rendered markup parsed into a DOM to assert on.
/// </summary>
internal sealed class TagHelperHarness<TModel>
{
    private static readonly IServiceProvider Services = BuildServices();

    public TagHelperHarness(TModel model, string path = "/", string? queryString = null)
    {
        HttpContext = new DefaultHttpContext { RequestServices = Services };
        HttpContext.Request.Path = path;
        if (queryString is not null)
        {
            HttpContext.Request.QueryString = new QueryString(queryString);
        }

        ModelState = new ModelStateDictionary();
        ViewData = new ViewDataDictionary<TModel>(Services.GetRequiredService<IModelMetadataProvider>(), ModelState)
        {
            Model = model,
        };
        var actionContext = new ActionContext(HttpContext, new RouteData(), new ActionDescriptor(), ModelState);
        ViewContext = new ViewContext(
            actionContext,
            new NullView(),
            ViewData,
            new TempDataDictionary(HttpContext, new NullTempDataProvider()),
            TextWriter.Null,
            new HtmlHelperOptions());
    }

    public DefaultHttpContext HttpContext { get; }

    public ModelStateDictionary ModelState { get; }

    public ViewDataDictionary<TModel> ViewData { get; }

    public ViewContext ViewContext { get; }

    public IHtmlGenerator Generator => Services.GetRequiredService<IHtmlGenerator>();

    public ModelExpression For<TValue>(Expression<Func<TModel, TValue>> expression) =>
        new ModelExpressionProvider(Services.GetRequiredService<IModelMetadataProvider>()).CreateModelExpression(ViewData, expression);

    /// <summary>Records what the user posted for <paramref name="key"/>, as model binding does.</summary>
    public void Posted(string key, params string[] values) =>
        ModelState.SetModelValue(key, values, string.Join(",", values));

    public async Task<IDocument> RenderAsync(TagHelper helper, string tagName, string childContent = "")
    {
        var html = await RenderHtmlAsync(helper, tagName, childContent);
        return new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
    }

    public static async Task<string> RenderHtmlAsync(
        TagHelper helper,
        string tagName,
        string childContent = "",
        IDictionary<object, object>? items = null,
        Func<IDictionary<object, object>, Task<string>>? children = null)
    {
        items ??= new Dictionary<object, object>();
        var context = new TagHelperContext(tagName, [], items, Guid.NewGuid().ToString("N"));
        var output = new TagHelperOutput(tagName, [], async (_, _) =>
        {
            var content = new DefaultTagHelperContent();
            content.SetHtmlContent(children is null ? childContent : await children(items));
            return content;
        });

        helper.Init(context);
        await helper.ProcessAsync(context, output);
        if (!output.IsContentModified)
        {
            // As Razor does: a tag helper that leaves its content alone renders its child content.
            output.Content.SetHtmlContent(await output.GetChildContentAsync());
        }

        return output.ToHtml();
    }

    private static ServiceProvider BuildServices()
    {
        var services = new ServiceCollection();
        var diagnostics = new DiagnosticListener("SpPlus.Web.Tests");
        services.AddSingleton(diagnostics);
        services.AddSingleton<DiagnosticSource>(diagnostics);
        services.AddLogging();
        services.AddControllersWithViews();
        return services.BuildServiceProvider();
    }

    private sealed class NullView : IView
    {
        public string Path => "Test.cshtml";

        public Task RenderAsync(ViewContext context) => Task.CompletedTask;
    }

    private sealed class NullTempDataProvider : ITempDataProvider
    {
        public IDictionary<string, object> LoadTempData(HttpContext context) => new Dictionary<string, object>();

        public void SaveTempData(HttpContext context, IDictionary<string, object> values)
        {
        }
    }
}
