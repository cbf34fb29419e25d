using System.CommandLine;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output.Json;
using Strata.Schema;

namespace Strata.Cli.Commands;

/// <summary><c>strata diff</c>: the DDL that turns the database (or the migrations' result) into the desired schema.</summary>
internal static class DiffCommand
{
    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var from = new Option<string>("--from") { Description = "Compare the desired schema with: database (the configured database, default) or migrations (the state the migrations folder produces).", DefaultValueFactory = _ => "database" };
        from.AcceptOnlyFromAmong("database", "migrations");
        var exitCode = new Option<bool>("--exit-code") { Description = "Exit 3 when there are differences (a CI drift check); 0 when none." };
        var reverse = new Option<bool>("--reverse") { Description = "Also print the reverse script (desired schema back to the current state)." };
        var command = new Command("diff", "Print, as SQL, what would change the database (or the migrations' result, --from migrations) into the desired schema (schema.sql): ordered DDL with destructive changes marked. Changes nothing.")
        {
            from, exitCode, reverse,
        };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            await using var workspace = Workspaces.Open(ctx, missingDatabaseIsEmpty: true);
            var files = Workspaces.Files(ctx, ctx.Settings.SchemaPath);
            SchemaComparison comparison;
            if (parse.GetValue(from) == "migrations")
            {
                comparison = await workspace.DiffMigrationsAsync(files, Workspaces.Migrations(ctx), ct);
            }
            else
            {
                Workspaces.RequireDatabaseFolder(ctx);
                comparison = await workspace.DiffAsync(files, ct);
            }

            var plan = comparison.Plan;
            var notManaged = comparison.NotManaged;
            if (ctx.Terminal.Json)
            {
                ctx.Terminal.WriteJson(
                    new SchemaJson("diff")
                    {
                        Differences = !plan.Up.IsEmpty, Changes = SchemaJson.ChangesOf(plan.Up), Script = plan.Up.ToScript(), Reverse = plan.Down.ToScript(),
                        NotManaged = NotManaged.Json(notManaged),
                    },
                    CliJsonContext.Default.SchemaJson);
            }
            else
            {
                Print(ctx, plan, parse.GetValue(reverse), notManaged.Count == 0);
            }

            NotManaged.Warn(ctx, notManaged);
            return (plan.Up.IsEmpty && notManaged.Count == 0) || !parse.GetValue(exitCode) ? ExitCodes.Success : ExitCodes.CheckFailed;
        });
        return command;
    }

    private static void Print(CommandContext ctx, SchemaPlan plan, bool reverse, bool allManaged)
    {
        if (plan.Up.IsEmpty)
        {
            ctx.Terminal.Note(allManaged
                ? $"[green]{ctx.Terminal.Tick}[/] no differences: the schema matches"
                : "[yellow]no differences in what Strata manages[/], but some objects are not managed (below)");
            return;
        }

        ctx.Terminal.Data(plan.Up.ToScript().TrimEnd('\n'));
        if (reverse)
        {
            ctx.Terminal.Data("\n-- reverse\n" + plan.Down.ToScript().TrimEnd('\n'));
        }

        ctx.Terminal.Note($"[yellow]{plan.Up.Changes.Count} change(s)[/], {plan.Up.DestructiveChanges.Count} destructive");
        foreach (var change in plan.Up.DestructiveChanges)
        {
            ctx.Terminal.Warning("destructive: " + change.Destructive);
        }
    }
}
