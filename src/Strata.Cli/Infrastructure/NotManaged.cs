using Strata.Schema;

namespace Strata.Cli.Infrastructure;

/// <summary>
/// Objects the schema workspace found but cannot model (<see cref="DatabaseSchema.Unmanaged"/>): pull, diff, generate and
/// push name each as "not managed: kind name" on stderr (and in --json), and <c>diff --exit-code</c> exits 3 for them,
/// unless strata.json <c>"unmanaged"</c> accepts them (<see cref="SchemaWorkspace.NotManaged"/> leaves those out).
/// </summary>
internal static class NotManaged
{
    /// <summary>One warning per object, then how to deal with them; nothing when there are none.</summary>
    public static void Warn(CommandContext ctx, IReadOnlyList<UnmanagedObject> objects)
    {
        foreach (var item in objects)
        {
            ctx.Terminal.Warning("not managed: " + item);
        }

        if (objects.Count > 0)
        {
            var text = $"{objects.Count} object(s) Strata cannot model are left out of schema.sql and generated migrations: "
                + $"create or change them in a hand-written migration, and accept them in strata.json, e.g. \"unmanaged\": [\"{Pattern(objects[0])}\"] (see docs/schema.md)";
            ctx.Terminal.Note("[grey]" + Spectre.Console.Markup.Escape(text) + "[/]");
        }
    }

    /// <summary>The names for --json.</summary>
    public static IReadOnlyList<string> Json(IReadOnlyList<UnmanagedObject> objects) => [.. objects.Select(o => o.ToString())];

    private static string Pattern(UnmanagedObject item) => item.Kind + " *";
}
