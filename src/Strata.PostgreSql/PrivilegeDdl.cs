using Strata.Schema;

namespace Strata.PostgreSql;

/// <summary>GRANT and REVOKE statements for <see cref="ObjectKind.Grant"/> and <see cref="ObjectKind.DefaultPrivileges"/> objects.</summary>
internal static class PrivilegeDdl
{
    /// <summary>Takes away the default privileges being replaced, then grants the ones held (those with a grant option separately).</summary>
    public static IReadOnlyList<string> Create(SchemaObject item)
    {
        var (actual, baseline) = Privileges.Parse(item.Definition);
        var (prefix, target, column) = Parts(item);
        var grantee = item.Name.Name;
        var statements = new List<string>();
        if (baseline.Count > 0)
        {
            statements.Add($"{prefix}REVOKE ALL{column} ON {target} FROM {grantee}");
        }

        statements.AddRange(Grants(prefix, target, column, grantee, actual));
        return statements;
    }

    /// <summary>Revokes what the grantee holds, then gives back the default privileges it had before.</summary>
    public static IReadOnlyList<string> Drop(SchemaObject item)
    {
        var (_, baseline) = Privileges.Parse(item.Definition);
        var (prefix, target, column) = Parts(item);
        return [$"{prefix}REVOKE ALL{column} ON {target} FROM {item.Name.Name}", .. Grants(prefix, target, column, item.Name.Name, baseline)];
    }

    private static IEnumerable<string> Grants(string prefix, string target, string column, string grantee, IReadOnlyList<string> privileges)
    {
        var plain = privileges.Where(p => !p.EndsWith('*')).Select(p => p + column).ToList();
        var withOption = privileges.Where(p => p.EndsWith('*')).Select(p => p[..^1] + column).ToList();
        if (plain.Count > 0)
        {
            yield return $"{prefix}GRANT {string.Join(", ", plain)} ON {target} TO {grantee}";
        }

        if (withOption.Count > 0)
        {
            yield return $"{prefix}GRANT {string.Join(", ", withOption)} ON {target} TO {grantee} WITH GRANT OPTION";
        }
    }

    /// <summary>The statement prefix (default privileges), the target after ON, and a column list for column privileges.</summary>
    private static (string Prefix, string Target, string Column) Parts(SchemaObject item)
    {
        var arguments = item.Arguments ?? "TABLE";
        if (item.Kind is ObjectKind.DefaultPrivileges)
        {
            var on = arguments.LastIndexOf(" ON ", StringComparison.Ordinal);
            var schema = item.Name.Schema is { } s ? " IN SCHEMA " + SchemaNames.Quote(s) : "";
            return ($"ALTER DEFAULT PRIVILEGES {arguments[..on]}{schema} ", arguments[(on + 4)..], "");
        }

        var space = arguments.IndexOf(' ', StringComparison.Ordinal);
        var (kind, rest) = space < 0 ? (arguments, "") : (arguments[..space], arguments[(space + 1)..]);
        var name = item.Table ?? throw new ArgumentException($"grant {item} names no object", nameof(item));
        return kind switch
        {
            "COLUMN" => ("", "TABLE " + SchemaNames.Quote(name), " (" + rest + ")"),
            "SCHEMA" => ("", "SCHEMA " + SchemaNames.Quote(name.Name), ""),
            "FUNCTION" or "PROCEDURE" => ("", $"{kind} {SchemaNames.Quote(name)}({rest})", ""),
            _ => ("", kind + " " + SchemaNames.Quote(name), ""),
        };
    }
}
