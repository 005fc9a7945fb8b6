using System.Data.Common;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SpPlus.Core.Data;
using SpPlus.Core.Data.Seeding;
using SpPlus.Web.Tests.Infrastructure;

namespace SpPlus.Web.Tests.Feedback;

/// <summary>
/// The import of the national export over HTTP: upload, preview (which writes nothing), confirm, re-import, the
/// unmapped queue and its mappings; the referent and the administrator only. Each test uses national ids and labels
/// of its own.
/// </summary>
public sealed class ImportTests(SpPlusFactory factory) : IClassFixture<SpPlusFactory>
{
    private const string Referent = $"referent@{DemoDataSeeder.EmailDomain}";

    private const string Header = "id;titre;description;ressenti_usager;intitule_typologie_1;intitule_de_la_structure;date_de_publication;etat";

    private static string NewPrefix() => "T" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Three rows placed by structure name, one unmapped, one with an invalid date (line 6).</summary>
    private static byte[] ExportFile(string prefix, string unmappedLabel = "Guichet inconnu", string state = "Publiée") => Encoding.UTF8.GetBytes(
        Header + "\n"
        + $"{prefix}-1;Accueil rapide;Très bien reçu.;Positif;Préfectures;Préfecture de l'Aube;02/02/2026;{state}\n"
        + $"{prefix}-2;Attente longue;Une heure d'attente.;Négatif;DDT;DDT de l'Aube;03/02/2026;{state}\n"
        + $"{prefix}-3;Dossier perdu;Il a fallu tout renvoyer.;Neutre;DDT;DDT de l'Aube;04/02/2026;{state}\n"
        + $"{prefix}-4;Bon conseil;Merci.;Positif;Divers;{unmappedLabel};05/02/2026;{state}\n"
        + $"{prefix}-5;Date fausse;Texte.;Positif;Divers;Préfecture de l'Aube;32/01/2026;{state}\n");

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string fileName = "export.csv")
    {
        var page = await client.GetPageAsync("/Feedback/Imports");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in HtmlPage.FormValues(page.Form("#import-upload")))
        {
            multipart.Add(new StringContent(value), name);
        }

        multipart.Add(new ByteArrayContent(content), "File", fileName);
        return await client.PostAsync("/Feedback/Imports/Upload", multipart);
    }

    private static async Task<HtmlPage> PreviewAsync(HttpClient client, byte[] content)
    {
        var response = await UploadAsync(client, content);
        Assert.True(HttpClientExtensions.IsRedirect(response.StatusCode), $"Upload answered {(int)response.StatusCode}.");
        var page = await client.FollowRedirectsAsync(response);
        Assert.Equal("Aperçu de l'import", page.H1);
        return page;
    }

    private static string Count(HtmlPage page, string id) => page.Document.QuerySelector($"#{id}")?.TextContent.Trim() ?? "(absent)";

    private Task<(int Experiences, int Audit)> CountsAsync() => factory.WithDbAsync(async db => (await db.Experiences.CountAsync(), await db.AuditEntries.CountAsync()));

    [Fact]
    public async Task The_preview_shows_the_counts_and_the_rejected_lines_and_writes_nothing()
    {
        var client = await factory.SignInAsync(Referent);
        var before = await CountsAsync();

        var preview = await PreviewAsync(client, ExportFile(NewPrefix()));

        Assert.Equal(("4", "0", "0", "1", "1"), (Count(preview, "count-new"), Count(preview, "count-updated"), Count(preview, "count-unchanged"),
            Count(preview, "count-rejected"), Count(preview, "count-unmapped")));
        var rejected = preview.Document.QuerySelectorAll("#import-rejections tbody tr").Select(r => HtmlPage.Normalize(r.TextContent)).ToList();
        Assert.Equal(["6 date de publication « 32/01/2026 » invalide (JJ/MM/AAAA attendu)"], rejected);
        Assert.NotNull(preview.Document.QuerySelector("form#import-confirm"));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Confirming_writes_the_rows_and_the_same_file_again_changes_nothing()
    {
        var client = await factory.SignInAsync(Referent);
        var prefix = NewPrefix();
        var file = ExportFile(prefix);
        var preview = await PreviewAsync(client, file);

        var confirmed = await client.SubmitFormAsync(preview, preview.Form("form#import-confirm"));
        var list = await client.FollowRedirectsAsync(confirmed);

        Assert.Equal("Importer un export de la plateforme nationale", list.H1);
        Assert.Contains("L'import a été enregistré : 4 nouvelles expériences, 0 mise à jour, 0 inchangée, 1 ligne rejetée, 1 à affecter.", list.Text, StringComparison.Ordinal);
        Assert.NotNull(list.Document.QuerySelector("a[href='/Feedback/Mappings']"));
        var ddt = await factory.StructureIdAsync("ddt-aube");
        var saved = await factory.WithDbAsync(db => db.Experiences.AsNoTracking().Where(e => e.NationalId!.StartsWith(prefix))
            .OrderBy(e => e.NationalId).Select(e => new { e.NationalId, e.StructureId }).ToListAsync());
        Assert.Equal([$"{prefix}-1", $"{prefix}-2", $"{prefix}-3", $"{prefix}-4"], saved.Select(e => e.NationalId));
        Assert.Equal(ddt, saved[1].StructureId);
        Assert.Null(saved[3].StructureId);

        var again = await PreviewAsync(client, file);
        Assert.Equal(("0", "0", "4"), (Count(again, "count-new"), Count(again, "count-updated"), Count(again, "count-unchanged")));

        var newer = await PreviewAsync(client, ExportFile(prefix, state: "Traitée"));
        Assert.Equal(("0", "4"), (Count(newer, "count-new"), Count(newer, "count-updated")));
        Assert.Contains("État national Publiée Traitée", newer.Document.QuerySelector("#import-changes")!.TextContent.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)
            .Aggregate((a, b) => a + " " + b), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_error_is_shown_without_a_confirm_button()
    {
        var client = await factory.SignInAsync(Referent);

        var preview = await PreviewAsync(client, Encoding.UTF8.GetBytes("titre;intitule_de_la_structure\nAccueil;DDT de l'Aube\n"));

        Assert.Contains("Colonne obligatoire absente : id (identifiant de l'expérience).", preview.Document.QuerySelector("#file-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Null(preview.Document.QuerySelector("form#import-confirm"));
    }

    [Fact]
    public async Task A_file_over_ten_megabytes_or_not_a_csv_is_refused_in_french()
    {
        var client = await factory.SignInAsync(Referent);
        var large = new byte[(10 * 1024 * 1024) + 1];
        Array.Fill(large, (byte)'a');

        var tooLarge = await HtmlPage.ReadAsync(await UploadAsync(client, large));
        var notCsv = await HtmlPage.ReadAsync(await UploadAsync(client, ExportFile(NewPrefix()), "export.xlsx"));

        Assert.Equal(HttpStatusCode.OK, tooLarge.StatusCode);
        Assert.Contains("Le fichier dépasse la taille maximale de 10 Mo : découpez l'export en plusieurs fichiers.", tooLarge.ErrorMessages());
        Assert.Contains("Le fichier doit être au format .csv (export de la plateforme nationale).", notCsv.ErrorMessages());
    }

    [Fact]
    public async Task An_upload_is_only_previewed_by_the_account_that_sent_it()
    {
        var referent = await factory.SignInAsync(Referent);
        var preview = await PreviewAsync(referent, ExportFile(NewPrefix()));
        var admin = await factory.SignInAsync($"admin@{DemoDataSeeder.EmailDomain}");

        var response = await admin.GetAsync(preview.Url.PathAndQuery);
        var traversal = await admin.GetAsync("/Feedback/Imports/Preview/..%2F..%2Fappsettings");

        Assert.True(HttpClientExtensions.IsRedirect(response.StatusCode));
        Assert.Equal("/Feedback/Imports", HttpClientExtensions.RedirectTarget(response).AbsolutePath);
        Assert.True(HttpClientExtensions.IsRedirect(traversal.StatusCode) || traversal.StatusCode == HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_correspondent_is_refused_every_import_and_mapping_address()
    {
        var referent = await factory.SignInAsync(Referent);
        var preview = await PreviewAsync(referent, ExportFile(NewPrefix()));
        var id = preview.Url.AbsolutePath.Split('/')[^1];
        var mappingId = await factory.WithDbAsync(async db =>
        {
            var mapping = new SpPlus.Core.Feedback.StructureLabelMapping
            {
                Label = "Guichet " + id, NormalizedLabel = "guichet " + id, StructureId = await db.Structures.Select(s => s.Id).FirstAsync(),
            };
            db.StructureLabelMappings.Add(mapping);
            await db.SaveChangesAsync();
            return mapping.Id;
        });
        var correspondent = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail("ddt-aube"));
        var home = await correspondent.GetPageAsync("/");
        var token = home.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var before = await CountsAsync();

        foreach (var url in new[] { "/Feedback/Imports", $"/Feedback/Imports/Preview/{id}", "/Feedback/Mappings" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await correspondent.GetAsync(url)).StatusCode);
        }

        foreach (var url in new[]
        {
            "/Feedback/Imports/Upload", $"/Feedback/Imports/Confirm/{id}", $"/Feedback/Imports/Cancel/{id}",
            "/Feedback/Mappings/Assign", "/Feedback/Mappings/Add", $"/Feedback/Mappings/Delete/{mappingId}",
        })
        {
            var response = await correspondent.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"POST {url} answered {(int)response.StatusCode}.");
        }

        Assert.Equal(before, await CountsAsync());
        Assert.True(await factory.WithDbAsync(db => db.StructureLabelMappings.AnyAsync(m => m.Id == mappingId)));
        // The referent's upload is still there: the correspondent could not cancel it.
        Assert.Equal(HttpStatusCode.OK, (await referent.GetAsync(preview.Url.PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task The_referent_assigns_a_queued_label_and_saves_the_mapping_for_the_next_imports()
    {
        var client = await factory.SignInAsync(Referent);
        var prefix = NewPrefix();
        var label = $"Maison France services {prefix}";
        var preview = await PreviewAsync(client, ExportFile(prefix, label));
        await client.FollowRedirectsAsync(await client.SubmitFormAsync(preview, preview.Form("form#import-confirm")));
        var sgcd = await factory.StructureIdAsync("sgcd-aube");

        var queue = await client.GetPageAsync("/Feedback/Mappings");
        var index = queue.Document.QuerySelectorAll("input[type=hidden][name$='.Label']")
            .Select((input, i) => (Value: input.GetAttribute("value"), Name: input.GetAttribute("name")!))
            .Single(i => i.Value == label).Name.Split('[', ']')[1];
        var response = await client.SubmitFormAsync(queue, queue.Form("form#queue-form"),
        [
            new($"QueueForm.Rows[{index}].StructureId", $"{sgcd}"),
            new($"QueueForm.Rows[{index}].SaveMapping", "true"),
            new("QueueForm.Assign", index),
        ]);
        var done = await client.FollowRedirectsAsync(response);

        Assert.Contains($"1 expérience a été affectée à", done.Text, StringComparison.Ordinal);
        Assert.Contains($"la correspondance « {label} » est enregistrée pour les prochains imports.", done.Text, StringComparison.Ordinal);
        Assert.Equal(sgcd, await factory.WithDbAsync(db => db.Experiences.Where(e => e.NationalId == $"{prefix}-4").Select(e => e.StructureId).SingleAsync()));
        Assert.Contains(label, done.Document.QuerySelector("#mappings")!.TextContent, StringComparison.Ordinal);

        var next = await PreviewAsync(client, Encoding.UTF8.GetBytes(Header + "\n" + $"{prefix}-9;Nouveau;Texte.;Positif;Divers;{label.ToUpperInvariant()};06/02/2026;Publiée\n"));
        Assert.Equal(("1", "0"), (Count(next, "count-new"), Count(next, "count-unmapped")));
    }

    [Fact]
    public async Task Assigning_without_a_structure_returns_the_queue_with_a_french_error()
    {
        var client = await factory.SignInAsync(Referent);
        var prefix = NewPrefix();
        var label = $"Guichet {prefix}";
        var preview = await PreviewAsync(client, ExportFile(prefix, label));
        await client.FollowRedirectsAsync(await client.SubmitFormAsync(preview, preview.Form("form#import-confirm")));
        var queue = await client.GetPageAsync("/Feedback/Mappings");
        var index = queue.Document.QuerySelectorAll("input[type=hidden][name$='.Label']")
            .Select(input => (Value: input.GetAttribute("value"), Name: input.GetAttribute("name")!))
            .Single(i => i.Value == label).Name.Split('[', ']')[1];

        var response = await client.SubmitFormAsync(queue, queue.Form("form#queue-form"), [new("QueueForm.Assign", index)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlPage.ReadAsync(response);
        Assert.Contains($"Choisissez la structure à laquelle affecter les expériences « {label} ».", page.ErrorMessages());
        Assert.Null(await factory.WithDbAsync(db => db.Experiences.Where(e => e.NationalId == $"{prefix}-4").Select(e => e.StructureId).SingleAsync()));
    }
}

/// <summary>A confirm that fails in the database once the experiences are inserted leaves the database as it was.</summary>
public sealed class FailingImportTests : IDisposable
{
    private readonly FailingImportFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_confirm_that_fails_writes_nothing_and_says_so_in_french()
    {
        var client = await _factory.SignInAsync($"referent@{DemoDataSeeder.EmailDomain}");
        var page = await client.GetPageAsync("/Feedback/Imports");
        var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in HtmlPage.FormValues(page.Form("#import-upload")))
        {
            multipart.Add(new StringContent(value), name);
        }

        multipart.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(
            "id;titre;intitule_de_la_structure;date_de_publication\nF-1;Accueil;DDT de l'Aube;02/02/2026\nF-2;Attente;DDT de l'Aube;03/02/2026\n")), "File", "export.csv");
        var preview = await client.FollowRedirectsAsync(await client.PostAsync("/Feedback/Imports/Upload", multipart));
        var before = await _factory.WithDbAsync(async db => (await db.Experiences.CountAsync(), await db.AuditEntries.CountAsync(), await db.ExperienceImports.CountAsync()));
        _factory.Failure.Armed = true;

        var response = await client.SubmitFormAsync(preview, preview.Form("form#import-confirm"));
        var back = await client.FollowRedirectsAsync(response);

        Assert.True(_factory.Failure.Triggered, "The simulated failure did not happen: the test proves nothing.");
        Assert.Equal("Aperçu de l'import", back.H1);
        Assert.Contains("L'import n'a pas été enregistré : L'import n'a pas pu être enregistré à cause d'une erreur inattendue", back.Text, StringComparison.Ordinal);
        Assert.Equal(before, await _factory.WithDbAsync(async db => (await db.Experiences.CountAsync(), await db.AuditEntries.CountAsync(), await db.ExperienceImports.CountAsync())));
    }

    private sealed class FailingImportFactory : SpPlusFactory
    {
        public FailOnImportRecord Failure { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
                services.ConfigureDbContext<SpPlusDbContext>((_, options) => options.AddInterceptors(Failure)));
        }
    }

    /// <summary>Once armed, fails just after the experiences were inserted (inside the import's transaction).</summary>
    private sealed class FailOnImportRecord : DbCommandInterceptor
    {
        public bool Armed { get; set; }

        public bool Triggered { get; private set; }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (Armed && command.CommandText.Contains("INSERT INTO \"Experiences\"", StringComparison.Ordinal))
            {
                Triggered = true;
                throw new InvalidOperationException("Simulated database failure.");
            }

            return ValueTask.FromResult(result);
        }
    }
}
