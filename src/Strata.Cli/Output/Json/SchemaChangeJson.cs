namespace Strata.Cli.Output.Json;

/// <summary>One change of a schema diff in <c>--json</c> output.</summary>
/// <param name="Summary">e.g. <c>add column public.users.email</c>.</param>
/// <param name="Statements">The SQL statements of the change, in order.</param>
/// <param name="Destructive">Why the change can lose data, or null when it cannot.</param>
/// <param name="OutsideTransaction">True when the change must run outside a transaction (SQLite table rebuild).</param>
internal sealed record SchemaChangeJson(string Summary, IReadOnlyList<string> Statements, string? Destructive, bool OutsideTransaction);
