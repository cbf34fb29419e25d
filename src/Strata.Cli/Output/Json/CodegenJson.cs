namespace Strata.Cli.Output.Json;

/// <summary>What <c>strata codegen</c> prints with <c>--json</c>.</summary>
/// <param name="Command">Always <c>codegen</c>.</param>
/// <param name="Check">True for <c>--check</c> (nothing written).</param>
/// <param name="Current">True when every generated file was (or now is) current.</param>
/// <param name="SchemaHash">The hash of the schema the files were generated from.</param>
/// <param name="Files">The files that differed: with --check the stale ones, else those written or deleted.</param>
/// <param name="Warnings">Types no mapping knows, and the like.</param>
internal sealed record CodegenJson(string Command, bool Check, bool Current, string SchemaHash, IReadOnlyList<CodegenFileJson> Files, IReadOnlyList<string> Warnings);
