namespace Strata.Adoption;

/// <summary>The tools' names as users write them (<c>--from</c>) and read them.</summary>
public static class ForeignTools
{
    /// <summary>The name of <paramref name="tool"/>: <c>knex</c>, <c>drizzle</c>, <c>node-pg-migrate</c>, <c>golang-migrate</c>, …</summary>
    public static string Name(ForeignTool tool) => tool switch
    {
        ForeignTool.NodePgMigrate => "node-pg-migrate",
        ForeignTool.GolangMigrate => "golang-migrate",
        ForeignTool.SqlMigrate => "sql-migrate",
        ForeignTool.EfCore => "ef-core",
        _ => tool.ToString().ToLowerInvariant(),
    };

    /// <summary>The tool named <paramref name="name"/> (any letter case), or null.</summary>
    public static ForeignTool? Parse(string name) =>
        Enum.GetValues<ForeignTool>().Cast<ForeignTool?>().FirstOrDefault(t => string.Equals(Name(t!.Value), name, StringComparison.OrdinalIgnoreCase));
}
