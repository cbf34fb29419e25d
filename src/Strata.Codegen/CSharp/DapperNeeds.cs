using Strata.Codegen.Model;

namespace Strata.Codegen;

/// <summary>
/// Which Dapper type handlers the generated columns need, each type as it is written in the file: passed through
/// as they are, sent with a named PostgreSQL type, converted from what SQLite returns, MAC addresses, JSON.
/// </summary>
internal sealed class DapperNeeds
{
    /// <summary>Types Dapper maps itself (besides C# keywords and arrays, which it hands to the driver).</summary>
    private static readonly HashSet<string> Native = new(StringComparer.Ordinal) { "Guid", "DateTime", "DateTimeOffset", "TimeSpan" };

    /// <summary>The C# types of the built-in ranges' subtypes (int4range … daterange).</summary>
    private static readonly string[] BuiltinRangeSubtypes = ["int", "long", "decimal", "DateTime", "DateOnly"];

    private DapperNeeds()
    {
    }

    /// <summary>Types handed to the driver and taken back as they are (enums, composites, network, range, geometric types …).</summary>
    public SortedSet<string> PassThrough { get; } = new(StringComparer.Ordinal);

    /// <summary>PostgreSQL: types Npgsql cannot infer from the value, with the NpgsqlDbType member to send them as.</summary>
    public SortedDictionary<string, string> Typed { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// PostgreSQL: <c>NpgsqlRange&lt;T&gt;</c> (or an array of them) of a range type defined in the database, with its
    /// name: Npgsql cannot tell from the value which type to send. Only when one range type has that C# type and no
    /// built-in range has it (else the column's parameter must name its type itself).
    /// </summary>
    public SortedDictionary<string, string> Named { get; } = new(StringComparer.Ordinal);

    /// <summary>DateOnly, TimeOnly (and Guid on SQLite): the short type name and the type as written.</summary>
    public SortedDictionary<string, string> Converted { get; } = new(StringComparer.Ordinal);

    /// <summary>PostgreSQL: PhysicalAddress as written, when a column uses it.</summary>
    public string? MacAddress { get; private set; }

    /// <summary>JsonElement as written, when a column uses it.</summary>
    public string? JsonElement { get; private set; }

    /// <summary>Classes of typed JSON columns.</summary>
    public SortedSet<string> TypedJson { get; } = new(StringComparer.Ordinal);

    public static DapperNeeds Of(CSharpContext ctx, ISet<string> usings)
    {
        var needs = new DapperNeeds();
        var postgres = ctx.Model.Dialect == Dialect.PostgreSql;
        var generated = ctx.Model.Types.Where(t => t.Kind is UserTypeKind.Enum or UserTypeKind.Composite).Select(t => ctx.Names[t.Name]).ToHashSet(StringComparer.Ordinal);
        var offsets = new HashSet<bool>();
        foreach (var relation in ctx.Model.Relations)
        {
            foreach (var column in relation.Columns)
            {
                var type = ctx.Types.CSharp(relation.Name, column);
                if (postgres && (type.Element ?? type) is { Name: "NpgsqlRange", Verbatim: false } && UserRange(ctx, column) is { } range)
                {
                    needs.AddRange(type.Render(usings, ctx.Taken), range);
                    continue;
                }

                if (type.Element is not null)
                {
                    continue;
                }

                var text = type.Render(usings, ctx.Taken);
                if (postgres && type is { Namespace: "System", Name: "DateTimeOffset" })
                {
                    offsets.Add(PostgresTypes.Canonical(PgTypeName.Parse(column.DbType).Name) == "time with time zone");
                }

                needs.Add(type, text, ctx.Types.IsTypedJson(relation.Name, column), postgres, generated);
            }
        }

        foreach (var ambiguous in needs.Named.Where(n => n.Value.Length == 0).Select(n => n.Key).ToList())
        {
            needs.Named.Remove(ambiguous);
            needs.PassThrough.Add(ambiguous); // read as Npgsql reads it; a parameter must name its type itself
        }

        if (offsets.SetEquals([true]))
        {
            // Only timetz columns are DateTimeOffset: send it as timetz (Npgsql takes Dapper's DbType.DateTimeOffset for timestamptz).
            needs.Typed[CsType.Framework("System", "DateTimeOffset").Render(usings, ctx.Taken)] = "TimeTz";
        }

        return needs;
    }

    /// <summary>The range or multirange type defined in the database that the column holds (not an array of them), or null.</summary>
    private static Model.UserTypeModel? UserRange(CSharpContext ctx, Model.ColumnModel column)
    {
        var type = PgTypeName.Parse(column.DbType);
        return !type.IsArray && ctx.Model.FindType(type.Qualified) is { Kind: UserTypeKind.Range } range ? range : null;
    }

    /// <summary>Names <paramref name="text"/>'s type <paramref name="range"/>, or marks it ambiguous (empty) when another range or a built-in one has it too.</summary>
    private void AddRange(string text, Model.UserTypeModel range)
    {
        var builtin = BuiltinRangeSubtypes.Any(t => text.EndsWith($"NpgsqlRange<{t}>", StringComparison.Ordinal) || text.EndsWith($"NpgsqlRange<{t}>[]", StringComparison.Ordinal));
        var name = range.Name.ToString();
        Named[text] = builtin || (Named.TryGetValue(text, out var other) && other != name) ? "" : name;
    }

    private void Add(CsType type, string text, bool typedJson, bool postgres, HashSet<string> generated)
    {
        var named = postgres ? type switch
        {
            { Namespace: null, Name: "uint" } => "Oid",
            { Namespace: null, Name: "ulong" } => "Xid8",
            { Namespace: "NpgsqlTypes", Name: "NpgsqlLogSequenceNumber" } => "PgLsn",
            _ => null,
        } : null;
        if (typedJson)
        {
            TypedJson.Add(text);
        }
        else if (named is not null)
        {
            Typed[text] = named;
        }
        else if (type is { Namespace: "System", Name: "DateOnly" or "TimeOnly" } || (!postgres && type is { Namespace: "System", Name: "Guid" }))
        {
            Converted[type.Name] = text;
        }
        else if (postgres && type is { Namespace: "System.Net.NetworkInformation", Name: "PhysicalAddress" })
        {
            MacAddress = text;
        }
        else if (type is { Namespace: "System.Text.Json", Name: "JsonElement" })
        {
            JsonElement = text;
        }
        else if ((type.Namespace is not null && !Native.Contains(type.Name)) || (type.Namespace is null && !type.Verbatim && generated.Contains(type.Name)))
        {
            PassThrough.Add(text);
        }
    }
}
