using System.CommandLine;
using Spectre.Console;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output.Json;
using Strata.Sources;

namespace Strata.Cli.Commands;

/// <summary><c>strata new &lt;slug&gt;</c>: the next migration file, numbered the way the folder already is.</summary>
internal static class NewCommand
{
    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var slug = new Argument<string>("slug") { Description = "What the migration does, e.g. create_users (lower case, digits and _; other characters become _)." };
        var sequential = new Option<bool>("--sequential") { Description = "Number it max+1 (001, 002…) instead of a UTC timestamp; automatic when the folder is already sequential." };
        var pair = PairOption();
        var single = SingleOption();
        var command = new Command("new", "Create the next migration file: a UTC timestamp version (yyyyMMddHHmmss) by default, the next number when the folder is sequential; written as the folder's newest migration with an undo is (one file with '-- strata:down', or an up/down pair).")
        {
            slug, sequential, pair, single,
        };
        command.Aliases.Add("make");
        command.SetAction(parse =>
        {
            var ctx = context(parse);
            var folder = ctx.Settings.MigrationsPath;
            Directory.CreateDirectory(folder);
            var name = MigrationFolder.Slug(parse.GetValue(slug) ?? "");
            var version = MigrationFolder.NextVersion(folder, parse.GetValue(sequential), DateTime.UtcNow);
            var shape = MigrationFileShape.For(folder, parse.GetValue(pair), parse.GetValue(single));
            var files = shape.IsPair
                ? shape.Files(version, name, Template(name, "up"), Template(name, "down"))
                : [($"{version}_{name}.sql", Template(name, "single"))];
            var paths = MigrationFolder.WriteNew(folder, files).Select(f => Output.RunRenderer.Relative(ctx, f)).ToList();
            if (ctx.Terminal.Json)
            {
                ctx.Terminal.WriteJson(new MessageJson("new", "created", paths), CliJsonContext.Default.MessageJson);
            }
            else
            {
                paths.ForEach(p => ctx.Terminal.Line($"[green]{ctx.Terminal.Tick}[/] created {Markup.Escape(p)}"));
                ctx.Terminal.Line("[grey]Write the SQL, then run strata migrate. An empty migration is reported as an error until it has SQL.[/]");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>--pair, shared by new and generate.</summary>
    internal static Option<bool> PairOption() => new("--pair")
    {
        Description = "Write the undo in a file of its own: the folder's kind of pair (N_slug.sql + N_slug.down.sql, N_slug_down.sql), else N_slug.up.sql + N_slug.down.sql. Default: as the folder's newest migration with an undo.",
    };

    /// <summary>--single, shared by new and generate.</summary>
    internal static Option<bool> SingleOption() => new("--single")
    {
        Description = "Write one file with a '-- strata:down' section, whatever the folder's convention.",
    };

    private static string Template(string name, string part) => part switch
    {
        "up" => $"-- {name}: the change. Runs in a transaction; put '-- strata:no-transaction' on the first line for CREATE INDEX CONCURRENTLY.\n\n",
        "down" => $"-- {name}: undo the change (run by strata rollback).\n\n",
        _ => $"-- {name}: the change. Runs in a transaction; put '-- strata:no-transaction' on the first line for CREATE INDEX CONCURRENTLY.\n\n\n-- strata:down\n-- Undo the change here (run by strata rollback).\n\n",
    };
}
