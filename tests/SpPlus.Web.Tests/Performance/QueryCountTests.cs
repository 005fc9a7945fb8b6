using System.Net;
using Microsoft.EntityFrameworkCore;
using SpPlus.Core.Auditing;
using SpPlus.Core.Data.Seeding;
using SpPlus.Core.Engagements;
using SpPlus.Core.Identity;
using SpPlus.Web.Tests.Infrastructure;

namespace SpPlus.Web.Tests.Performance;

/// <summary>
/// No query per row: a page sends the same number of SQL commands whether its list shows a few rows or many, and
/// stays under a fixed bound.
/// </summary>
public sealed class QueryCountTests(FrozenTimeSpPlusFactory factory) : IClassFixture<FrozenTimeSpPlusFactory>
{
    /// <summary>A generous bound for one page: authentication, the user's scope, a count, a page of rows, the choices of filters.</summary>
    private const int MaxCommandsPerPage = 12;

    [Theory]
    [InlineData("/", "referent")]
    [InlineData("/Engagements/Commitments", "referent")]
    [InlineData("/Engagements/Frameworks", "referent")]
    [InlineData("/Admin/Users", "admin")]
    [InlineData("/Admin/Structures", "admin")]
    [InlineData("/Admin/Audit", "admin")]
    public async Task A_page_sends_a_bounded_number_of_queries_that_does_not_grow_with_its_rows(string path, string account)
    {
        var client = await factory.SignInAsync($"{account}@{DemoDataSeeder.EmailDomain}");
        await client.GetAsync(path); // warm-up: caches (data protection keys, compiled views) are not the page's cost

        var few = await CountAsync(client, path);
        await AddRowsAsync(15);
        var many = await CountAsync(client, path);

        Assert.True(few.Count > 0, $"{path}: no SQL command counted; is the counter wired to the context?");
        Assert.True(few.Count <= MaxCommandsPerPage, $"{path}: {few.Count} commands:\n{string.Join("\n---\n", few.Commands)}");
        Assert.True(many.Count == few.Count, $"{path}: {few.Count} commands before adding rows, {many.Count} after: a query per row?\n{string.Join("\n---\n", many.Commands)}");
    }

    private async Task<(int Count, IReadOnlyList<string> Commands)> CountAsync(HttpClient client, string path)
    {
        factory.Commands.Reset();
        var response = await client.GetAsync(path);
        var commands = factory.Commands.Commands;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (commands.Count, commands);
    }

    /// <summary>More of everything the lists show: local commitments, accounts with structures (and so audit entries).</summary>
    private async Task AddRowsAsync(int count)
    {
        var structureIds = await factory.WithDbAsync(db => db.Structures.Select(s => s.Id).ToListAsync());
        for (var i = 0; i < count; i++)
        {
            await factory.CreateUserAsync(i % 2 == 0 ? RoleNames.Correspondent : RoleNames.CopilMember, [structureIds[i % structureIds.Count]]);
        }

        await factory.WithDbAsync(async db =>
        {
            var engagementId = await db.Engagements.Where(e => e.Framework!.Status == FrameworkStatus.Active).Select(e => e.Id).FirstAsync();
            for (var i = 0; i < count; i++)
            {
                db.LocalCommitments.Add(new LocalCommitment
                {
                    StructureId = structureIds[i % structureIds.Count],
                    EngagementId = engagementId,
                    Kind = LocalCommitmentKind.Other,
                    Text = $"Engagement local supplémentaire {i + 1}",
                    UpdatedAtUtc = DateTime.UtcNow,
                });
            }

            await db.SaveChangesAsync();
            Assert.True(await db.AuditEntries.CountAsync(a => a.Action == AuditAction.Added) > count);
        });
    }
}
