using System.Text;

namespace Strata.Bench.Tools;

/// <summary>
/// The C# source of the EF Core peer for one <see cref="MigrationSet"/>: a console program over a migration-only
/// DbContext, and one <c>Migration</c> class per migration whose Up and Down run the same SQL as the other tools.
/// It is generated under bench/.tools (outside the solution, with its own empty Directory.Build.props so the
/// repository's analyzers do not apply to generated code).
/// </summary>
internal static class EfCoreProject
{
    public const string Version = "10.0.0";

    public static async Task WriteAsync(MigrationSet set, string folder)
    {
        Directory.CreateDirectory(folder);
        await Write(folder, "Directory.Build.props", "<Project />\n").ConfigureAwait(false);
        await Write(folder, "Directory.Packages.props", "<Project />\n").ConfigureAwait(false);
        await Write(folder, "Bench.EfCore.csproj", Project).ConfigureAwait(false);
        await Write(folder, "Program.cs", Program).ConfigureAwait(false);
        await Write(folder, "Migrations.cs", Migrations(set)).ConfigureAwait(false);
    }

    private static Task Write(string folder, string name, string text) => File.WriteAllTextAsync(Path.Combine(folder, name), text);

    private const string Project = $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <OutputType>Exe</OutputType>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
            <NoWarn>$(NoWarn);NU1603</NoWarn>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="{Version}" />
          </ItemGroup>
        </Project>

        """;

    private const string Program = """
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Diagnostics;
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        using var db = new BenchContext(Environment.GetEnvironmentVariable("BENCH_CONNECTION") ?? throw new InvalidOperationException("BENCH_CONNECTION is not set"));
        switch (args[0])
        {
            case "status":
                Console.WriteLine($"{db.Database.GetAppliedMigrations().Count()} applied, {db.Database.GetPendingMigrations().Count()} pending");
                break;
            case "rollback":
                db.GetService<IMigrator>().Migrate(Migration.InitialDatabase);
                break;
            default:
                db.Database.Migrate();
                break;
        }

        public sealed class BenchContext(string connectionString) : DbContext
        {
            protected override void OnConfiguring(DbContextOptionsBuilder options) =>
                options.UseNpgsql(connectionString).ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        }

        """;

    private static string Migrations(MigrationSet set)
    {
        var text = new StringBuilder("using Microsoft.EntityFrameworkCore.Infrastructure;\nusing Microsoft.EntityFrameworkCore.Migrations;\n\n");
        foreach (var number in set.Numbers)
        {
            var version = MigrationSet.Version(number);
            text.Append("[DbContext(typeof(BenchContext))]\n")
                .Append("[Migration(\"20260101").Append(version).Append("_M").Append(version).Append("\")]\n")
                .Append("public sealed class M").Append(version).Append(" : Migration\n{\n")
                .Append("    protected override void Up(MigrationBuilder b) => b.Sql(\"").Append(Escape(MigrationSet.Up(number))).Append("\");\n")
                .Append("    protected override void Down(MigrationBuilder b) => b.Sql(\"").Append(Escape(MigrationSet.Down(number))).Append("\");\n}\n\n");
        }

        return text.ToString();
    }

    private static string Escape(string sql) => sql.Replace("\n", "\\n", StringComparison.Ordinal);
}
