namespace Strata.Codegen;

/// <summary>
/// What to generate for C# (strata.json <c>codegen.csharp</c>). Set <see cref="CodegenOptions.CSharp"/> to generate C#;
/// leave it null for none.
/// </summary>
public sealed record CSharpOptions
{
    /// <summary>The folder the <c>*.g.cs</c> files go to, relative to the project root (strata.json's folder). Default <c>Generated</c>.</summary>
    public string Output { get; init; } = "Generated";

    /// <summary>The namespace of every generated type. Default <c>Data</c>.</summary>
    public string Namespace { get; init; } = "Data";

    /// <summary>Property names: PascalCase (default) or the column names as they are.</summary>
    public NamingStyle Naming { get; init; } = NamingStyle.Idiomatic;

    /// <summary>One file per schema (default) or per table.</summary>
    public FileLayout Files { get; init; } = FileLayout.PerSchema;

    /// <summary>The type of <c>timestamp with time zone</c> columns: <c>DateTime</c> (UTC; default) or <c>DateTimeOffset</c>.</summary>
    public TimestampTzType TimestampTz { get; init; } = TimestampTzType.DateTime;

    /// <summary>
    /// True to also generate <c>DapperTypes.g.cs</c>: Dapper type handlers for what Dapper cannot map by itself (JSON
    /// columns, PostgreSQL enums as parameters) and a <c>Register()</c> to call once at start-up. The project then needs
    /// the Dapper package. Default false.
    /// </summary>
    public bool Dapper { get; init; }
}
