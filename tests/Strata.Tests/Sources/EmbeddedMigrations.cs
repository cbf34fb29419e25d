using System.Reflection;
using Strata.Errors;
using Strata.Sources;

namespace Strata.Tests.Sources;

/// <summary>
/// The migrations embedded into this test assembly (see Strata.Tests.csproj): <c>good/</c> and <c>bad/</c> with
/// logical names, <c>DefaultNames</c> with MSBuild's default names; the same files are copied to the output folder.
/// </summary>
internal static class EmbeddedMigrations
{
    public const string DefaultNamesPrefix = "Strata.Tests.Sources.EmbeddedMigrations.DefaultNames.";

    public static Assembly Assembly => typeof(EmbeddedMigrations).Assembly;

    /// <summary>The output copy of a test migrations folder (Good, Bad or DefaultNames).</summary>
    public static string Folder(string name) => Path.Combine(AppContext.BaseDirectory, "Sources", "EmbeddedMigrations", name);

    public static Task<IReadOnlyList<Migration>> LoadAsync(string prefix, Dialect dialect = Dialect.PostgreSql) =>
        new EmbeddedMigrationSource(Assembly, prefix).LoadAsync(dialect, CancellationToken.None);

    /// <summary>Loads the output copy of a folder, paths shown relative to it (<c>001_x.sql</c>).</summary>
    public static Task<IReadOnlyList<Migration>> LoadFolderAsync(string name)
    {
        var folder = Folder(name);
        return new DirectoryMigrationSource(folder, displayBase: folder).LoadAsync(Dialect.PostgreSql, CancellationToken.None);
    }

    public static async Task<IReadOnlyList<Problem>> ProblemsAsync(Func<Task<IReadOnlyList<Migration>>> load)
    {
        var error = await Should.ThrowAsync<MigrationSourceException>(load);
        error.Category.ShouldBe(ErrorCategory.BadInput);
        return error.Problems;
    }

    /// <summary>What a migration is, apart from where it came from.</summary>
    public static string Content(Migration m) =>
        $"{m.Version}|{m.VersionText}|{m.Name}|{m.Kind}|{m.Checksum}|{string.Join(",", m.Environments)}|up {Script(m.Up)}|down {(m.Down is null ? "none" : Script(m.Down))}";

    private static string Script(MigrationScript script)
    {
        var sql = script.ShouldBeOfType<SqlScript>();
        return $"line {sql.FirstLine}, transactional {sql.Transactional}: {sql.Sql}";
    }
}
