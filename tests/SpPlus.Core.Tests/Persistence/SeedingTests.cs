using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpPlus.Core.Data;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Engagements;
using SpPlus.Core.Identity;
using SpPlus.Core.Structures;

namespace SpPlus.Core.Tests.Persistence;

public class SeedingTests
{
    [Fact]
    public async Task Reference_seed_creates_the_aube_its_six_structures_the_roles_and_both_frameworks()
    {
        await using var services = await TestDatabase.CreateEmptyAsync();
        await services.RunAsync(sp => sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync());

        await services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var department = await db.Departments.SingleAsync();
            Assert.Equal(("10", "Aube"), (department.Code, department.Name));

            var structures = await db.Structures.OrderBy(s => s.Id).ToListAsync();
            Assert.Equal(
                ["Préfecture de l'Aube", "Sous-préfecture de Nogent-sur-Seine", "Sous-préfecture de Bar-sur-Aube", "SGCD de l'Aube", "DDT de l'Aube", "DDETSPP de l'Aube"],
                structures.Select(s => s.Name));
            var prefecture = structures.Single(s => s.Type == StructureType.Prefecture);
            Assert.All(structures.Where(s => s.Type == StructureType.SubPrefecture), s => Assert.Equal(prefecture.Id, s.ParentId));

            var frameworks = await db.EngagementFrameworks.Include(f => f.Engagements).ThenInclude(e => e.SubCriteria).OrderBy(f => f.Year).ToListAsync();
            Assert.Equal([2021, 2023], frameworks.Select(f => f.Year));
            Assert.Equal(FrameworkStatus.Active, frameworks[0].Status);
            Assert.Equal(FrameworkStatus.Draft, frameworks[1].Status);
            Assert.Equal(9, frameworks[0].Engagements.Count);
            Assert.Equal(8, frameworks[1].Engagements.Count);
            Assert.StartsWith("Dans le respect mutuel", frameworks[0].Engagements.Single(e => e.Number == 1).Wording);
            Assert.Equal("Nous sommes éco-responsables", frameworks[0].Engagements.Single(e => e.Number == 9).Wording);
            Assert.Equal(5, frameworks[0].Engagements.Single(e => e.Number == 1).SubCriteria.Count);

            var roles = await db.Roles.Select(r => r.Name!).ToListAsync();
            Assert.Equal(RoleNames.All.Order(), roles.Order());
        });
    }

    [Fact]
    public async Task Reference_seed_is_idempotent_and_never_overwrites_an_edit()
    {
        await using var services = await TestDatabase.CreateEmptyAsync();
        await services.RunAsync(sp => sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync());
        await services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            var ddt = await db.Structures.SingleAsync(s => s.Slug == "ddt-aube");
            ddt.Name = "Direction départementale des territoires de l'Aube";
            var engagement = await db.Engagements.SingleAsync(e => e.Framework!.Year == 2023 && e.Number == 8);
            engagement.Wording = "Nous vous informons de façon claire";
            await db.SaveChangesAsync();
        });

        await services.RunAsync(sp => sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync());

        await services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            Assert.Equal(6, await db.Structures.CountAsync());
            Assert.Equal(2, await db.EngagementFrameworks.CountAsync());
            Assert.Equal(17, await db.Engagements.CountAsync());
            Assert.Equal("Direction départementale des territoires de l'Aube", (await db.Structures.SingleAsync(s => s.Slug == "ddt-aube")).Name);
            Assert.Equal("Nous vous informons de façon claire", (await db.Engagements.SingleAsync(e => e.Framework!.Year == 2023 && e.Number == 8)).Wording);
        });
    }

    [Fact]
    public async Task Reference_seed_does_not_activate_2021_when_another_framework_is_already_active()
    {
        await using var services = await TestDatabase.CreateEmptyAsync();
        await services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            db.EngagementFrameworks.Add(new EngagementFramework { Year = 2025, Name = "Référentiel local 2025", Status = FrameworkStatus.Active });
            await db.SaveChangesAsync();
        });

        await services.RunAsync(sp => sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync());

        await services.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpPlusDbContext>();
            Assert.Equal([2025], await db.EngagementFrameworks.Where(f => f.Status == FrameworkStatus.Active).Select(f => f.Year).ToListAsync());
        });
    }

    [Fact]
    public async Task Demo_seed_creates_one_account_per_role_and_a_correspondent_per_structure_with_the_given_password()
    {
        await using var services = await TestDatabase.CreateEmptyAsync();
        await services.RunAsync(sp => sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync());
        await services.RunAsync(sp => sp.GetRequiredService<DemoDataSeeder>().SeedAsync("Un-autre-mot-de-passe-42"));
        await services.RunAsync(sp => sp.GetRequiredService<DemoDataSeeder>().SeedAsync("Un-autre-mot-de-passe-42"));

        await services.RunAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var db = sp.GetRequiredService<SpPlusDbContext>();
            Assert.Equal(10, await db.Users.CountAsync());

            foreach (var account in DemoDataSeeder.Accounts)
            {
                var user = await users.FindByEmailAsync(account.Email);
                Assert.NotNull(user);
                Assert.True(await users.CheckPasswordAsync(user, "Un-autre-mot-de-passe-42"), account.Email);
                Assert.Equal([account.Role], await users.GetRolesAsync(user));
            }

            var ddtCorrespondent = await db.Users.Include(u => u.Structures).ThenInclude(s => s.Structure)
                .SingleAsync(u => u.Email == "correspondant.ddt-aube@demo.spplus.fr");
            Assert.Equal("ddt-aube", Assert.Single(ddtCorrespondent.Structures).Structure!.Slug);
            Assert.Equal(18, await db.LocalCommitments.CountAsync());
        });
    }
}
