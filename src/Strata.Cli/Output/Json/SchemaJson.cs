using Strata.Schema;

namespace Strata.Cli.Output.Json;

/// <summary>
/// What diff, generate, push, pull and dump print with <c>--json</c>: one object, with the members that command has
/// (null members are left out). <see cref="Script"/> is the SQL the command would otherwise print.
/// </summary>
/// <param name="Command">The command: diff, generate, push, pull or dump.</param>
internal sealed record SchemaJson(string Command)
{
    /// <summary>diff, generate, push: whether the two states differ.</summary>
    public bool? Differences { get; init; }

    /// <summary>diff, generate, push: the changes in order, each with its statements and why it is destructive.</summary>
    public IReadOnlyList<SchemaChangeJson>? Changes { get; init; }

    /// <summary>The SQL: diff's up script, push's (dry-run) script, dump's and pull's schema.</summary>
    public string? Script { get; init; }

    /// <summary>diff: the reverse script (desired state back to the current one).</summary>
    public string? Reverse { get; init; }

    /// <summary>generate, pull, dump: the file written, relative to the working directory.</summary>
    public string? File { get; init; }

    /// <summary>generate: every file written, in order (an up/down pair, a second migration of concurrent index builds).</summary>
    public IReadOnlyList<string>? Files { get; init; }

    /// <summary>push: true when the changes were applied (false for --dry-run or nothing to do).</summary>
    public bool? Applied { get; init; }

    /// <summary>pull, dump: the number of tables.</summary>
    public int? Tables { get; init; }

    /// <summary>pull, dump: the number of other objects (keys, indexes, views, functions, types, …).</summary>
    public int? Objects { get; init; }

    /// <summary>pull, diff, generate, push: objects found that Strata cannot model and strata.json does not accept ("kind name").</summary>
    public IReadOnlyList<string>? NotManaged { get; init; }

    /// <summary>The changes of <paramref name="diff"/> as JSON.</summary>
    public static IReadOnlyList<SchemaChangeJson> ChangesOf(SchemaDiff diff) =>
        [.. diff.Changes.Select(c => new SchemaChangeJson(c.Summary, c.Statements, c.Destructive, c.OutsideTransaction))];
}
