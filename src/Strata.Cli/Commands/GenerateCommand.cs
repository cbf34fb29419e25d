using System.CommandLine;
using Spectre.Console;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output.Json;
using Strata.Schema;

namespace Strata.Cli.Commands;

/// <summary><c>strata generate &lt;slug&gt;</c>: a new migration (up and down) from schema.sql vs the migrations' state.</summary>
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
            var comparison = await workspace.DiffMigrationsAsync(files, Workspaces.Migrations(ctx), ct);
            var (plan, current) = (comparison.Plan, comparison.Current);
            var notManaged = comparison.NotManaged;
            NotManaged.Warn(ctx, notManaged);
            if (plan.Up.IsEmpty)
            {
                ctx.Terminal.WriteJsonIf(new SchemaJson("generate") { Differences = false, Changes = [], NotManaged = NotManaged.Json(notManaged) });
                ctx.Terminal.Line($"[green]{ctx.Terminal.Tick}[/] nothing to generate: the migrations already produce the desired schema");
                return ExitCodes.Success;
            }

            DestructiveGate.Check(ctx, plan.Up, !parse.GetValue(noStrict), "generate this migration");
            var folder = ctx.Settings.MigrationsPath;
            Directory.CreateDirectory(folder);
            var name = NewCommand.Normalise(parse.GetValue(slug) ?? "");
            var shape = MigrationFileShape.For(folder, parse.GetValue(pair), parse.GetValue(single));
            var parts = ctx.Database.Dialect == Dialect.PostgreSql ? ConcurrentIndexes.Split(plan, current) : [(plan, "")];
            var written = new List<string>();
            var version = NewCommand.NextVersion(folder, parse.GetValue(sequential), DateTime.UtcNow);
            foreach (var (part, suffix) in parts)
            {
                foreach (var (file, text) in shape.Files(version, name + suffix, UpText(name + suffix, part), DownText(name + suffix, part, shape)))
                {
                    await File.WriteAllTextAsync(Path.Combine(folder, file), text, ct);
                    written.Add(Output.RunRenderer.Relative(ctx, Path.Combine(folder, file)));
                }

                version = (long.Parse(version, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(version.Length, '0');
            }

            ctx.Terminal.WriteJsonIf(new SchemaJson("generate") { Differences = true, Changes = SchemaJson.ChangesOf(plan.Up), File = written[0], Files = written, NotManaged = NotManaged.Json(notManaged) });
            ctx.Terminal.Line($"[green]{ctx.Terminal.Tick}[/] created {Markup.Escape(string.Join(", ", written))}: {plan.Up.Changes.Count} change(s), {plan.Up.DestructiveChanges.Count} destructive");
            foreach (var change in plan.Up.Changes)
            {
                ctx.Terminal.Line((change.IsDestructive ? "  [red]![/] " : "  - ") + Markup.Escape(change.Summary));
            }

            if (parts.Count > 1 || parts[0].Suffix.Length > 0)
            {
                ctx.Terminal.Line("[grey]Indexes on tables that already exist are built with CREATE INDEX CONCURRENTLY in a migration of their own (-- strata:no-transaction), so writes to those tables go on while they build.[/]");
            }

            ctx.Terminal.Line("[grey]Review the file, then run strata migrate.[/]");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// The up script under a comment. A script that runs outside a transaction (a SQLite table rebuild, concurrent
    /// index builds) has <c>-- strata:no-transaction</c> right under the comment, in the file's header.
    /// </summary>
    private static string UpText(string name, SchemaPlan plan) =>
        $"-- {name}: generated by `strata generate` from the desired schema. Review before applying.\n"
        + (plan.Up.RunsOutsideTransaction ? "" : "\n")
        + plan.Up.ToScript();

    /// <summary>
    /// The down script; in a file of its own it repeats <c>-- strata:no-transaction</c> when the up script has it (a
    /// down section is covered by the file's header).
    /// </summary>
    private static string DownText(string name, SchemaPlan plan, MigrationFileShape shape) =>
        (shape.IsPair ? $"-- {name}: undoes {name} (run by strata rollback); generated by `strata generate`.\n" : "")
        + (shape.IsPair && plan.Up.RunsOutsideTransaction && !plan.Down.RunsOutsideTransaction ? SchemaDiff.NoTransactionDirective + "\n" : "")
        + plan.Down.ToScript();
}
