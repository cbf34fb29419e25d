using System.CommandLine;
using Spectre.Console;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output.Json;
using Strata.Errors;
using Strata.Testing;

namespace Strata.Cli.Commands;

/// <summary><c>strata test-db drop NAME…</c>: drop test databases (and templates); refuses any other database.</summary>
internal static class TestDbDropCommand
{
    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var names = new Argument<string[]>("NAME") { Description = "Databases made by `test-db create` or Strata.Testing, or templates (strata_tpl_…).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("drop", "Drop test databases, ending their connections. Only databases made by Strata's test tooling are dropped: any other name is refused (exit 2) before anything is dropped.")
        {
            names,
        };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            var databases = parse.GetValue(names) ?? [];
            await using var server = TestDatabases.PostgresServer(ctx.Database, ctx.DatabaseDisplay);
            foreach (var database in databases)
            {
                if (!await server.IsTestDatabaseAsync(database, ct))
                {
                    throw new StrataException(
                        ErrorCategory.BadInput,
                        $"'{database}' is not a test database made by Strata (or does not exist); nothing was dropped",
                        "list them with: SELECT datname FROM pg_database WHERE datname LIKE 'strata_%'; drop other databases with psql if you mean it");
                }
            }

            foreach (var database in databases)
            {
                await server.DropAsync(database, ct);
                ctx.Terminal.Line($"[green]{ctx.Terminal.Tick}[/] dropped {Markup.Escape(database)}");
            }

            if (ctx.Terminal.Json)
            {
                ctx.Terminal.WriteJson(new MessageJson("test-db drop", $"dropped {databases.Length}", databases), CliJsonContext.Default.MessageJson);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
