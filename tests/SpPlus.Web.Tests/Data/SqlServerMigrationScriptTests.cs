using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using SpPlus.Core.Data;

namespace SpPlus.Web.Tests.Data;

/// <summary>
/// The model migrates on both providers. No SQL Server engine runs here, so the production script is generated and
/// parsed as T-SQL; SQLite migrations are applied for real. A model change without its migration fails here.
/// </summary>
public sealed partial class SqlServerMigrationScriptTests
{
    private static readonly string[] ExpectedTables = ["AspNetUsers", "AspNetRoles", "Structures", "EngagementFrameworks", "Engagements", "LocalCommitments", "AuditEntries"];

    [Fact]
    public void The_idempotent_SQL_Server_script_is_valid_T_SQL_and_creates_every_table_of_the_model()
    {
        using var context = SqlServerContext();
        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.False(string.IsNullOrWhiteSpace(script), "The migrator produced an empty script: are the SQL Server migrations in the assembly?");

        var batches = BatchSeparator().Split(script).Where(b => !string.IsNullOrWhiteSpace(b)).ToList();
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        var tables = new TableCollector();
        var errors = new List<string>();
        for (var i = 0; i < batches.Count; i++)
        {
            using var reader = new StringReader(batches[i]);
            var fragment = parser.Parse(reader, out var parseErrors);
            errors.AddRange(parseErrors.Select(e => $"batch {i + 1}, line {e.Line}: {e.Message}"));
            fragment?.Accept(tables);
        }

        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.True(batches.Count > 1, "The script has a single batch: GO separators expected between migrations' statements.");
        foreach (var table in ExpectedTables)
        {
            Assert.Contains(table, tables.Created);
        }

        var modelTables = context.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().ToList();
        Assert.Empty(modelTables.Except(tables.Created, StringComparer.OrdinalIgnoreCase));

        // Idempotent: every table but the history one is created under a guard, so running the script twice is safe.
        Assert.DoesNotContain(tables.CreatedUnguarded, t => t != "__EFMigrationsHistory");
    }

    [Fact]
    public void The_SQL_Server_migrations_match_the_model()
    {
        using var context = SqlServerContext();

        Assert.NotEmpty(context.Database.GetMigrations());
        Assert.False(context.Database.HasPendingModelChanges(),
            "The model has changes that no SQL Server migration covers: add one with dotnet ef migrations add (provider SqlServer).");
    }

    [Fact]
    public void The_SQLite_migrations_apply_to_an_empty_database_and_match_the_model()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var context = new SpPlusDbContext(new DbContextOptionsBuilder<SpPlusDbContext>()
            .UseSqlite(connection, o => o.MigrationsAssembly("SpPlus.Migrations.Sqlite"))
            .Options);

        Assert.False(context.Database.HasPendingModelChanges(),
            "The model has changes that no SQLite migration covers: add one with dotnet ef migrations add (provider Sqlite).");
        var all = context.Database.GetMigrations().ToList();
        Assert.NotEmpty(all);

        context.Database.Migrate();

        Assert.Empty(context.Database.GetPendingMigrations());
        Assert.Equal(all, context.Database.GetAppliedMigrations());
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        var tables = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in ExpectedTables)
        {
            Assert.Contains(table, tables);
        }

        // The model can be used on the migrated schema: a query on each table succeeds.
        Assert.Equal(0, context.Structures.Count());
        Assert.Equal(0, context.LocalCommitments.Count());
        Assert.Equal(0, context.AuditEntries.Count());
    }

    private static SpPlusDbContext SqlServerContext() =>
        new(new DbContextOptionsBuilder<SpPlusDbContext>()
            .UseSqlServer("Server=unused;Database=unused", o => o.MigrationsAssembly("SpPlus.Migrations.SqlServer"))
            .Options);

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex BatchSeparator();

    private sealed class TableCollector : TSqlFragmentVisitor
    {
        private int _guards;

        public HashSet<string> Created { get; } = new(StringComparer.OrdinalIgnoreCase);

        public List<string> CreatedUnguarded { get; } = [];

        public override void ExplicitVisit(IfStatement node)
        {
            _guards++;
            base.ExplicitVisit(node);
            _guards--;
        }

        public override void ExplicitVisit(CreateTableStatement node)
        {
            var name = node.SchemaObjectName.BaseIdentifier.Value;
            Created.Add(name);
            if (_guards == 0)
            {
                CreatedUnguarded.Add(name);
            }

            base.ExplicitVisit(node);
        }
    }
}
