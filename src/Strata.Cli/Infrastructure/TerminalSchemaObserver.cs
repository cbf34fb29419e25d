using Spectre.Console;
using Strata.Cli.Output;
using Strata.Schema;

namespace Strata.Cli.Infrastructure;

/// <summary>A schema workspace's notes and warnings on stderr; with <c>--verbose</c>, where the time went once it is done.</summary>
internal sealed class TerminalSchemaObserver(Terminal terminal) : ISchemaWorkspaceObserver
{
    public void Note(string text) => terminal.Note("note: " + Markup.Escape(text));

    public void Warning(string text) => terminal.Warning(text);

    public void Finished(SchemaTimings timings)
    {
        if (terminal.Verbose)
        {
            terminal.Note("[grey]" + Markup.Escape(timings.Summary()) + "[/]");
        }
    }
}
