using System.Globalization;
using Spectre.Console;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output.Json;
using Strata.Errors;

namespace Strata.Cli.Output;

/// <summary>Prints errors: words on stderr (with a caret under the failing SQL), and a JSON object on stdout with --json.</summary>
internal static class ErrorRenderer
{
    public static void Render(Terminal terminal, Exception exception, int exitCode)
    {
        if (terminal.Json)
        {
            terminal.WriteJson(new ErrorJson(ToJson(exception, exitCode)), CliJsonContext.Default.ErrorJson);
        }

        var err = terminal.Err;
        switch (exception)
        {
            case MigrationFailedException failed:
                RenderFailure(terminal, failed, $"migration {failed.Migration} failed", failed.Outcome);
                break;
            case Schema.SchemaFileException schema:
                RenderFailure(terminal, schema.Failure, $"the schema file {schema.Failure.Migration} is not valid for this database", "nothing was changed: the schema file ran on a throw-away scratch database");
                break;
            case StrataException strata:
                err.MarkupLine("[red]error:[/] " + Markup.Escape(strata.Message));
                break;
            case OperationCanceledException:
                err.MarkupLine("[yellow]cancelled.[/] A migration that was running in a transaction was rolled back.");
                break;
            default:
                err.MarkupLine($"[red]internal error:[/] {Markup.Escape(exception.GetType().Name)}: {Markup.Escape(exception.Message)}");
                err.MarkupLine(terminal.Verbose
                    ? Markup.Escape(exception.ToString())
                    : "This is a bug in Strata. Run again with --verbose for the stack trace, and please report it.");
                break;
        }

        if (exception is StrataException { Hint: { } hint })
        {
            err.MarkupLine("[blue]hint:[/] " + Markup.Escape(hint));
        }

        if (exception.Data[BackupRenderer.FailureKey] is BackupJson backup)
        {
            BackupRenderer.Failure(terminal, backup);
        }

        if (terminal.Verbose && exception is StrataException { InnerException: { } inner })
        {
            err.MarkupLine("[grey]" + Markup.Escape(inner.ToString()) + "[/]");
        }
    }

    private static void RenderFailure(Terminal terminal, MigrationFailedException failed, string heading, string outcome)
    {
        // Written raw, never wrapped: the source line and the caret under it must stay aligned however long the line.
        var location = failed.Location;
        var gutter = location.Line.ToString(CultureInfo.InvariantCulture);
        var pad = new string(' ', gutter.Length);
        terminal.Err.MarkupLine($"[red]error:[/] {Markup.Escape(heading)}");
        terminal.RawError($"{pad}--> {location}");
        if (location.Line == 0)
        {
            // A C# migration: there is no SQL line to show.
            terminal.RawError($"{pad} = {(failed.SqlState is null ? "" : $"SQLSTATE {failed.SqlState}: ")}{failed.ServerMessage}");
            terminal.RawError($"{pad} = {outcome}");
            return;
        }

        terminal.RawError($"{pad} |");
        terminal.RawError($"{gutter} | {location.LineText}");
        terminal.RawError($"{pad} | {Caret(location.LineText, location.Column)}^");
        var state = failed.SqlState is null ? "" : $"SQLSTATE {failed.SqlState}: ";
        terminal.RawError($"{pad} = {state}{failed.ServerMessage}");
        terminal.RawError($"{pad} = {outcome}");
    }

    /// <summary>Spaces up to the column, keeping tabs so the caret lines up under tab-indented SQL.</summary>
    private static string Caret(string line, int column)
    {
        var prefix = new System.Text.StringBuilder();
        var chars = 0;
        for (var i = 0; i < line.Length && chars < column - 1; i++)
        {
            if (char.IsLowSurrogate(line[i]))
            {
                continue;
            }

            prefix.Append(line[i] == '\t' ? '\t' : ' ');
            chars++;
        }

        return prefix.ToString();
    }

    private static ErrorBodyJson ToJson(Exception exception, int exitCode)
    {
        var strata = exception as StrataException;
        var problems = exception switch
        {
            ValidationException v => v.Problems,
            MigrationSourceException s => s.Problems,
            _ => null,
        };
        var failed = exception as MigrationFailedException ?? (exception as Schema.SchemaFileException)?.Failure;
        return new ErrorBodyJson(
            Category(exitCode),
            exitCode,
            exception is StrataException ? exception.Message : $"{exception.GetType().Name}: {exception.Message}",
            strata?.Hint,
            problems?.Select(p => new ProblemJson(p.Location, p.Message)).ToList(),
            failed is null ? null : new LocationJson(failed.Location.Path, failed.Location.Line, failed.Location.Column),
            failed?.SqlState)
        {
            Backup = exception.Data[BackupRenderer.FailureKey] as BackupJson,
        };
    }

    private static string Category(int exitCode) => exitCode switch
    {
        ExitCodes.BadInput => "bad-input",
        ExitCodes.CheckFailed => "check-failed",
        ExitCodes.MigrationFailed => "migration-failed",
        ExitCodes.Unavailable => "unavailable",
        ExitCodes.Cancelled => "cancelled",
        _ => "internal-error",
    };
}
