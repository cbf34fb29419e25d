using System.CommandLine;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output;
using Strata.Errors;
using Strata.Planning;

namespace Strata.Cli.Commands;

/// <summary><c>strata mark-applied V…</c>: record migrations as applied without running them (node-pg-migrate's fake).</summary>
internal static class MarkAppliedCommand
{
    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var migrations = VersionArguments.Migrations("Versions to record (3, 20240101120000, 003_add_orders, R__views).");
        var allPending = new Option<bool>("--all-pending") { Description = "Record every pending migration (baselining an environment that already has them)." };
        var command = new Command("mark-applied", "Record migrations as applied without running them, or record an unfinished no-transaction migration as finished after you checked it by hand. Audited.")
        {
            migrations, allPending,
        };
        command.Aliases.Add("fake");
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            var refs = VersionArguments.Parse(parse.GetValue(migrations) ?? []);
            if (parse.GetValue(allPending))
            {
                if (refs.Count > 0)
                {
                    throw new StrataException(ErrorCategory.BadInput, "name migrations or pass --all-pending, not both");
                }

                var status = await ctx.CreateMigrator().GetStatusAsync(ct);
                refs = status.Entries
                    .Where(e => e.Status is MigrationStatusKind.Pending or MigrationStatusKind.Outdated)
                    .Select(e => new MigrationReference(e.Version, e.IsRepeatable ? e.Name : null))
                    .ToList();
                if (refs.Count == 0)
                {
                    EditRenderer.Render(ctx, "mark-applied", [], "nothing pending to mark");
                    return ExitCodes.Success;
                }
            }

            ctx.ConfirmOnProtected("mark migrations applied without running them");
            var edits = await ctx.CreateMigrator().MarkAppliedAsync(refs, ct);
            EditRenderer.Render(ctx, "mark-applied", edits, "nothing marked");
            return ExitCodes.Success;
        });
        return command;
    }
}
