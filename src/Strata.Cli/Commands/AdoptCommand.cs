using System.CommandLine;
using Strata.Adoption;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output;
using Strata.Errors;
using Strata.Execution;

namespace Strata.Cli.Commands;

/// <summary><c>strata adopt</c> (alias <c>import</c>): take over a database another tool migrated (docs/switching.md).</summary>
internal static class AdoptCommand
{
    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var from = new Option<string?>("--from") { Description = "The tool whose history to read (knex, drizzle, node-pg-migrate, golang-migrate, dbmate, goose, flyway, prisma, diesel, sql-migrate, ef-core, sqitch, sqlx); found from the tables when omitted." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print how the other tool's rows map to the migrations; write nothing." };
        var command = new Command("adopt", "Take over a database another tool migrated: read its history table (left unchanged) and record the same migrations in Strata's history, in one transaction, so status is clean and the next migration applies.")
        {
            from, dryRun,
        };
        command.Aliases.Add("import");
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            ForeignTool? tool = parse.GetValue(from) is { } name
                ? ForeignTools.Parse(name) ?? throw new StrataException(ErrorCategory.BadInput, $"--from {name} is not a tool Strata adopts from", "use one of: " + string.Join(", ", Enum.GetValues<ForeignTool>().Select(ForeignTools.Name)))
                : null;
            var dry = parse.GetValue(dryRun);
            if (!dry)
            {
                ctx.ConfirmOnProtected("adopt another tool's history");
            }

            var plan = await ctx.CreateMigrator().AdoptAsync(new AdoptOptions { From = tool, DryRun = dry }, ct);
            var edits = plan.Baseline is { } baseline
                ? [new HistoryEdit($"baseline {baseline}", "adopt", $"{plan.Entries.Count} {ForeignTools.Name(plan.Tool)} migration(s), newest {plan.Entries[^1].Key}: code Strata does not run, recorded as a baseline; new migrations go in Strata's format")]
                : plan.Entries.Select(e => new HistoryEdit(e.Migration ?? e.Key, "adopt", $"{e.Key}: {e.Note}")).ToList();
            var what = plan.Baseline is null ? $"{plan.Recorded.Count} migration(s)" : "a baseline";
            var summary = dry
                ? $"adopt --dry-run: would record {what} from {ForeignTools.Name(plan.Tool)}'s {plan.Table}; nothing was changed"
                : $"adopt: recorded {what} from {ForeignTools.Name(plan.Tool)}'s {plan.Table} (left unchanged), each with an audit row";
            EditRenderer.Render(ctx, "adopt", edits, $"{plan.Table} records no migration; nothing to adopt", summary);
            return ExitCodes.Success;
        });
        return command;
    }
}
