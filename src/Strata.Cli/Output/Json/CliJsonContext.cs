using System.Text.Json.Serialization;

namespace Strata.Cli.Output.Json;

/// <summary>Source-generated JSON for every CLI output (trim- and AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(StatusJson))]
[JsonSerializable(typeof(RunJson))]
[JsonSerializable(typeof(MessageJson))]
[JsonSerializable(typeof(ErrorJson))]
[JsonSerializable(typeof(SchemaJson))]
[JsonSerializable(typeof(CodegenJson))]
[JsonSerializable(typeof(BackupJson))]
[JsonSerializable(typeof(RestoreJson))]
[JsonSerializable(typeof(FleetJson))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
