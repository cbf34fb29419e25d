using Spectre.Console;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output.Json;
using Strata.Execution;

namespace Strata.Cli.Output;

/// <summary>Prints the history changes of baseline, mark-applied, mark-rolled-back and repair.</summary>
internal static class EditRenderer
{
    public static void Render(CommandContext context, string command, IReadOnlyList<HistoryEdit> edits, string nothing, string? summary = null)
    {
        var t = context.Terminal;
        var message = edits.Count == 0 ? nothing : summary ?? $"{command}: {edits.Count} history change(s), each with an audit row";
        if (t.Json)
        {
            t.WriteJson(new MessageJson(command, message, null, edits.Select(e => new EditJson(e.Migration, e.Action, e.Detail)).ToList()), CliJsonContext.Default.MessageJson);
            return;
        }

        foreach (var edit in edits)
        {
            t.Line($"  [green]{t.Tick}[/] {Markup.Escape(edit.Migration).PadRight(40)} [grey]{Markup.Escape(edit.Detail)}[/]");
        }

        t.Line(Markup.Escape(message) + ".");
    }
}
