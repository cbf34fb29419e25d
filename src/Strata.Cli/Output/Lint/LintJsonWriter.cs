using System.Text;
using System.Text.Json;
using Strata.Cli.Output.Json;
using Strata.Lint;

namespace Strata.Cli.Output.Lint;

/// <summary>
/// <c>strata lint --json</c>: the findings and counts as one JSON object (written with Utf8JsonWriter: no reflection).
/// With <c>--measure</c> a <c>measured</c> array describes each pending migration (see <see cref="MeasuredJson"/>) and,
/// with <c>--against</c>, findings about a table carry its size.
/// </summary>
internal static class LintJsonWriter
{
    public static string Write(LintResult result)
    {
        var report = result.Report;
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, CliJson.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("command", "lint");
            json.WriteNumber("files", report.Files);
            json.WriteNumber("errors", report.Errors);
            json.WriteNumber("warnings", report.Warnings);
            json.WriteNumber("notes", report.Notes);
            json.WriteNumber("suppressed", report.Suppressed);
            if (result.Against is { } against)
            {
                json.WriteString("against", against);
            }

            json.WriteStartArray("findings");
            foreach (var finding in report.Findings)
            {
                WriteFinding(json, finding, result.WeightOf(finding));
            }

            json.WriteEndArray();
            if (result.IsMeasured)
            {
                MeasuredJson.Write(json, result.Measured);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteFinding(Utf8JsonWriter json, LintFinding f, TableWeight? weight)
    {
        json.WriteStartObject();
        json.WriteString("file", f.File);
        json.WriteNumber("line", f.Line);
        json.WriteNumber("column", f.Column);
        json.WriteString("rule", f.Rule.Id);
        json.WriteString("severity", f.Severity.ToString().ToLowerInvariant());
        json.WriteString("message", f.Message);
        json.WriteString("statement", f.Statement);
        json.WriteString("why", f.Rule.Why);
        json.WriteString("instead", f.Rule.Instead);
        if (weight is not null)
        {
            MeasuredJson.WriteTable(json, weight);
        }

        json.WriteEndObject();
    }
}
