using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Strata.Operations;

/// <summary>
/// A fleet run's ledger: <c>&lt;folder&gt;/&lt;run id&gt;.jsonl</c>, one JSON object per line and per event
/// (<c>run</c>, then per target <c>started</c> and <c>succeeded</c>, <c>failed</c> or <c>skipped</c>), appended and
/// flushed as they happen, so a run killed half-way leaves an exact record. <see cref="Succeeded"/> reads back which
/// targets a run finished, for <c>--resume</c>, which appends to the same ledger.
/// </summary>
public sealed class FleetLedger : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly Lock _gate = new();

    private FleetLedger(string path, StreamWriter writer)
    {
        Path = path;
        _writer = writer;
    }

    /// <summary>The ledger file, absolute.</summary>
    public string Path { get; }

    /// <summary>A new run id: the UTC time and four random hex digits, e.g. <c>20261206T031500Z-3fa2</c>.</summary>
    public static string NewRunId() =>
        DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2));

    /// <summary>The ledger of <paramref name="runId"/> in <paramref name="folder"/>.</summary>
    public static string PathOf(string folder, string runId) => System.IO.Path.Combine(System.IO.Path.GetFullPath(folder), runId + ".jsonl");

    /// <summary>Opens (creating or appending to) the ledger of <paramref name="runId"/>.</summary>
    public static FleetLedger Open(string folder, string runId)
    {
        Directory.CreateDirectory(folder);
        var path = PathOf(folder, runId);
        return new FleetLedger(path, new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false)));
    }

    /// <summary>
    /// The targets the ledger at <paramref name="path"/> records as succeeded. Throws <see cref="Errors.StrataException"/>
    /// (bad input) naming the file when it does not exist; a torn last line (the run was killed mid-write) is ignored.
    /// </summary>
    public static IReadOnlySet<string> Succeeded(string path)
    {
        if (!File.Exists(path))
        {
            throw new Errors.StrataException(Errors.ErrorCategory.BadInput, $"no run ledger {path}", "name a run id a fleet run printed (the ledgers are in .strata/runs/)");
        }

        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                if (root.TryGetProperty("event", out var e) && e.GetString() == "succeeded" && root.TryGetProperty("target", out var t))
                {
                    done.Add(t.GetString()!);
                }
            }
            catch (JsonException)
            {
                // A line cut off by a kill: the target it was about is simply not done.
            }
        }

        return done;
    }

    /// <summary>The command (<c>migrate</c>, <c>status</c>, <c>rollback</c>, <c>lint</c>) the ledger's first <c>run</c> event names; null when it names none.</summary>
    internal static string? CommandOf(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                if (root.TryGetProperty("event", out var e) && e.GetString() == "run")
                {
                    return root.TryGetProperty("command", out var c) ? c.GetString() : null;
                }
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Appends one event; <paramref name="fields"/> are written as strings or numbers after <c>at</c>, <c>event</c> and <c>target</c>.</summary>
    public void Write(string eventName, string? target, params (string Name, object? Value)[] fields)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("at", DateTimeOffset.UtcNow);
            json.WriteString("event", eventName);
            if (target is not null)
            {
                json.WriteString("target", target);
            }

            foreach (var (name, value) in fields)
            {
                switch (value)
                {
                    case null:
                        break;
                    case long or int:
                        json.WriteNumber(name, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                        break;
                    default:
                        json.WriteString(name, Convert.ToString(value, CultureInfo.InvariantCulture));
                        break;
                }
            }

            json.WriteEndObject();
        }

        var line = Encoding.UTF8.GetString(buffer.ToArray());
        lock (_gate)
        {
            _writer.WriteLine(line);
            _writer.Flush();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();
}
