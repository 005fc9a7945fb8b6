using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpPlus.Core.Auditing;
using SpPlus.Core.Data;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Identity;
using SpPlus.Core.Structures;

namespace SpPlus.Core.Tests.Persistence;

public class AuditInterceptorTests
{
    private sealed class Actor : IAuditActor
    {
        public string? UserId => "user-42";

        public string? UserName => "referent@demo.spplus.fr";
    }

    [Fact]
    public async Task A_modification_is_logged_with_actor_time_old_and_new_values()
    {
        await using var services = await TestDatabase.CreateEmptyAsync(new Actor());
        await services.RunAsync(sp => sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync());
        services.Time.Advance(TimeSpan.FromHours(2));

        int ddtId = 0;
        await services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var ddt = await db.Structures.SingleAsync(s => s.Slug == "ddt-aube");
            ddtId = ddt.Id;
            ddt.Name = "DDT de l'Aube (Troyes)";
            await db.SaveChangesAsync();
        });

        await services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var id = ddtId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var entry = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.Modified && a.EntityType == "Structure" && a.EntityId == id);
            Assert.Equal("user-42", entry.UserId);
            Assert.Equal("referent@demo.spplus.fr", entry.UserName);
            Assert.Equal(services.Time.GetUtcNow().UtcDateTime, entry.TimestampUtc);
            using var changes = JsonDocument.Parse(entry.Changes);
            var name = changes.RootElement.GetProperty("Name");
            Assert.Equal("DDT de l'Aube", name.GetProperty("old").GetString());
            Assert.Equal("DDT de l'Aube (Troyes)", name.GetProperty("new").GetString());
            Assert.False(changes.RootElement.TryGetProperty("Slug", out _), "Unchanged properties are not logged.");
        });
    }

    [Fact]
    public async Task Added_entities_with_generated_keys_are_logged_with_their_real_id()
    {
        await using var services = await TestDatabase.CreateEmptyAsync(new Actor());
        await services.RunAsync(sp => sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync());

        await services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var frameworks = await db.EngagementFrameworks.Select(f => f.Id).ToListAsync();
            var added = await db.AuditEntries.Where(a => a.EntityType == "EngagementFramework" && a.Action == AuditAction.Added)
                .Select(a => a.EntityId).ToListAsync();
            Assert.Equal(frameworks.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), added.Order());
            Assert.DoesNotContain(await db.AuditEntries.Select(a => a.EntityId).ToListAsync(), id => id.StartsWith('-') || id == "0");
        });
    }

    [Fact]
    public async Task A_deletion_is_logged_with_the_old_values()
    {
        await using var services = await TestDatabase.CreateEmptyAsync(new Actor());
        await services.RunAsync(sp => sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync());
        await services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var criterion = await db.EngagementSubCriteria.OrderBy(c => c.Id).FirstAsync();
            db.Remove(criterion);
            await db.SaveChangesAsync();
        });

        await services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var entry = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.Deleted);
            Assert.Contains("Les agents indiquent leur nom et leur service", entry.Changes);
        });
    }

    [Fact]
    public async Task Secrets_are_never_written_to_the_log()
    {
        await using var services = await TestDatabase.CreateEmptyAsync(new Actor());
        await services.RunAsync(sp => sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync());
        await services.RunAsync(sp => sp.GetRequiredService<DemoDataSeeder>().SeedAsync(DemoDataSeeder.DefaultPassword));

        await services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var userEntries = await db.AuditEntries.Where(a => a.EntityType == nameof(AppUser)).ToListAsync();
            Assert.NotEmpty(userEntries);
            Assert.All(userEntries, e =>
            {
                Assert.DoesNotContain("PasswordHash", e.Changes);
                Assert.DoesNotContain("SecurityStamp", e.Changes);
            });
        });
    }

    [Fact]
    public async Task A_failed_save_writes_no_audit_entry()
    {
        await using var services = await TestDatabase.CreateEmptyAsync(new Actor());
        await services.RunAsync(sp => sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync());
        var before = await services.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().AuditEntries.CountAsync());

        await services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var department = await db.Departments.SingleAsync();
            // Same slug as an existing structure: the unique index refuses the whole save.
            db.Structures.Add(new Structure { DepartmentId = department.Id, Name = "Doublon", Slug = "ddt-aube", Type = StructureType.Other });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        });

        var after = await services.RunAsync(sp => sp.GetRequiredService<SpPlusDbContext>().AuditEntries.CountAsync());
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Foreign_keys_generated_in_the_same_save_and_enums_are_logged_readably()
    {
        await using var services = await TestDatabase.CreateEmptyAsync(new Actor());
        await services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            db.Structures.Add(new Structure
            {
                Department = new Department { Code = "52", Name = "Haute-Marne" },
                Name = "DDT de la Haute-Marne",
                Slug = "ddt-haute-marne",
                Type = StructureType.Ddt,
            });
            await db.SaveChangesAsync();
        });

        await services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var departmentId = (await db.Departments.SingleAsync()).Id;
            var entry = await db.AuditEntries.SingleAsync(a => a.EntityType == "Structure");
            using var changes = JsonDocument.Parse(entry.Changes);
            Assert.Equal(departmentId, changes.RootElement.GetProperty("DepartmentId").GetProperty("new").GetInt32());
            Assert.Equal("Ddt", changes.RootElement.GetProperty("Type").GetProperty("new").GetString());
        });
    }
}
