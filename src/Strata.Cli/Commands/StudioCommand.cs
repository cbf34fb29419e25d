using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using Strata.Cli.Infrastructure;
using Strata.Errors;
using Strata.Lint;
using Strata.Studio;

namespace Strata.Cli.Commands;

/// <summary>
/// <c>strata studio</c>: serves the local web studio for the configured database on 127.0.0.1 until Ctrl+C, and prints
/// the address with this launch's token.
/// </summary>
internal static class StudioCommand
{
    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var port = new Option<int>("--port") { Description = "The loopback port to listen on (default 0: a free one).", DefaultValueFactory = _ => 0 };
        var write = new Option<bool>("--write") { Description = "Write mode: the SQL console may change data (each statement in its own transaction, committed when it succeeds) and rows can be edited, inserted and deleted from the grid, each shown as its SQL first. Without it every statement runs read-only, enforced by the database." };
        var noOpen = new Option<bool>("--no-open") { Description = "Do not open a browser; only print the address." };
        var ipv6 = new Option<bool>("--ipv6") { Description = "Also listen on the IPv6 loopback [::1], on the same port." };
        var command = new Command("studio", Help) { port, write, noOpen, ipv6 };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            var number = parse.GetValue(port);
            if (number is < 0 or > 65535)
            {
                throw new StrataException(ErrorCategory.BadInput, $"--port {number} is not a port", "give 1 to 65535, or 0 (the default) for a free one");
            }

            var writing = parse.GetValue(write);
            if (writing)
            {
                ctx.ConfirmOnProtected("open the studio in write mode");
            }

            var settings = ctx.Settings;
            var options = new StudioOptions
            {
                Database = ctx.Database,
                Write = writing,
                Port = number,
                IPv6 = parse.GetValue(ipv6),
                Migrations = () => ctx.CreateMigrator(refuseMissing: true),
                History = settings.History,
                Lint = new LintOptions
                {
                    Dialect = ctx.Dialect,
                    EngineLockTimeout = settings.StatementLockTimeout is { } t && t > TimeSpan.Zero,
                    Severities = LintSettings.Severities(settings.Lint, settings.ConfigFile),
                    Style = LintSettings.Style(settings.Lint),
                },
            };
            await using var studio = await StudioServer.StartAsync(options, ct);
            var url = studio.LaunchUrl.ToString();
            ctx.Terminal.Raw(url);
            if (options.IPv6)
            {
                ctx.Terminal.Note(Markup.Escape($"also on http://[::1]:{studio.Address.Port}/ (open the address above first: its token signs this browser in)"));
            }

            ctx.Terminal.Note($"strata studio for {Markup.Escape(ctx.DatabaseDisplay)}, {(writing ? "[red]write mode[/]" : "read-only")}: open the address above (it carries this launch's token). Ctrl+C stops it.");
            if (!parse.GetValue(noOpen) && !TryOpen(url))
            {
                ctx.Terminal.Note("(no browser could be opened from here: open the address yourself)");
            }

            await studio.WaitAsync(ct);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The platform's opener (xdg-open, open, start); false when there is none, as on a server without a desktop.</summary>
    private static bool TryOpen(string url)
    {
        var (program, arguments) = OperatingSystem.IsWindows() ? ("cmd", new[] { "/c", "start", "", url })
            : OperatingSystem.IsMacOS() ? ("open", new[] { url })
            : ("xdg-open", new[] { url });
        try
        {
            var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start);
            return process is not null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private const string Help =
        "Serve the studio, a local web page for the configured database: tables with estimated row counts and their rows "
        + "page by page, a SQL console (read-only unless --write, enforced by the database), and the migrations' history, "
        + "pending files and lint findings. It listens on 127.0.0.1 only and admits only the browser that opens the printed "
        + "address (it carries a token for this launch); the page's files are built in, nothing is fetched from the internet. "
        + "Runs until Ctrl+C.";
}
