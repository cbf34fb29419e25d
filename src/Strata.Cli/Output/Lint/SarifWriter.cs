using System.Text;
using System.Text.Json;
using Strata.Cli.Output.Json;
using Strata.Lint;

namespace Strata.Cli.Output.Lint;

/// <summary>
/// <c>strata lint --format sarif</c>: SARIF 2.1.0 for code-scanning annotations (GitHub, Azure DevOps). Every rule is
/// listed in the driver with its why and alternative; the driver carries Strata's version and an information URI;
/// results point at the file (a relative URI under <c>%SRCROOT%</c>, see <see cref="SarifLocations"/>) and the
/// statement's line and column, with the whole statement as the snippet. Measured findings (<c>--measure</c>) are results like the
/// others, under their own rule ids; with <c>--against</c> a result about a table carries its name, rows and bytes
/// in its property bag.
/// </summary>
internal static class SarifWriter
{
    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>Where users find Strata: the package page of the CLI.</summary>
    public const string InformationUri = "https://www.nuget.org/packages/Strata.Cli";

    public static string Write(LintResult result, string version, SarifLocations locations)
    {
        var report = result.Report;
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, CliJson.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("$schema", Schema);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, version);
            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject(SarifLocations.BaseId);
            json.WriteString("uri", locations.RootUri);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            foreach (var finding in report.Findings)
            {
                WriteResult(json, finding, locations.Of(finding.File), result.WeightOf(finding));
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteTool(Utf8JsonWriter json, string version)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "strata");
        json.WriteString("version", version);
        json.WriteString("semanticVersion", version);
        json.WriteString("informationUri", InformationUri);
        json.WriteStartArray("rules");
        foreach (var rule in LintRules.All)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Why);
            json.WriteEndObject();
            json.WriteStartObject("help");
            json.WriteString("text", "Instead: " + rule.Instead);
            json.WriteEndObject();
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(rule.DefaultSeverity));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, LintFinding finding, (string Uri, bool Relative) uri, TableWeight? weight)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.Rule.Id);
        json.WriteNumber("ruleIndex", LintRules.All.ToList().IndexOf(finding.Rule));
        json.WriteString("level", Level(finding.Severity));
        json.WriteStartObject("message");
        var size = weight is null ? "" : $" ({weight})";
        json.WriteString("text", $"{finding.Message}{size}. {finding.Rule.Why}. Instead: {finding.Rule.Instead}");
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        WritePhysicalLocation(json, finding, uri);
        json.WriteEndObject();
        json.WriteEndArray();
        if (weight is not null)
        {
            json.WriteStartObject("properties");
            json.WriteString("table", weight.Table.ToString());
            json.WriteString("tableSize", weight.ToString());
            if (weight.Size is { } measured)
            {
                json.WriteNumber("rows", measured.Rows);
                json.WriteNumber("bytes", measured.Bytes);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WritePhysicalLocation(Utf8JsonWriter json, LintFinding finding, (string Uri, bool Relative) uri)
    {
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", uri.Uri);
        if (uri.Relative)
        {
            json.WriteString("uriBaseId", SarifLocations.BaseId);
        }

        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", Math.Max(1, finding.Line));
        if (finding.Column > 0)
        {
            json.WriteNumber("startColumn", finding.Column);
        }

        if (finding.Statement.Length > 0)
        {
            json.WriteStartObject("snippet");
            json.WriteString("text", finding.Statement);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string Level(LintSeverity severity) => severity switch
    {
        LintSeverity.Error => "error",
        LintSeverity.Warning => "warning",
        LintSeverity.Note => "note",
        _ => "none",
    };
}
