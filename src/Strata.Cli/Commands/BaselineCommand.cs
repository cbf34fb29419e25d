using System.CommandLine;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output;

namespace Strata.Cli.Commands;

/// <summary><c>strata baseline --version V</c>: adopt an existing database.</summary>
internal static class BaselineCommand
{
    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var version = VersionArguments.Create("--version", "The newest migration the database already contains.");
        version.Required = true;
        var command = new Command("baseline", "Record that an existing database already holds every migration up to --version, so only newer ones will run. Only for a database whose history is empty.")
        {
            version,
        };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            ctx.ConfirmOnProtected("write a baseline");
            var edits = await ctx.CreateMigrator().BaselineAsync(parse.GetValue(version)!.Value, ct);
            EditRenderer.Render(ctx, "baseline", edits, "nothing recorded");
            return ExitCodes.Success;
        });
        return command;
    }
}
