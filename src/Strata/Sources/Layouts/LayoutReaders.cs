using Strata.Errors;

namespace Strata.Sources.Layouts;

/// <summary>The reader of each layout, and the layouts' names as strata.json writes them.</summary>
internal static class LayoutReaders
{
    /// <summary>The name of each layout in strata.json and messages.</summary>
    public static string NameOf(MigrationLayout layout) => layout switch
    {
        MigrationLayout.GolangMigrate => "golang-migrate",
        MigrationLayout.NodePgMigrate => "node-pg-migrate",
        MigrationLayout.SqlMigrate => "sql-migrate",
        _ => layout.ToString().ToLowerInvariant(),
    };

    /// <summary>The tool that writes <paramref name="layout"/>, as its users call it.</summary>
    public static string ToolName(MigrationLayout layout) => layout switch
    {
        MigrationLayout.Prisma => "Prisma Migrate",
        MigrationLayout.Drizzle => "Drizzle Kit",
        MigrationLayout.Flyway => "Flyway",
        MigrationLayout.Diesel => "Diesel",
        MigrationLayout.Numbered => "a runner of numbered SQL files (psql in a loop)",
        _ => NameOf(layout),
    };

    /// <summary>The layout named <paramref name="name"/> (as <see cref="NameOf"/> writes it, any letter case), or null.</summary>
    public static MigrationLayout? Parse(string name) =>
        Enum.GetValues<MigrationLayout>().Cast<MigrationLayout?>().FirstOrDefault(l => string.Equals(NameOf(l!.Value), name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every name, for messages.</summary>
    public static string Names => string.Join(", ", Enum.GetValues<MigrationLayout>().Select(NameOf));

    /// <summary>What the reader of <paramref name="layout"/> finds in <paramref name="folder"/> (not for <see cref="MigrationLayout.Strata"/>).</summary>
    public static List<LayoutMigration> Read(MigrationLayout layout, string folder, Dialect dialect, List<Problem> problems) => layout switch
    {
        MigrationLayout.GolangMigrate => PairReaders.GolangMigrate(folder, problems),
        MigrationLayout.Popx => PairReaders.Popx(folder, dialect, problems),
        MigrationLayout.Sqlx => PairReaders.Sqlx(folder, problems),
        MigrationLayout.Numbered => PairReaders.Numbered(folder, problems),
        MigrationLayout.Dbmate => SingleFileReaders.Dbmate(folder, problems),
        MigrationLayout.Goose => SingleFileReaders.Goose(folder, problems),
        MigrationLayout.NodePgMigrate => SingleFileReaders.NodePgMigrate(folder, problems),
        MigrationLayout.SqlMigrate => SingleFileReaders.SqlMigrate(folder, problems),
        MigrationLayout.Flyway => FlywayReader.Read(folder, problems),
        MigrationLayout.Prisma => FolderReaders.Prisma(folder, problems),
        MigrationLayout.Diesel => FolderReaders.Diesel(folder, problems),
        MigrationLayout.Drizzle => FolderReaders.Drizzle(folder, problems),
        _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, "Strata's own layout has no layout reader"),
    };
}
