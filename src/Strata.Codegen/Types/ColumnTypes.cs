using Strata.Codegen.Model;
using Strata.Schema;

namespace Strata.Codegen;

/// <summary>
/// Decides each column's generated type in both languages: a column override, else a type override (of the element
/// type for arrays), else enums, composites, domains (their base type) and ranges of the model, else the built-in
/// mapping; a type nobody maps becomes <c>string</c> with a warning. Nullability: the column override, else the
/// catalog, with a NOT NULL domain making a table column non-null.
/// </summary>
internal sealed class ColumnTypes
{
    private readonly CodegenModel _model;
    private readonly CodegenOptions _options;
    private readonly TypeNames _names;
    private readonly Overrides _overrides;
    private readonly SortedSet<string> _warnings = new(StringComparer.Ordinal);

    public ColumnTypes(CodegenModel model, CodegenOptions options, TypeNames names, Overrides overrides)
    {
        _model = model;
        _options = options;
        _names = names;
        _overrides = overrides;
    }

    /// <summary>Types no mapping knows, one sentence each, sorted.</summary>
    public IReadOnlyCollection<string> Warnings => _warnings;

    /// <summary>True when the column may hold NULL in generated code.</summary>
    public bool Nullable(QualifiedName owner, ColumnModel column)
    {
        if (_overrides.Column(owner, column.Name)?.Nullable is { } given)
        {
            return given;
        }

        var domain = _model.Dialect == Dialect.PostgreSql ? _model.FindType(PgTypeName.Parse(column.DbType).Qualified) : null;
        return column.Nullable && !(domain is { Kind: UserTypeKind.Domain, NotNull: true } && !PgTypeName.Parse(column.DbType).IsArray);
    }

    /// <summary>The C# type of the column, without the nullable marker.</summary>
    public CsType CSharp(QualifiedName owner, ColumnModel column)
    {
        if (_overrides.Column(owner, column.Name)?.CSharp is { } given)
        {
            return new CsType(null, given) { Verbatim = true };
        }

        if (_model.Dialect == Dialect.Sqlite)
        {
            return _overrides.Type(SqliteKey(column.DbType))?.CSharp is { } typed ? new CsType(null, typed) { Verbatim = true } : SqliteTypes.Map(column.DbType).CSharp;
        }

        var type = PgTypeName.Parse(column.DbType);
        var element = CSharpElement(type with { IsArray = false }, $"{owner}.{column.Name}");
        return type.IsArray ? CsType.ArrayOf(element) : element;
    }

    /// <summary>The TypeScript select type of the column, without <c>| null</c>.</summary>
    public TsType TypeScript(QualifiedName owner, ColumnModel column)
    {
        if (_overrides.Column(owner, column.Name)?.TypeScript is { } given)
        {
            return TsType.Plain(given);
        }

        if (_model.Dialect == Dialect.Sqlite)
        {
            return _overrides.Type(SqliteKey(column.DbType))?.TypeScript is { } typed ? TsType.Plain(typed) : SqliteTypes.Map(column.DbType).TypeScript;
        }

        var type = PgTypeName.Parse(column.DbType);
        var element = TypeScriptElement(type with { IsArray = false }, out var custom);
        return !type.IsArray ? element : custom ? TsType.Plain("string") : element.ArrayOf();
    }

    /// <summary>True when the column holds <c>json</c>/<c>jsonb</c> (directly, in an array or through a domain) and its C# type is a class of the user's.</summary>
    public bool IsTypedJson(QualifiedName owner, ColumnModel column) =>
        _model.Dialect == Dialect.PostgreSql && BaseName(PgTypeName.Parse(column.DbType)) is "json" or "jsonb"
        && CSharp(owner, column) is var type && (type.Element ?? type) is { Verbatim: true };

    private CsType CSharpElement(PgTypeName type, string where)
    {
        if (TypeOverride(type)?.CSharp is { } given)
        {
            return new CsType(null, given) { Verbatim = true };
        }

        if (_model.FindType(type.Qualified) is { } user)
        {
            return user.Kind switch
            {
                UserTypeKind.Enum or UserTypeKind.Composite => new CsType(null, _names[user.Name]),
                UserTypeKind.Range => PostgresTypes.Range(CSharpElement(PgTypeName.Parse(user.BaseType!), where), user.Multirange),
                _ => CSharpDomain(user, where),
            };
        }

        if (PostgresTypes.CSharp(type, _options.CSharp ?? new CSharpOptions()) is { } builtin)
        {
            return builtin;
        }

        _warnings.Add($"type {type.Qualified} ({where}) has no mapping: generated as string, which Npgsql reads only when the query casts it (::text); "
            + $"map it with \"codegen\": {{ \"types\": {{ \"{type.Qualified}\": {{ \"csharp\": \"…\", \"typescript\": \"…\" }} }} }}");
        return CsType.Keyword("string");
    }

    private CsType CSharpDomain(UserTypeModel domain, string where)
    {
        var baseType = PgTypeName.Parse(domain.BaseType!);
        var element = CSharpElement(baseType with { IsArray = false }, where);
        return baseType.IsArray ? CsType.ArrayOf(element) : element;
    }

    /// <summary>The TypeScript type of a non-array type; <paramref name="custom"/> is true for a type node-postgres does not parse inside arrays.</summary>
    private TsType TypeScriptElement(PgTypeName type, out bool custom)
    {
        custom = false;
        if (TypeOverride(type)?.TypeScript is { } given)
        {
            return TsType.Plain(given);
        }

        if (_model.FindType(type.Qualified) is { } user)
        {
            custom = true;
            return user.Kind switch
            {
                UserTypeKind.Enum or UserTypeKind.Domain => TsType.Plain(_names[user.Name]),
                _ => TsType.Plain("string"),
            };
        }

        custom = !PostgresTypes.IsKnown(PostgresTypes.Canonical(type.Name));
        return PostgresTypes.TypeScript(type, _options.TypeScript ?? new TypeScriptOptions()) ?? TsType.Plain("string");
    }

    /// <summary>The TypeScript type a domain aliases.</summary>
    public TsType DomainTypeScript(UserTypeModel domain)
    {
        var baseType = PgTypeName.Parse(domain.BaseType!);
        var element = TypeScriptElement(baseType with { IsArray = false }, out var custom);
        return !baseType.IsArray ? element : custom ? TsType.Plain("string") : element.ArrayOf();
    }

    private TypeOverride? TypeOverride(PgTypeName type) =>
        _model.FindType(type.Qualified) is { } user
            ? _overrides.Type(user.Name.ToString()) ?? (user.Name.Schema is "public" ? _overrides.Type(user.Name.Name) : null)
            : _overrides.Type(PostgresTypes.Canonical(type.Name));

    private string BaseName(PgTypeName type) =>
        _model.FindType(type.Qualified) is { Kind: UserTypeKind.Domain } domain ? BaseName(PgTypeName.Parse(domain.BaseType!)) : PostgresTypes.Canonical(type.Name);

    private static string SqliteKey(string declared)
    {
        var paren = declared.IndexOf('(', StringComparison.Ordinal);
        return (paren >= 0 ? declared[..paren] : declared).Trim().ToUpperInvariant();
    }
}
