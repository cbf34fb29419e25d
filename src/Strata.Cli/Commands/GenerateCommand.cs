using System.CommandLine;
using Spectre.Console;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output.Json;
using Strata.Schema;

namespace Strata.Cli.Commands;

/// <summary>
/// <c>strata generate &lt;slug&gt;</c>: a new migration (up and down) from schema.sql vs the migrations' state: parses the
/// options, calls <see cref="SchemaWorkspace.GenerateAsync"/> (the destructive gate as its approval) and renders the result.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var slug = new Argument<string>("slug") { Description = "What the migration does, e.g. add_users_email (lower case, digits and _)." };
        var sequential = new Option<bool>("--sequential") { Description = "Number it max+1 instead of a UTC timestamp; automatic when the folder is already sequential." };
        var noStrict = new Option<bool>("--no-strict") { Description = "Do not ask about destructive changes (they are still marked in the file)." };
        var pair = NewCommand.PairOption();
        var single = NewCommand.SingleOption();
        var command = new Command("generate", "Write the next migration from the difference between the desired schema (schema.sql) and the state the migrations produce, with a down section that reverses it. Destructive changes (dropped tables or columns, narrowing types, dropped constraints) are marked and need --yes or confirmation. Written as the folder's newest migration with an undo is (one file, or an up/down pair); on PostgreSQL, indexes on tables that already exist go in a second, -- strata:no-transaction migration built with CREATE INDEX CONCURRENTLY.")
        {
            slug, sequential, noStrict, pair, single,
        };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            await using var workspace = Workspaces.Open(ctx);
            var files = Workspaces.Files(ctx, ctx.Settings.SchemaPath);
            var options = new GenerateOptions
            {
                Folder = ctx.Settings.MigrationsPath, Slug = parse.GetValue(slug) ?? "", Sequential = parse.GetValue(sequential),
                Pair = parse.GetValue(pair), OneFile = parse.GetValue(single),
            };
            var generated = await workspace.GenerateAsync(files, Workspaces.Migrations(ctx), options, comparison =>
            {
                NotManaged.Warn(ctx, comparison.NotManaged);
                DestructiveGate.Check(ctx, comparison.Plan.Up, !parse.GetValue(noStrict), "generate this migration");
                return true;
            }, ct);
            var (plan, notManaged) = (generated.Comparison.Plan, generated.Comparison.NotManaged);
            if (generated.Files.Count == 0)
            {
                NotManaged.Warn(ctx, notManaged);
                ctx.Terminal.WriteJsonIf(new SchemaJson("generate") { Differences = false, Changes = [], NotManaged = NotManaged.Json(notManaged) });
                ctx.Terminal.Line($"[green]{ctx.Terminal.Tick}[/] nothing to generate: the migrations already produce the desired schema");
                return ExitCodes.Success;
            }

            var written = generated.Files.Select(f => Output.RunRenderer.Relative(ctx, f)).ToList();
            ctx.Terminal.WriteJsonIf(new SchemaJson("generate") { Differences = true, Changes = SchemaJson.ChangesOf(plan.Up), File = written[0], Files = written, NotManaged = NotManaged.Json(notManaged) });
            ctx.Terminal.Line($"[green]{ctx.Terminal.Tick}[/] created {Markup.Escape(string.Join(", ", written))}: {plan.Up.Changes.Count} change(s), {plan.Up.DestructiveChanges.Count} destructive");
            foreach (var change in plan.Up.Changes)
            {
                ctx.Terminal.Line((change.IsDestructive ? "  [red]![/] " : "  - ") + Markup.Escape(change.Summary));
            }

            if (generated.SeparateIndexMigration)
            {
                ctx.Terminal.Line("[grey]Indexes on tables that already exist are built with CREATE INDEX CONCURRENTLY in a migration of their own (-- strata:no-transaction), so writes to those tables go on while they build.[/]");
            }

            ctx.Terminal.Line("[grey]Review the file, then run strata migrate.[/]");
            return ExitCodes.Success;
        });
        return command;
    }
}
