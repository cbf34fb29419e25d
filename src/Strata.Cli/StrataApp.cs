using System.CommandLine;
using Strata.Cli.Commands;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output;
using Strata.Configuration;

namespace Strata.Cli;

/// <summary>
/// The <c>strata</c> program: builds the command tree, wraps both output streams in the redaction layer, runs
/// one command and maps any error to its exit code (product.md) in one place.
/// </summary>
internal static class StrataApp
{
    public static async Task<int> RunAsync(string[] args, CliHost host, CancellationToken cancellationToken = default)
    {
        var redactor = new Redactor();
        SecretScan.AddKnownSecrets(redactor, args, host.Variables);
        using var stdout = new RedactingTextWriter(host.Out, redactor, leaveOpen: true);
        using var stderr = new RedactingTextWriter(host.Error, redactor, leaveOpen: true);
        var options = new GlobalOptions();
        Terminal? terminal = null;
        CommandContext Context(ParseResult parse) => new(parse, options, host, redactor, terminal = CreateTerminal(parse, options, host, stdout, stderr));

        var root = BuildCommands(options, Context);
        var parse = root.Parse(args);
        try
        {
            if (parse.Errors.Count > 0)
            {
                // Through the one error path, so --json gets its error object too.
                var lines = UsageErrors.Describe(parse);
                var pointed = lines.Any(l => l.Contains("did you mean", StringComparison.Ordinal) || l.Contains("`strata ", StringComparison.Ordinal));
                throw new Errors.StrataException(
                    Errors.ErrorCategory.BadInput,
                    string.Join(Environment.NewLine, lines),
                    pointed ? null : $"run `strata {CommandPath(parse)}--help` to see the usage");
            }

            var configuration = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The CLI's last line of defence: every failure becomes a message and an exit code.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var code = ExitCodes.For(exception);
            ErrorRenderer.Render(terminal ?? CreateTerminal(parse, options, host, stdout, stderr), exception, code);
            return code;
        }
        finally
        {
            await stdout.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            await stderr.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static RootCommand BuildCommands(GlobalOptions options, Func<ParseResult, CommandContext> context)
    {
        var root = new RootCommand(
            "Strata: versioned database migrations for PostgreSQL and SQLite.\n\n"
            + "Quick start:  strata init  ->  strata new create_users  ->  edit the file  ->  strata migrate  ->  strata status\n"
            + "Exit codes: 0 ok, 1 internal error, 2 bad input or refused, 3 check not clean (pending/drift), 4 migration failed, 5 database unreachable or lock timeout.");
        options.AddTo(root);
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new PrintVersionAction();
        }

        foreach (var command in new[]
        {
            InitCommand.Create(context),
            NewCommand.Create(context),
            MigrateCommand.Create(context),
            StatusCommand.Create(context),
            RollbackCommand.Create(context),
            RedoCommand.Create(context),
            ValidateCommand.Create(context),
            BaselineCommand.Create(context),
            AdoptCommand.Create(context),
            MarkAppliedCommand.Create(context),
            MarkRolledBackCommand.Create(context),
            RepairCommand.Create(context),
            LintCommand.Create(context),
            VerifyCommand.Create(context),
            TestDbCommand.Create(context),
            ResetCommand.Create(context),
            DiffCommand.Create(context),
            GenerateCommand.Create(context),
            PushCommand.Create(context),
            PullCommand.Create(context),
            DumpCommand.Create(context),
            CodegenCommand.Create(context),
            BackupCommand.Create(context),
            RestoreCommand.Create(context),
            StudioCommand.Create(context),
        })
        {
            if (command.Name is "migrate" or "rollback" or "redo")
            {
                options.AddStatementOptionsTo(command);
            }

            if (command.Name is "diff" or "generate" or "push" or "dump" or "verify" or "lint" or "codegen")
            {
                options.AddScratchOptionsTo(command);
            }

            root.Subcommands.Add(command);
        }

        return root;
    }

    private static Terminal CreateTerminal(ParseResult parse, GlobalOptions options, CliHost host, TextWriter stdout, TextWriter stderr)
    {
        var color = host.OutputIsTerminal && !parse.GetValue(options.NoColor) && !host.Variables.ContainsKey("NO_COLOR");
        return new Terminal(stdout, stderr, color, parse.GetValue(options.Json), parse.GetValue(options.Quiet), parse.GetValue(options.Verbose));
    }

    private static string CommandPath(ParseResult parse)
    {
        var name = parse.CommandResult.Command.Name;
        return parse.CommandResult.Command is RootCommand ? "" : name + " ";
    }
}
