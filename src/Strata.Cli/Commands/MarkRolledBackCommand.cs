using System.CommandLine;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output;

namespace Strata.Cli.Commands;

/// <summary><c>strata mark-rolled-back V…</c>: remove migrations from the history without running down scripts.</summary>
internal static class MarkRolledBackCommand
{
    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var migrations = VersionArguments.Migrations("Versions to remove from the history.");
        migrations.Arity = ArgumentArity.OneOrMore;
        var command = new Command("mark-rolled-back", "Remove migrations from the history without running their down scripts, e.g. after undoing a failed no-transaction migration by hand. Audited.")
        {
            migrations,
        };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            var refs = VersionArguments.Parse(parse.GetValue(migrations) ?? []);
            ctx.ConfirmOnProtected("remove migrations from the history");
            var edits = await ctx.CreateMigrator().MarkRolledBackAsync(refs, ct);
            EditRenderer.Render(ctx, "mark-rolled-back", edits, "nothing removed");
            return ExitCodes.Success;
        });
        return command;
    }
}
