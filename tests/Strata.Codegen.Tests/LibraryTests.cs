using Strata.Execution;
using Strata.PostgreSql;
using Strata.Schema;
using Strata.Sources;
using Strata.TestSupport;

namespace Strata.Codegen.Tests;

/// <summary>What <c>strata codegen --check</c> does, done with the libraries alone (the example of docs/codegen.md).</summary>
public sealed class LibraryTests : PostgresTestBase, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("strata-codegen-lib-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task A_program_migrates_a_scratch_database_generates_and_finds_its_files_stale_after_a_new_migration()
    {
        var migrations = Path.Combine(_root, "migrations");
        Directory.CreateDirectory(migrations);
        await File.WriteAllTextAsync(Path.Combine(migrations, "001_users.sql"), "CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL);");
        var options = new CodegenOptions { CSharp = new CSharpOptions { Namespace = "App.Data" }, TypeScript = new TypeScriptOptions() };

        await CodegenFiles.WriteAsync(await GenerateAsync(migrations, options), _root, CancellationToken.None);
        CodegenFiles.Compare(await GenerateAsync(migrations, options), _root).ShouldBeEmpty();

        await File.WriteAllTextAsync(Path.Combine(migrations, "002_users_name.sql"), "ALTER TABLE users ADD COLUMN name text;");
        CodegenFiles.Compare(await GenerateAsync(migrations, options), _root).Select(c => (c.Path, c.Kind)).ShouldBe(
            [("Generated/DatabaseMapping.g.cs", FileChangeKind.Changed), ("Generated/Public.g.cs", FileChangeKind.Changed), ("db.ts", FileChangeKind.Changed)]);
    }

    /// <summary>docs/codegen.md, "From a program": the schema after all migrations, then the generated files.</summary>
    private async Task<CodegenOutput> GenerateAsync(string migrations, CodegenOptions options)
    {
        await using var scratch = await PostgreSqlScratchDatabase.CreateAsync(Database.ConnectionString, CancellationToken.None);
        var migrator = new Migrator(new PostgreSqlDialect(scratch.ConnectionString), new DirectoryMigrationSource(migrations));
        (await migrator.MigrateAsync()).Applied.ShouldNotBeEmpty();
        var history = new SchemaFilter { ExcludedTables = [new QualifiedName("public", "strata_migrations"), new QualifiedName("public", "strata_migrations_audit")] };
        var schema = await scratch.ReadAsync(history, CancellationToken.None);
        return CodeGenerator.Generate(schema, options);
    }
}
