using Strata.Schema;

namespace Strata.Codegen;

/// <summary>Name patterns of the include and exclude lists: <c>*</c> is any run of characters; a pattern with a dot matches <c>schema.name</c>.</summary>
internal static class Glob
{
    public static bool Matches(string pattern, QualifiedName name) =>
        pattern.Contains('.', StringComparison.Ordinal) && name.Schema is not null ? Matches(pattern, name.Schema + "." + name.Name) : Matches(pattern, name.Name);

    public static bool Matches(string pattern, string text)
    {
        var parts = pattern.Split('*');
        if (parts.Length == 1)
        {
            return string.Equals(pattern, text, StringComparison.Ordinal);
        }

        if (!text.StartsWith(parts[0], StringComparison.Ordinal) || !text.EndsWith(parts[^1], StringComparison.Ordinal) || text.Length < parts[0].Length + parts[^1].Length)
        {
            return false;
        }

        var position = parts[0].Length;
        var limit = text.Length - parts[^1].Length;
        for (var i = 1; i < parts.Length - 1; i++)
        {
            var found = text.IndexOf(parts[i], position, StringComparison.Ordinal);
            if (found < 0 || found + parts[i].Length > limit)
            {
                return false;
            }

            position = found + parts[i].Length;
        }

        return true;
    }
}
