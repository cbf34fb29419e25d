namespace Strata.Sources.Layouts;

/// <summary>
/// The names of the migration folder layouts as strata.json's <c>"layout"</c> writes them (<c>strata</c>,
/// <c>golang-migrate</c>, <c>flyway</c>, …): for tools that read that setting and set
/// <see cref="DirectoryMigrationSource.Layout"/> from it.
/// </summary>
public static class MigrationLayoutNames
{
    /// <summary>The name of <paramref name="layout"/> in strata.json and messages, e.g. <c>golang-migrate</c>.</summary>
    public static string NameOf(MigrationLayout layout) => LayoutReaders.NameOf(layout);

    /// <summary>The layout named <paramref name="name"/> (as <see cref="NameOf"/> writes it, any letter case), or null for no layout of that name.</summary>
    public static MigrationLayout? Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return LayoutReaders.Parse(name);
    }

    /// <summary>Every layout's name, comma-separated, for messages.</summary>
    public static string Names => LayoutReaders.Names;
}
