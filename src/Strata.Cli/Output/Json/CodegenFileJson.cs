namespace Strata.Cli.Output.Json;

/// <summary>One generated file that was out of date: its path (relative to strata.json's folder) and created, changed or deleted.</summary>
internal sealed record CodegenFileJson(string Path, string Change);
