namespace Strata.Packaging.Tests.Docs;

/// <summary>
/// What the docs' C# examples take from their surroundings without declaring it (a connection string, the host
/// builder of <c>Program.cs</c>, a cancellation token, a migrator, the settings an earlier example of the page
/// resolved…), and the namespaces a .NET project imports implicitly or that the pages name in prose.
/// </summary>
internal static class SnippetPrelude
{
    public static readonly IReadOnlyList<string> Namespaces =
    [
        "System", "System.IO", "System.Linq", "System.Collections.Generic", "System.Threading", "System.Threading.Tasks",
        "Npgsql", "Dapper", "Microsoft.Data.Sqlite", "Xunit",
        "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Configuration",
        "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Http",
    ];

    /// <summary>Each given name and the statement declaring it.</summary>
    public static readonly IReadOnlyList<(string Name, string Declaration)> Given =
    [
        ("connectionString", "string connectionString = \"Host=localhost;Username=app;Database=app\";"),
        ("adminConnectionString", "string adminConnectionString = connectionString;"),
        ("serverConnectionString", "string serverConnectionString = connectionString;"),
        ("workingDirectory", "string workingDirectory = \".\";"),
        ("projectRoot", "string projectRoot = \".\";"),
        ("ct", "CancellationToken ct = default;"),
        ("cancellationToken", "CancellationToken cancellationToken = default;"),
        ("variables", "IReadOnlyDictionary<string, string> variables = new Dictionary<string, string>();"),
        ("builder", "var builder = Host.CreateApplicationBuilder(args);"),
        ("connection", "NpgsqlConnection connection = new(connectionString);"),
        ("id", "long id = 1;"),
        ("tokens", "Tokens tokens = new();"),
        ("source", "IMigrationSource source = new DirectoryMigrationSource(\"migrations\");"),
        ("migrator", "Migrator migrator = new(new SqliteDialect(\"app.db\"), new DirectoryMigrationSource(\"migrations\"));"),
        ("dataSource", "NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);"),
        ("target", "DatabaseTarget target = null!;"),
        ("settings", "StrataSettings settings = null!;"),
    ];

    /// <summary>Types the given names need, and a C# migration of the reader's own (the README's <c>SeedRoles</c>).</summary>
    public const string Types = """
        sealed class SeedRoles() : Strata.Code.CodeMigration(3, "seed_roles")
        {
            public override Task UpAsync(Strata.Code.MigrationContext db, CancellationToken ct) => Task.CompletedTask;

            public override Task DownAsync(Strata.Code.MigrationContext db, CancellationToken ct) => Task.CompletedTask;
        }

        sealed class Tokens
        {
            public string Current() => "";
            public ValueTask<string> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult("");
        }
        """;
}
