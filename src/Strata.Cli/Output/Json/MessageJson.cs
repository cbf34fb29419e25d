namespace Strata.Cli.Output.Json;

/// <summary>The result of commands that report files or a message: init, new, validate, and history edits.</summary>
internal sealed record MessageJson(string Command, string Message, IReadOnlyList<string>? Files = null, IReadOnlyList<EditJson>? Changes = null);
