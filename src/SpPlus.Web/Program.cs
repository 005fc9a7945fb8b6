using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.WebEncoders;
using Serilog;
using SpPlus.Core.Auditing;
using SpPlus.Core.Data;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Engagements;
using SpPlus.Core.Identity;
using SpPlus.Core.Reviews;
using SpPlus.Core.Structures;
using SpPlus.Web.Authorization;
using SpPlus.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);

// Logging: Serilog from configuration (console + rolling file), one logger per host.
builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext(), preserveStaticLogger: true);

// Data
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<IAuditActor, HttpAuditActor>();
builder.Services.AddSpPlusData(builder.Configuration, builder.Environment);
builder.Services.AddScoped<ReferenceDataSeeder>();
builder.Services.AddScoped<DemoDataSeeder>();

// Feature services
builder.Services.AddScoped<StructureService>();
builder.Services.AddScoped<AccountAdministrationService>();
builder.Services.AddScoped<EngagementFrameworkService>();
builder.Services.AddScoped<LocalCommitmentService>();
builder.Services.AddScoped<ReviewService>();
builder.Services.AddScoped<SpPlus.Core.Indicators.IndicatorCatalogService>();
builder.Services.AddScoped<SpPlus.Core.Indicators.QuarterlyReportService>();
builder.Services.AddScoped<ReviewActorFactory>();
builder.Services.AddScoped<SpPlus.Web.MySpace.IMySpaceProvider, SpPlus.Web.MySpace.QuarterlyReportsMySpaceProvider>();
builder.Services.AddScoped<SpPlus.Core.Indicators.IndicatorResultsService>();

// Feedback area (l'écoute): one registration per line.
builder.Services.AddScoped<FeedbackAccess>();
builder.Services.AddScoped<SpPlus.Core.Indicators.IComputedIndicatorSource, SpPlus.Core.Feedback.FeedbackIndicatorSource>();
builder.Services.AddScoped<SpPlus.Core.Feedback.ExperienceImportService>();
builder.Services.AddScoped<SpPlus.Core.Feedback.StructureMappingService>();
builder.Services.AddSingleton<PendingImportStore>();
builder.Services.AddScoped<SpPlus.Core.Feedback.ExperienceService>();
builder.Services.AddScoped<SpPlus.Web.MySpace.IMySpaceProvider, SpPlus.Web.MySpace.FeedbackMySpaceProvider>();

// Improvement: self-assessments, action plans, governance (one line per service, right below).
builder.Services.AddScoped<SpPlus.Web.MySpace.IMySpaceProvider, SpPlus.Web.MySpace.ImprovementMySpaceProvider>();
builder.Services.AddScoped<SpPlus.Core.SelfAssessments.AssessmentGridService>();
builder.Services.AddScoped<SpPlus.Core.SelfAssessments.SelfAssessmentService>();
builder.Services.AddScoped<SpPlus.Core.Governance.MeetingService>();
builder.Services.AddScoped<SpPlus.Core.ActionPlans.ActionPlanService>();

builder.Services.AddScoped<SpPlus.Core.Settings.SettingsService>();
builder.Services.AddScoped<SpPlus.Core.Feedback.FeedbackMetricsService>();
builder.Services.AddScoped<SpPlus.Core.Feedback.DocumentReportService>();
builder.Services.AddScoped<SpPlus.Core.Feedback.AnswerTemplateService>();
builder.Services.AddScoped<SpPlus.Core.Feedback.ExperienceAnswerService>();
builder.Services.AddDataProtection().SetApplicationName("SpPlus").PersistKeysToDbContext<SpPlusDbContext>();

// Accounts
builder.Services
    .AddIdentity<AppUser, IdentityRole>(options =>
    {
        options.Password.RequiredLength = 12;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 1;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedAccount = false;
    })
    .AddEntityFrameworkStores<SpPlusDbContext>()
    .AddSignInManager<SpPlusSignInManager>()
    .AddErrorDescriber<FrenchIdentityErrorDescriber>()
    .AddPasswordValidator<CommonPasswordValidator<AppUser>>()
    .AddDefaultTokenProviders();
builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
builder.Services.ConfigureApplicationCookie(options =>
{
    options.Cookie.Name = "SpPlus.Auth";
    options.Cookie.HttpOnly = true;
    options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    options.Cookie.SameSite = SameSiteMode.Lax;
    options.LoginPath = "/Account/Login";
    options.LogoutPath = "/Account/Logout";
    options.AccessDeniedPath = "/erreur/403";
    options.ExpireTimeSpan = TimeSpan.FromHours(8);
    options.SlidingExpiration = true;
    // A refused authorization answers 403 (and the French error page), not a redirect.
    options.Events.OnRedirectToAccessDenied = context =>
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    };
});
builder.Services.Configure<CookieTempDataProviderOptions>(options =>
{
    options.Cookie.Name = "SpPlus.TempData";
    options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    options.Cookie.SameSite = SameSiteMode.Lax;
    options.Cookie.HttpOnly = true;
});
builder.Services.AddAntiforgery(options =>
{
    options.Cookie.Name = "SpPlus.Antiforgery";
    options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    options.Cookie.SameSite = SameSiteMode.Strict;
});

// Authorization: role policies, and the one resource handler for structure scope.
builder.Services.AddAuthorization(Policies.Configure);
builder.Services.AddScoped<UserScope>();
builder.Services.AddScoped<ReviewedDocumentAccess>();
builder.Services.AddScoped<IAuthorizationHandler, StructureAuthorizationHandler>();

// MVC in French: accented letters written as they are, not as numeric entities.
builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddControllersWithViews(options =>
{
    options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
    FrenchValidationMetadataProvider.Configure(options);
});
builder.Services.Configure<RequestLocalizationOptions>(options =>
{
    var french = new CultureInfo("fr-FR");
    options.DefaultRequestCulture = new RequestCulture(french);
    options.SupportedCultures = [french];
    options.SupportedUICultures = [french];
    options.RequestCultureProviders.Clear();
});
builder.Services.AddHealthChecks().AddDbContextCheck<SpPlusDbContext>("database");
builder.Services.Configure<ForwardedHeadersOptions>(options =>
{
    options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
    options.KnownIPNetworks.Clear();
    options.KnownProxies.Clear();
});

var app = builder.Build();

await app.InitializeDatabaseAsync();
app.PrintDemoAccountsOnStart();

app.UseForwardedHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/erreur/500");
}

app.UseSecurityHeaders(SecurityHeaders.Policy(app.Environment));
app.UseStatusCodePagesWithReExecute("/erreur/{0}");
app.UseStaticFiles();
app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
app.UseRequestLocalization();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<NoStoreForSignedInUsers>();

app.MapHealthChecks("/health").AllowAnonymous();
app.MapControllerRoute("areas", "{area:exists}/{controller=Home}/{action=Index}/{id?}");
app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}");

await app.RunAsync();

/// <summary>The entry point, visible to the functional tests' <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
