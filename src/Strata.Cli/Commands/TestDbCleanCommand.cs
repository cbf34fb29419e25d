using System.CommandLine;
using Spectre.Console;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output.Json;
using Strata.Testing;

namespace Strata.Cli.Commands;

/// <summary><c>strata test-db clean [--templates]</c>: drop what crashed test runs left behind.</summary>
internal static class TestDbCleanCommand
{
    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var templates = new Option<bool>("--templates") { Description = "Also drop every finished template (the next test run migrates a new one). Do not use while tests run." };
        var command = new Command("clean", "Drop the test databases of test processes that are gone (killed or crashed: their owner connection has ended) and half-built templates nobody is building. Databases of running tests and of `test-db create` are kept. Safe while other test runs go on.")
        {
            templates,
        };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            await using var server = TestDatabases.PostgresServer(ctx.Database, ctx.DatabaseDisplay);
            var dropped = await server.CleanAsync(parse.GetValue(templates), ct);
            if (ctx.Terminal.Json)
            {
                ctx.Terminal.WriteJson(new MessageJson("test-db clean", $"dropped {dropped.Count}", [.. dropped]), CliJsonContext.Default.MessageJson);
                return ExitCodes.Success;
            }

            foreach (var name in dropped)
            {
                ctx.Terminal.Line($"[green]{ctx.Terminal.Tick}[/] dropped {Markup.Escape(name)}");
            }

            ctx.Terminal.Line(dropped.Count == 0 ? "Nothing to clean." : $"Dropped {dropped.Count} database(s).");
            return ExitCodes.Success;
        });
        return command;
    }
}
