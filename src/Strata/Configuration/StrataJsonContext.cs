using System.Text.Json.Serialization;

namespace Strata.Configuration;

/// <summary>Source-generated (reflection-free, trim-safe) serializer for <c>strata.json</c>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(StrataJsonDocument))]
internal sealed partial class StrataJsonContext : JsonSerializerContext;
