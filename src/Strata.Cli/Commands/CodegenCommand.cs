using System.CommandLine;
using Spectre.Console;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output.Json;
using Strata.Codegen;
using Strata.Schema;

namespace Strata.Cli.Commands;

/// <summary>
/// <c>strata codegen</c>: typed C# and TypeScript from the schema the migrations produce (or the database's), as
/// strata.json's <c>codegen</c> section says; <c>--check</c> is the CI gate for stale generated files (exit 3).
/// </summary>
internal static class CodegenCommand
{
    private const string Description =
        "Generate typed C# (row and insert records, enums, the PostgreSQL driver's and Dapper's mapping) and TypeScript (a Kysely DB interface) from the schema the migrations produce "
        + "(applied to a scratch database; the configured database is not changed), as the \"codegen\" section of strata.json says. Output is deterministic and carries "
        + "a schema hash; only files that differ are written. Start with \"codegen\": { \"csharp\": { \"output\": \"Data/Generated\", \"namespace\": \"MyApp.Data\" }, "
        + "\"typescript\": { \"output\": \"web/src/db.ts\" } } in strata.json, run `strata codegen` after each new migration and `strata codegen --check` in CI "
        + "(exit 3 when stale; 2 for a bad codegen section, 4 when a migration fails on the scratch database, 5 when the server is unreachable). "
        + "Every key (naming, include/exclude, type and column overrides, Dapper) and the type mapping: docs/codegen.md.";

    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var check = new Option<bool>("--check") { Description = "Write nothing: exit 3 when a generated file is missing, differs or is no longer generated (a CI gate), 0 when all are current." };
        var from = new Option<string>("--from") { Description = "Where the schema comes from: migrations (default: every migration applied to a scratch database; no access to a real database needed) or database (the configured database as it is).", DefaultValueFactory = _ => "migrations" };
        from.AcceptOnlyFromAmong("migrations", "database");
        var command = new Command("codegen", Description)
        {
            check, from,
        };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            var options = CodegenSettings.Read(ctx.Settings.Codegen, ctx.Database.Dialect, ctx.Settings.ConfigFile is { } file ? Output.RunRenderer.Relative(ctx, file) : null);
            await using var workspace = Workspaces.Open(ctx);
            DatabaseSchema schema;
            if (parse.GetValue(from) == "database")
            {
                Workspaces.RequireDatabaseFolder(ctx);
                schema = await workspace.ReadDatabaseAsync(SchemaFilter.All, ct);
            }
            else
            {
                schema = await workspace.ReadMigrationsAsync(Workspaces.Migrations(ctx), ct);
            }

            var output = CodeGenerator.Generate(schema, options);
            var root = ctx.Settings.ConfigFile is { } config ? Path.GetDirectoryName(config)! : ctx.Host.WorkingDirectory;
            var checking = parse.GetValue(check);
            var changes = checking ? CodegenFiles.Compare(output, root) : await CodegenFiles.WriteAsync(output, root, ct);
            Render(ctx, output, changes, checking, root);
            return checking && changes.Count > 0 ? ExitCodes.CheckFailed : ExitCodes.Success;
        });
        return command;
    }

    private static void Render(CommandContext ctx, CodegenOutput output, IReadOnlyList<FileChange> changes, bool checking, string root)
    {
        var terminal = ctx.Terminal;
        if (terminal.Json)
        {
            var files = changes.Select(c => new CodegenFileJson(Show(ctx, root, c.Path), c.Kind.ToString().ToLowerInvariant())).ToList();
            terminal.WriteJson(new CodegenJson("codegen", checking, !checking || changes.Count == 0, output.SchemaHash, files, output.Warnings), CliJsonContext.Default.CodegenJson);
            return;
        }

        foreach (var warning in output.Warnings)
        {
            terminal.Warning(warning);
        }

        foreach (var change in changes)
        {
            var what = (checking, change.Kind) switch
            {
                (true, FileChangeKind.Created) => "missing",
                (true, FileChangeKind.Changed) => "stale",
                (true, _) => "no longer generated",
                (false, FileChangeKind.Created) => "created",
                (false, FileChangeKind.Changed) => "updated",
                _ => "deleted",
            };
            terminal.Line($"{(checking ? "[red]" + terminal.Cross : "[green]" + terminal.Tick)}[/] {Markup.Escape(Show(ctx, root, change.Path))} ({what})");
        }

        var count = $"{output.Files.Count} file(s), schema {output.SchemaHash}";
        if (checking && changes.Count > 0)
        {
            terminal.Note($"[red]generated code is out of date[/]: {changes.Count} of {count}. Run `strata codegen` and commit the result.");
        }
        else if (!checking && changes.Count > 0)
        {
            var deleted = changes.Count(c => c.Kind == FileChangeKind.Deleted);
            var written = changes.Count - deleted;
            var gone = deleted == 0 ? "" : $" and deleted {deleted} no longer generated";
            terminal.Note($"[green]{terminal.Tick}[/] wrote {written} of {output.Files.Count} file(s){gone}, schema {output.SchemaHash}");
        }
        else
        {
            terminal.Note($"[green]{terminal.Tick}[/] generated code is current: {Markup.Escape(count)}");
        }
    }

    private static string Show(CommandContext ctx, string root, string path) => Output.RunRenderer.Relative(ctx, Path.Combine(root, path));
}
