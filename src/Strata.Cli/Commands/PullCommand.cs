using System.CommandLine;
using Spectre.Console;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output.Json;
using Strata.Errors;
using Strata.Schema;

namespace Strata.Cli.Commands;

/// <summary><c>strata pull</c>: writes the database's schema as deterministic, readable SQL (schema.sql).</summary>
internal static class PullCommand
{
    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var schemas = new Option<string[]>("--schema") { Description = "Only these schemas (repeatable; * matches any characters), like Drizzle's schemaFilter.", AllowMultipleArgumentsPerToken = true };
        var tables = new Option<string[]>("--table") { Description = "Only these tables, as name or schema.name (repeatable; * matches any characters), like Drizzle's tablesFilter.", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string?>("--output", "-o") { Description = "Write here instead of the configured schema file (\"schema\" in strata.json, default schema.sql); - for stdout." };
        var force = new Option<bool>("--force") { Description = "Overwrite the schema file when it differs from what the database holds (edits in it are lost); without it pull asks, or refuses when it cannot ask." };
        var command = new Command("pull", "Read the database's schema (tables, keys, indexes, views, functions, triggers, types, …) and write it as plain SQL to schema.sql: the starting point for `strata diff`, `generate` and `push`. The output is the same for the same database, run after run.")
        {
            schemas, tables, output, force,
        };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            await using var workspace = Workspaces.Open(ctx);
            var filter = new SchemaFilter { Schemas = parse.GetValue(schemas) ?? [], Tables = parse.GetValue(tables) ?? [] };
            Workspaces.RequireDatabaseFolder(ctx);
            var schema = await workspace.PullAsync(filter, ct);
            var notManaged = NotManaged.Json(schema.Unmanaged);
            NotManaged.Warn(ctx, schema.Unmanaged);
            var text = workspace.Render(schema, "Schema pulled from the database by `strata pull`. Edit it, then run `strata generate <name>` or `strata push`.");
            var target = parse.GetValue(output);
            if (target == "-")
            {
                if (!ctx.Terminal.WriteJsonIf(new SchemaJson("pull") { Script = text, Tables = schema.Tables.Count, Objects = schema.Objects.Count, NotManaged = notManaged }))
                {
                    ctx.Terminal.Data(text.TrimEnd('\n'));
                }

                return ExitCodes.Success;
            }

            var path = target is null ? ctx.Settings.SchemaPath : Path.GetFullPath(Path.Combine(ctx.Host.WorkingDirectory, target));
            if (Directory.Exists(path))
            {
                path = Path.Combine(path, "schema.sql");
            }

            ConfirmOverwrite(ctx, path, text, parse.GetValue(force));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, text, ct);
            var display = Output.RunRenderer.Relative(ctx, path);
            ctx.Terminal.WriteJsonIf(new SchemaJson("pull") { File = display, Tables = schema.Tables.Count, Objects = schema.Objects.Count, NotManaged = notManaged });
            ctx.Terminal.Line($"[green]{ctx.Terminal.Tick}[/] wrote {Markup.Escape(display)}: {Markup.Escape(Output.SchemaCounts.Describe(schema))}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// An existing schema file that differs from <paramref name="text"/> holds edits pull would lose: overwrite it only
    /// with --force (or --yes) or a typed yes; refuse (exit 2) when nobody can be asked (no terminal, --json).
    /// </summary>
    private static void ConfirmOverwrite(CommandContext ctx, string path, string text, bool force)
    {
        if (force || ctx.Yes || !File.Exists(path) || File.ReadAllText(path) == text)
        {
            return;
        }

        var display = Output.RunRenderer.Relative(ctx, path);
        if (!ctx.Host.InputIsInteractive || ctx.Terminal.Json)
        {
            throw new StrataException(
                ErrorCategory.BadInput,
                $"refused to overwrite {display}: it differs from the database's schema (edits in it would be lost)",
                "strata diff shows what differs; pass --force to overwrite it, or -o <file> (-o - for stdout) to write elsewhere");
        }

        ctx.Terminal.Err.Markup($"[yellow]{Markup.Escape(display)} differs from the database's schema; edits in it would be lost.[/] Overwrite it? Type yes: ");
        if (!string.Equals(ctx.Host.In.ReadLine()?.Trim(), "yes", StringComparison.OrdinalIgnoreCase))
        {
            throw new StrataException(ErrorCategory.BadInput, $"not confirmed; {display} is unchanged");
        }
    }
}
