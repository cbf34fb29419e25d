using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Strata.Cli.Output.Json;

/// <summary>
/// How every JSON document the CLI prints is written (<c>--json</c>, lint's JSON and SARIF): indented, with relaxed
/// escaping, so SQL keeps its quotes (<c>'it''s'</c>, not <c>\u0027it\u0027\u0027s\u0027</c>) and names keep their
/// accents, while control characters, backslashes and double quotes are still escaped: the output stays valid JSON.
/// Not for HTML: nothing here is embedded in a web page.
/// </summary>
internal static class CliJson
{
    public static JsonWriterOptions WriterOptions => new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Serialises <paramref name="value"/> with the source-generated <paramref name="type"/> and <see cref="WriterOptions"/>.</summary>
    public static string Serialize<T>(T value, JsonTypeInfo<T> type)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            JsonSerializer.Serialize(writer, value, type);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
