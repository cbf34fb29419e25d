using System.Text.Json;
using Strata.Configuration;
using Strata.Errors;
using Strata.Operations;

namespace Strata.Tests.Operations;

/// <summary>Backup file names (database, time, head version) and the backup settings of strata.json.</summary>
public sealed class BackupNamingTests
{
    [Fact]
    public void A_backup_name_carries_database_time_and_head_and_reads_back()
    {
        var at = new DateTimeOffset(2026, 12, 6, 3, 15, 0, 123, TimeSpan.Zero);

        var name = BackupFileName.For("shop db/eu", at, 20240101000001, ".dump");
        var empty = BackupFileName.For("app", at, null, ".sqlite") with { Sequence = 2 };

        name.FileName.ShouldBe("shop_db_eu-20261206T031500Z-v20240101000001.dump");
        empty.FileName.ShouldBe("app-20261206T031500Z-empty.2.sqlite");
        BackupFileName.TryParse(name.FileName, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(name);
        BackupFileName.TryParse(empty.FileName, out var parsedEmpty).ShouldBeTrue();
        parsedEmpty.ShouldBe(empty);
        BackupFileName.TryParse("shop-20261206T031500Z-v1.dump.partial", out _).ShouldBeFalse();
        BackupFileName.TryParse("notes.txt", out _).ShouldBeFalse();
    }

    [Fact]
    public void Backup_settings_come_from_strata_json_relative_to_it_and_STRATA_PG_BIN_wins()
    {
        var settings = Settings("""{ "folder": "saved", "keep": 3, "postgresBin": "pg/bin" }""");

        var read = BackupSettings.From(settings, new Dictionary<string, string>(), "/work");
        var overridden = BackupSettings.From(settings, new Dictionary<string, string> { ["STRATA_PG_BIN"] = "/opt/pg17/bin" }, "/work");
        var defaults = BackupSettings.From(Settings(null), new Dictionary<string, string>(), "/work");

        read.ShouldBe(new BackupSettings { Folder = "/app/saved", Keep = 3, PostgresBin = "/app/pg/bin" });
        overridden.PostgresBin.ShouldBe("/opt/pg17/bin");
        defaults.ShouldBe(new BackupSettings { Folder = "/app/backups", Keep = 10, PostgresBin = null });
    }

    [Theory]
    [InlineData("""{ "keep": -1 }""", "backup.keep must be a whole number")]
    [InlineData("""{ "folder": 3 }""", "backup.folder must be a folder path")]
    [InlineData("""{ "retention": 3 }""", "backup.retention is not a setting")]
    [InlineData("""[]""", "backup must be an object")]
    public void A_wrong_backup_setting_is_bad_input_naming_the_key(string section, string message)
    {
        var error = Should.Throw<ConfigurationException>(() => BackupSettings.From(Settings(section), new Dictionary<string, string>(), "/work"));

        error.Message.ShouldContain("/app/strata.json: " + message);
        error.Category.ShouldBe(ErrorCategory.BadInput);
    }

    private static StrataSettings Settings(string? backup) => new()
    {
        MigrationsPath = "/app/migrations",
        ConfigFile = "/app/strata.json",
        Backup = backup is null ? null : JsonDocument.Parse(backup).RootElement.Clone(),
    };
}
