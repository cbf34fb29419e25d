using System.CommandLine;
using Spectre.Console;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output.Json;

namespace Strata.Cli.Commands;

/// <summary><c>strata dump</c>: the schema the migrations produce, for review in pull requests (no pg_dump needed).</summary>
internal static class DumpCommand
{
    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var output = new Option<string?>("--output", "-o") { Description = "Write the dump to this file instead of stdout (commit it to review schema changes in pull requests)." };
        var command = new Command("dump", "Apply every migration to a scratch database (on the same PostgreSQL server or the dev database; a temporary file for SQLite) and print the resulting schema as SQL. Stable across runs; no pg_dump needed.")
        {
            output,
        };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            await using var workspace = Workspaces.Open(ctx);
            var schema = await workspace.DumpAsync(Workspaces.Migrations(ctx), ct);
            var text = workspace.Render(schema, "Schema after all migrations, written by `strata dump`. Do not edit: regenerate it.");
            if (parse.GetValue(output) is { } target)
            {
                var path = Path.GetFullPath(Path.Combine(ctx.Host.WorkingDirectory, target));
                await File.WriteAllTextAsync(path, text, ct);
                ctx.Terminal.WriteJsonIf(new SchemaJson("dump") { File = Output.RunRenderer.Relative(ctx, path), Tables = schema.Tables.Count, Objects = schema.Objects.Count });
                ctx.Terminal.Note($"[green]{ctx.Terminal.Tick}[/] wrote {Markup.Escape(Output.RunRenderer.Relative(ctx, path))}: {Markup.Escape(Output.SchemaCounts.Describe(schema))}");
                return ExitCodes.Success;
            }

            if (!ctx.Terminal.WriteJsonIf(new SchemaJson("dump") { Script = text, Tables = schema.Tables.Count, Objects = schema.Objects.Count }))
            {
                ctx.Terminal.Data(text.TrimEnd('\n'));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
