using System.CommandLine;
using Spectre.Console;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output.Json;
using Strata.Errors;

namespace Strata.Cli.Commands;

/// <summary><c>strata push</c>: applies the difference between schema.sql and a development database directly.</summary>
internal static class PushCommand
{
    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var noStrict = new Option<bool>("--no-strict") { Description = "Do not ask about destructive changes." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the SQL that would run; change nothing." };
        var command = new Command("push", "Make a development database match the desired schema (schema.sql) directly, without writing a migration, in one transaction. Refused on protected environments (exit 2). Destructive changes need --yes or confirmation.")
        {
            noStrict, dryRun,
        };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            if (ctx.Settings.Protected)
            {
                throw new StrataException(
                    ErrorCategory.BadInput,
                    $"refused to push: environment '{ctx.Settings.Environment}' is protected",
                    "push is for development databases; write a migration with `strata generate <name>` and apply it with `strata migrate`");
            }

            await using var workspace = Workspaces.Open(ctx, missingDatabaseIsEmpty: true);
            var files = Workspaces.Files(ctx, ctx.Settings.SchemaPath);
            Workspaces.RequireDatabaseFolder(ctx);
            var comparison = await workspace.DiffAsync(files, ct);
            var diff = comparison.Changes;
            NotManaged.Warn(ctx, comparison.NotManaged);
            if (diff.IsEmpty)
            {
                ctx.Terminal.WriteJsonIf(new SchemaJson("push") { Differences = false, Changes = [], Applied = false });
                ctx.Terminal.Line($"[green]{ctx.Terminal.Tick}[/] {Markup.Escape(ctx.DatabaseDisplay)} already matches the desired schema");
                return ExitCodes.Success;
            }

            if (parse.GetValue(dryRun))
            {
                if (!ctx.Terminal.WriteJsonIf(new SchemaJson("push") { Differences = true, Changes = SchemaJson.ChangesOf(diff), Script = diff.ToScript(), Applied = false }))
                {
                    ctx.Terminal.Data(diff.ToScript().TrimEnd('\n'));
                }

                return ExitCodes.Success;
            }

            DestructiveGate.Check(ctx, diff, !parse.GetValue(noStrict), "push");
            await workspace.ApplyAsync(diff, ct);
            ctx.Terminal.WriteJsonIf(new SchemaJson("push") { Differences = true, Changes = SchemaJson.ChangesOf(diff), Script = diff.ToScript(), Applied = true });
            ctx.Terminal.Line($"[green]{ctx.Terminal.Tick}[/] pushed {diff.Changes.Count} change(s) to {Markup.Escape(ctx.DatabaseDisplay)}");
            return ExitCodes.Success;
        });
        return command;
    }
}
