using System.CommandLine;

namespace Strata.Cli.Infrastructure;

/// <summary>
/// The Strata command a user most likely meant: a near miss of a command name or alias (<c>migrat</c>,
/// <c>stauts</c>), or another tool's spelling of the same verb (Knex's <c>migrate:latest</c>, Drizzle Kit's
/// <c>db:push</c>, node-pg-migrate's <c>create</c>, Flyway's <c>info</c>, sqitch's <c>deploy</c>).
/// </summary>
internal static class CommandSuggestions
{
    /// <summary>Other tools' verbs (after any <c>tool:</c> prefix is dropped) and the Strata command for each.</summary>
    private static readonly Dictionary<string, string> ForeignVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["make"] = "new",
        ["create"] = "new",
        ["add"] = "new",
        ["list"] = "status",
        ["info"] = "status",
        ["version"] = "status",
        ["currentVersion"] = "status",
        ["deploy"] = "migrate",
        ["update"] = "migrate",
        ["revert"] = "rollback",
        ["undo"] = "rollback",
        ["fake"] = "mark-applied",
        ["force"] = "mark-applied",
        ["resolve"] = "mark-applied",
        ["clean"] = "reset",
        ["introspect"] = "pull",
        ["check"] = "validate",
        ["goto"] = "migrate --target",
    };

    /// <summary>A suggestion: the command line to show after <c>strata </c>, and where the name came from.</summary>
    public sealed record Suggestion(string Text, string Origin);

    /// <summary>The subcommand of <paramref name="parent"/> that <paramref name="token"/> most likely meant, or null.</summary>
    public static Suggestion? For(Command parent, string token)
    {
        var names = parent.Subcommands.SelectMany(c => c.Aliases.Append(c.Name)).ToList();
        string Canonical(string name) => parent.Subcommands.First(c => c.Name == name || c.Aliases.Contains(name)).Name;

        var colon = token.LastIndexOf(':');
        var verb = colon >= 0 ? token[(colon + 1)..] : token;
        var origin = colon >= 0 ? " (another tool's spelling)" : "";
        if (colon >= 0 && names.Contains(verb, StringComparer.OrdinalIgnoreCase))
        {
            return new Suggestion(Canonical(names.First(n => n.Equals(verb, StringComparison.OrdinalIgnoreCase))), origin);
        }

        if (parent is RootCommand && ForeignVerbs.TryGetValue(verb, out var mapped))
        {
            return new Suggestion(mapped, " (another tool's spelling)");
        }

        return Nearest(token, names) is { } near ? new Suggestion(Canonical(near), "")
            : colon >= 0 && Nearest(verb, names) is { } nearVerb ? new Suggestion(Canonical(nearVerb), origin)
            : null;
    }

    /// <summary>The candidate closest to <paramref name="typed"/> when it is a plausible typo (a third of its letters or fewer differ).</summary>
    public static string? Nearest(string typed, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(typed.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        var allowed = Math.Max(1, Math.Min(3, typed.TrimStart('-').Length / 3));
        return best is not null && bestDistance <= allowed ? best : null;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours each cost one.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
