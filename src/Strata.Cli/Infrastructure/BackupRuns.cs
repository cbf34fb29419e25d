using Strata.Operations;

namespace Strata.Cli.Infrastructure;

/// <summary>
/// What <c>backup</c>, <c>restore</c> and <c>migrate --backup</c> share: the settings, the dialect's backup role for the
/// configured database, taking a backup named after its head version, and the restore command to print.
/// </summary>
internal static class BackupRuns
{
    public static BackupSettings Settings(CommandContext ctx) => BackupSettings.From(ctx.Settings, ctx.Host.Variables, ctx.Host.WorkingDirectory);

    public static IDatabaseBackup Create(CommandContext ctx, BackupSettings settings) => ctx.CreateBackup(settings);

    /// <summary>Backs the configured database up into the configured folder, named after its highest applied version.</summary>
    public static async Task<BackupResult> TakeAsync(CommandContext ctx, CancellationToken cancellationToken)
    {
        var settings = Settings(ctx);
        var backup = Create(ctx, settings);
        var status = await ctx.CreateMigrator(refuseMissing: true).GetStatusAsync(cancellationToken);
        var head = status.Entries.Where(e => e.Applied is not null && e.Version is not null).Select(e => e.Version).Max();
        return await new BackupFolder(settings.Folder, settings.Keep).CreateAsync(backup, head, cancellationToken: cancellationToken);
    }

    /// <summary>The command that puts <paramref name="file"/> back over the configured database, with the options that chose it.</summary>
    public static string RestoreCommand(CommandContext ctx, string file, bool replace)
    {
        var command = "strata restore " + Quote(Output.RunRenderer.Relative(ctx, file));
        if (ctx.ConfigOption is { } config)
        {
            command += " --config " + Quote(config);
        }

        if (ctx.DatabaseOption is not null)
        {
            command += " --database " + Quote(ctx.Database.DisplayName);
        }

        if (ctx.EnvironmentOption is { } environment)
        {
            command += " --env " + Quote(environment);
        }

        return command + (replace ? " --replace" : "");
    }

    private static string Quote(string text) =>
        text.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or ':') ? text : "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
