using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Auditing;
using SpPlus.Core.Data.Seeding;
using SpPlus.Web.Tests.Infrastructure;

namespace SpPlus.Web.Tests.Auditing;

/// <summary>A change made through the portal is written to the audit log, with who, the old and the new values.</summary>
public sealed class AuditLogTests(SpPlusFactory factory) : IClassFixture<SpPlusFactory>
{
    private const string AdminEmail = $"admin@{DemoDataSeeder.EmailDomain}";

    [Fact]
    public async Task Renaming_a_structure_through_the_form_writes_who_and_the_old_and_new_names_and_the_log_page_shows_it()
    {
        var id = await factory.StructureIdAsync("sgcd-aube");
        var oldName = await factory.WithDbAsync(db => db.Structures.Where(s => s.Id == id).Select(s => s.Name).SingleAsync());
        var newName = $"SGCD de l'Aube, renommé {Guid.NewGuid().ToString("N")[..8]}";
        var adminId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == AdminEmail).Select(u => u.Id).SingleAsync());
        var client = await factory.SignInAsync(AdminEmail);

        var response = await client.SubmitFormAsync($"/Admin/Structures/Edit/{id}", "main form[method=post]", new Dictionary<string, string> { ["Name"] = newName });

        Assert.True(HttpClientExtensions.IsRedirect(response.StatusCode),
            $"The form was not accepted: {(int)response.StatusCode} {string.Join(" | ", (await HtmlPage.ReadAsync(response)).ErrorMessages())}");
        var entry = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "Structure" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.Action == AuditAction.Modified)
            .OrderByDescending(a => a.Id)
            .FirstOrDefaultAsync());
        Assert.NotNull(entry);
        Assert.Equal(AdminEmail, entry.UserName);
        Assert.Equal(adminId, entry.UserId);
        Assert.True(DateTime.UtcNow - entry.TimestampUtc < TimeSpan.FromMinutes(5), $"Timestamp {entry.TimestampUtc:O} is not the time of the change (UTC).");
        using var changes = JsonDocument.Parse(entry.Changes);
        var name = changes.RootElement.GetProperty("Name");
        Assert.Equal(oldName, name.GetProperty("old").GetString());
        Assert.Equal(newName, name.GetProperty("new").GetString());
        // Only what changed is recorded.
        Assert.False(changes.RootElement.TryGetProperty("Slug", out _), entry.Changes);

        var log = await client.GetPageAsync($"/Admin/Audit?EntityType=Structure&EntityId={id}");
        Assert.Equal(HttpStatusCode.OK, log.StatusCode);
        Assert.Contains(AdminEmail, log.Text);
        Assert.Contains(oldName, log.Text);
        Assert.Contains(newName, log.Text);
    }

    [Fact]
    public async Task A_refused_change_writes_nothing_to_the_log()
    {
        // A correspondent posting the structure form (with their own valid token) is refused; the log does not grow.
        var id = await factory.StructureIdAsync("ddt-aube");
        var admin = await factory.SignInAsync(AdminEmail);
        var formPage = await admin.GetPageAsync($"/Admin/Structures/Edit/{id}");
        Assert.Equal(HttpStatusCode.OK, formPage.StatusCode);
        var correspondent = await factory.SignInAsync(DemoDataSeeder.CorrespondentEmail("ddt-aube"));
        var home = await correspondent.GetPageAsync("/");
        var token = home.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token), "The signed-in layout offers no form with a token.");
        var fields = HtmlPage.FormValues(formPage.Form("main form[method=post]"), new Dictionary<string, string> { ["Name"] = "Structure détournée" })
            .Where(f => f.Key != "__RequestVerificationToken")
            .Append(new("__RequestVerificationToken", token!));
        var before = await factory.WithDbAsync(db => db.AuditEntries.CountAsync());

        var response = await correspondent.PostAsync($"/Admin/Structures/Edit/{id}", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await factory.WithDbAsync(db => db.AuditEntries.CountAsync()));
        Assert.NotEqual("Structure détournée", await factory.WithDbAsync(db => db.Structures.Where(s => s.Id == id).Select(s => s.Name).SingleAsync()));
    }
}
