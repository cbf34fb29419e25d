using System.CommandLine;
using Spectre.Console;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output.Json;
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
        var command = new Command("pull", "Read the database's schema (tables, keys, indexes, views, functions, triggers, types, …) and write it as plain SQL to schema.sql: the starting point for `strata diff`, `generate` and `push`. The output is the same for the same database, run after run.")
        {
            schemas, tables, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            await using var engine = SchemaEngine.For(ctx);
            var filter = new SchemaFilter { Schemas = parse.GetValue(schemas) ?? [], Tables = parse.GetValue(tables) ?? [] };
            var schema = await engine.ReadDatabaseAsync(filter, ct);
            var text = SchemaScript.Render(schema, engine.Renderer, "Schema pulled from the database by `strata pull`. Edit it, then run `strata generate <name>` or `strata push`.");
            var target = parse.GetValue(output);
            if (target == "-")
            {
                if (!ctx.Terminal.WriteJsonIf(new SchemaJson("pull") { Script = text, Tables = schema.Tables.Count, Objects = schema.Objects.Count }))
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

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, text, ct);
            var display = Output.RunRenderer.Relative(ctx, path);
            ctx.Terminal.WriteJsonIf(new SchemaJson("pull") { File = display, Tables = schema.Tables.Count, Objects = schema.Objects.Count });
            ctx.Terminal.Line($"[green]{ctx.Terminal.Tick}[/] wrote {Markup.Escape(display)}: {schema.Tables.Count} table(s), {schema.Objects.Count} other object(s)");
            return ExitCodes.Success;
        });
        return command;
    }
}
