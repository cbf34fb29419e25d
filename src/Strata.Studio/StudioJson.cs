using System.Text.Json.Serialization;

namespace Strata.Studio;

/// <summary>The request and response bodies of the studio's API, serialized without reflection (native AOT).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InfoJson))]
[JsonSerializable(typeof(TablesJson))]
[JsonSerializable(typeof(RowsRequest))]
[JsonSerializable(typeof(IReadOnlyList<string?>))]
[JsonSerializable(typeof(SqlRequest))]
[JsonSerializable(typeof(MigrationsJson))]
[JsonSerializable(typeof(SchemaJson))]
[JsonSerializable(typeof(EditRequest))]
[JsonSerializable(typeof(EditJson))]
[JsonSerializable(typeof(ErrorJson))]
internal sealed partial class StudioJson : JsonSerializerContext;

/// <summary>What the page shows in its header: where it is connected (never the password) and the mode.</summary>
internal sealed record InfoJson(string Database, string Kind, bool Write, bool Migrations);

/// <summary>One table or view with its estimated row count (null when the database has no estimate yet).</summary>
internal sealed record TableJson(string Schema, string Name, string Kind, long? Rows, bool RowsAtLeast);

/// <summary>The table list.</summary>
internal sealed record TablesJson(IReadOnlyList<TableJson> Tables);

/// <summary>
/// A page of a table: after the key values of the last row seen (keyset; with a sort, the sort value first), or at an
/// offset for a view without a key; optionally sorted by one column and filtered.
/// </summary>
internal sealed record RowsRequest(string? Schema, string Table, IReadOnlyList<string?>? After, long? Offset)
{
    /// <summary>The column to sort by (then by key); null: key order.</summary>
    public string? Sort { get; init; }

    /// <summary>Sort descending (NULLs stay last either way).</summary>
    public bool Desc { get; init; }

    /// <summary>Filters, all of which a row must pass.</summary>
    public IReadOnlyList<FilterJson>? Filters { get; init; }
}

/// <summary>
/// One filter: <c>contains</c> (text, case-insensitive), <c>eq</c>, <c>ne</c>, <c>lt</c>, <c>le</c>, <c>gt</c>, <c>ge</c>
/// (compared as the column's type), <c>null</c>, <c>notnull</c>.
/// </summary>
internal sealed record FilterJson(string Column, string Op, string? Value);

/// <summary>One console statement.</summary>
internal sealed record SqlRequest(string Sql);

/// <summary>An error the page shows (passwords already removed).</summary>
internal sealed record ErrorJson(string Error, string? Code = null);

/// <summary>The migrations view: every migration's status, the lint findings of those still to run, and the migration lock.</summary>
internal sealed record MigrationsJson(IReadOnlyList<MigrationJson> Migrations, IReadOnlyList<FindingJson> Findings, string Environment)
{
    public LockJson? Lock { get; init; }
}

/// <summary>One migration of the status report, with its file's SQL and both checksums (a difference is drift).</summary>
internal sealed record MigrationJson(long? Version, string Name, string Status, DateTimeOffset? AppliedAt, string? Detail)
{
    public string? Path { get; init; }

    /// <summary>The up script as it is on disk now (at most 20,000 characters).</summary>
    public string? Sql { get; init; }

    public string? Down { get; init; }

    public string? Checksum { get; init; }

    public string? AppliedChecksum { get; init; }

    public bool Transactional { get; init; } = true;
}

/// <summary>The migration lock: held or not, by whom (PostgreSQL), or why there is none (SQLite).</summary>
internal sealed record LockJson(bool Held, string Text)
{
    public int? Pid { get; init; }

    public string? Application { get; init; }

    public string? User { get; init; }

    public DateTimeOffset? Since { get; init; }
}

/// <summary>One lint finding.</summary>
internal sealed record FindingJson(string Rule, string Severity, string Location, string Message, string Statement);

/// <summary>
/// A row change from the page: <c>update</c> or <c>delete</c> the row with <see cref="Key"/>, or <c>insert</c>; with
/// <see cref="Apply"/> false only the statement is returned (the preview), nothing runs.
/// </summary>
internal sealed record EditRequest(string? Schema, string Table, string Action, IReadOnlyList<string?>? Key, Dictionary<string, string?>? Values, bool Apply);

/// <summary>The statement of a change and its parameters as they will be (or were) sent; rows changed once applied.</summary>
internal sealed record EditJson(string Sql, IReadOnlyList<string?> Parameters, long? Affected);
