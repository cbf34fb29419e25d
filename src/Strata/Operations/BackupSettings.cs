using System.Globalization;
using System.Text.Json;
using Strata.Configuration;
using Strata.Errors;

namespace Strata.Operations;

/// <summary>
/// Where backups go and how many are kept, from strata.json's <c>backup</c> section
/// (<c>{ "folder": "backups", "keep": 10, "postgresBin": "/usr/lib/postgresql/17/bin" }</c>) and the
/// <c>STRATA_PG_BIN</c> variable (which wins over <c>postgresBin</c>). The folder is relative to strata.json, or to the
/// working directory without one.
/// </summary>
public sealed record BackupSettings
{
    /// <summary>The variable naming the folder of pg_dump and pg_restore.</summary>
    public const string PostgresBinVariable = "STRATA_PG_BIN";

    /// <summary>The backup folder, absolute.</summary>
    public required string Folder { get; init; }

    /// <summary>How many backups of each database are kept; 0 keeps all.</summary>
    public int Keep { get; init; } = BackupFolder.DefaultKeep;

    /// <summary>The folder of pg_dump and pg_restore, absolute, or null to search PATH and the usual install folders.</summary>
    public string? PostgresBin { get; init; }

    /// <summary>
    /// Reads the settings; throws <see cref="ConfigurationException"/> (exit 2) naming strata.json and the key for an
    /// unknown key or a value of the wrong type.
    /// </summary>
    public static BackupSettings From(StrataSettings settings, IReadOnlyDictionary<string, string> variables, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(variables);
        var root = settings.ConfigFile is { } file ? Path.GetDirectoryName(file)! : workingDirectory;
        string? folder = null;
        string? bin = null;
        var keep = BackupFolder.DefaultKeep;
        if (settings.Backup is { } section)
        {
            if (section.ValueKind != JsonValueKind.Object)
            {
                throw Bad(settings, "backup", "must be an object such as { \"folder\": \"backups\", \"keep\": 10 }");
            }

            foreach (var property in section.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "folder" when property.Value.ValueKind == JsonValueKind.String && property.Value.GetString()!.Length > 0:
                        folder = property.Value.GetString();
                        break;
                    case "keep" when property.Value.TryGetInt32(out var count) && count >= 0:
                        keep = count;
                        break;
                    case "postgresBin" when property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Null:
                        bin = property.Value.GetString();
                        break;
                    case "folder" or "postgresBin":
                        throw Bad(settings, "backup." + property.Name, "must be a folder path (a string)");
                    case "keep":
                        throw Bad(settings, "backup.keep", "must be a whole number of backups to keep per database, 0 for all");
                    default:
                        throw Bad(settings, "backup." + property.Name, "is not a setting; the backup section takes folder, keep and postgresBin");
                }
            }
        }

        if (variables.TryGetValue(PostgresBinVariable, out var variable) && variable.Length > 0)
        {
            bin = Path.GetFullPath(variable, workingDirectory);
        }
        else if (bin is not null)
        {
            bin = Path.GetFullPath(bin, root);
        }

        return new BackupSettings
        {
            Folder = Path.GetFullPath(folder ?? BackupFolder.DefaultPath, root),
            Keep = keep,
            PostgresBin = bin,
        };
    }

    private static ConfigurationException Bad(StrataSettings settings, string key, string what) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{settings.ConfigFile ?? "strata.json"}: {key} {what}"), "see docs/operations.md for the backup settings");
}
