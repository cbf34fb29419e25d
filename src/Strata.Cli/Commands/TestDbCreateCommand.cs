using System.CommandLine;
using System.Diagnostics;
using System.Security.Cryptography;
using Spectre.Console;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output.Json;
using Strata.Testing;

namespace Strata.Cli.Commands;

/// <summary><c>strata test-db create [--name N]</c>: a database holding every migration, cloned from the template.</summary>
internal static class TestDbCreateCommand
{
    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var name = new Option<string?>("--name") { Description = "The new database's name (default: strata_test_db_<random>).", HelpName = "NAME" };
        var command = new Command("create", "Migrate the template if this migration set has none yet (once, even with several processes at once), then create a database from it and print its name. It stays until `strata test-db drop NAME`.")
        {
            name,
        };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            var database = parse.GetValue(name) ?? "strata_test_db_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
            var clock = Stopwatch.StartNew();
            await using var server = TestDatabases.PostgresServer(ctx.Database, ctx.DatabaseDisplay);
            var template = await server.EnsureTemplateAsync(ctx.Source, ctx.MigratorOptions, ct);
            var cloning = Stopwatch.StartNew();
            await server.CreateFromTemplateAsync(database, template, cancellationToken: ct);
            if (ctx.Terminal.Json)
            {
                ctx.Terminal.WriteJson(new MessageJson("test-db create", $"created {database} from {template}", [database]), CliJsonContext.Default.MessageJson);
                return ExitCodes.Success;
            }

            ctx.Terminal.Note($"[green]{ctx.Terminal.Tick}[/] created {Markup.Escape(database)} from template {Markup.Escape(template)} (clone {cloning.ElapsedMilliseconds} ms, total {clock.ElapsedMilliseconds} ms)");
            ctx.Terminal.Raw(database);
            return ExitCodes.Success;
        });
        return command;
    }
}
