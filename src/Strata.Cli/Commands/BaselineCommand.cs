using System.CommandLine;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output;
using Strata.Errors;

namespace Strata.Cli.Commands;

/// <summary><c>strata baseline V</c> (or <c>--version V</c>): adopt an existing database.</summary>
internal static class BaselineCommand
{
    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var positional = VersionArguments.Single("version", "The newest migration the database already contains (3, 0000, 20240101120000 or 003_add_orders).");
        var version = VersionArguments.Create("--version", "The same, as an option.");
        var command = new Command("baseline", "Record that an existing database already holds every migration up to a version, so only newer ones will run. Only for a database whose history is empty.")
        {
            positional, version,
        };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            var chosen = (parse.GetValue(positional), parse.GetValue(version)) switch
            {
                ({ } p, null) => p,
                (null, { } o) => o,
                (null, null) => throw new StrataException(ErrorCategory.BadInput, "baseline needs the version the database already holds", "e.g. `strata baseline 42` (or --version 42); `strata status` lists the versions"),
                _ => throw new StrataException(ErrorCategory.BadInput, "give the baseline version once: as an argument or with --version"),
            };
            ctx.ConfirmOnProtected("write a baseline");
            var edits = await ctx.CreateMigrator().BaselineAsync(chosen, ct);
            EditRenderer.Render(ctx, "baseline", edits, "nothing recorded");
            return ExitCodes.Success;
        });
        return command;
    }
}
