using Strata.Sql;

namespace Strata.Lint;

/// <summary>
/// Function volatility: the built-in volatile functions, and the functions the migrations create (VOLATILE unless
/// declared IMMUTABLE or STABLE, as PostgreSQL does). A volatile default on a new column rewrites the table; a
/// constant or a stable one (<c>now()</c>) is stored once in the catalog (PostgreSQL 11+).
/// </summary>
internal static class Functions
{
    private static readonly HashSet<string> BuiltInVolatile = new(StringComparer.Ordinal)
    {
        "random", "random_normal", "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "uuidv7", "uuidv4",
        "clock_timestamp", "timeofday", "nextval", "txid_current", "pg_current_xact_id", "gen_random_bytes", "gen_salt", "setval",
    };

    /// <summary>Records a <c>CREATE [OR REPLACE] FUNCTION|PROCEDURE name (…) …</c> whose name starts at <paramref name="at"/>.</summary>
    public static void Track(StatementView s, LintScope scope, int at)
    {
        if (s.Name(at) is not var (name, next))
        {
            return;
        }

        var volatility = "VOLATILE";
        for (var i = next; i < s.Words.Count; i++)
        {
            if (s.Words[i].Depth == 0 && s.Words[i].Upper is "IMMUTABLE" or "STABLE" or "VOLATILE" && s.Words[i].Kind == SqlTokenKind.Word)
            {
                volatility = s.Words[i].Upper;
            }
        }

        scope.Folder.Functions[name] = volatility == "VOLATILE";
    }

    /// <summary>Forgets a dropped function.</summary>
    public static void Drop(string name, LintScope scope) => scope.Folder.Functions.Remove(name);

    /// <summary>
    /// The first call in [<paramref name="from"/>, <paramref name="end"/>) of a volatile function (built in, or created
    /// by the migrations without IMMUTABLE or STABLE), as <c>name()</c> with where it comes from; null when none.
    /// Type modifiers after <c>::</c> (<c>numeric(10,2)</c>) are not calls.
    /// </summary>
    public static string? VolatileCall(StatementView s, int from, int end, LintScope scope)
    {
        for (var i = from; i + 1 < end; i++)
        {
            var word = s.Words[i];
            if (word.Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier) || s.Words[i + 1].Kind != SqlTokenKind.OpenParen || (i > from && s.Words[i - 1].Raw == "::"))
            {
                continue;
            }

            var name = word.Identifier;
            if (BuiltInVolatile.Contains(name))
            {
                return $"the volatile default {name}()";
            }

            if (scope.Folder.Functions.TryGetValue(name, out var isVolatile) && isVolatile)
            {
                return $"the default {name}(), a function these migrations create as VOLATILE (the default without IMMUTABLE or STABLE)";
            }
        }

        return null;
    }
}
