using Spectre.Console;
using Strata.Errors;
using Strata.Schema;

namespace Strata.Cli.Infrastructure;

/// <summary>
/// Strict mode (on unless <c>--no-strict</c>): destructive changes are named on stderr and need <c>--yes</c> or a typed
/// confirmation; without a terminal and without <c>--yes</c> the command is refused (exit 2).
/// </summary>
internal static class DestructiveGate
{
    public static void Check(CommandContext context, SchemaDiff diff, bool strict, string action)
    {
        var destructive = diff.DestructiveChanges;
        if (destructive.Count == 0)
        {
            return;
        }

        foreach (var change in destructive)
        {
            context.Terminal.Warning("destructive: " + change.Destructive);
        }

        if (!strict || context.Yes)
        {
            return;
        }

        var names = string.Join("; ", destructive.Select(c => c.Summary));
        if (!context.Host.InputIsInteractive)
        {
            throw new StrataException(
                ErrorCategory.BadInput,
                $"refused to {action}: {destructive.Count} destructive change(s): {names}",
                "review them (strata diff), then pass --yes to confirm, or add a rename hint (-- strata:rename …) in the schema if this is a rename");
        }

        context.Terminal.Err.Markup($"[yellow]{destructive.Count} destructive change(s).[/] To {Markup.Escape(action)} anyway, type yes: ");
        var answer = context.Host.In.ReadLine();
        if (!string.Equals(answer?.Trim(), "yes", StringComparison.OrdinalIgnoreCase))
        {
            throw new StrataException(ErrorCategory.BadInput, $"not confirmed; did not {action}");
        }
    }
}
