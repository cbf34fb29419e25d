using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Spectre.Console;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output.Json;
using Strata.Errors;

namespace Strata.Cli.Commands;

/// <summary><c>strata new &lt;slug&gt;</c>: the next migration file, numbered the way the folder already is.</summary>
internal static partial class NewCommand
{
    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var slug = new Argument<string>("slug") { Description = "What the migration does, e.g. create_users (lower case, digits and _; other characters become _)." };
        var sequential = new Option<bool>("--sequential") { Description = "Number it max+1 (001, 002…) instead of a UTC timestamp; automatic when the folder is already sequential." };
        var pair = PairOption();
        var single = SingleOption();
        var command = new Command("new", "Create the next migration file: a UTC timestamp version (yyyyMMddHHmmss) by default, the next number when the folder is sequential; written as the folder's newest migration with an undo is (one file with '-- strata:down', or an up/down pair).")
        {
            slug, sequential, pair, single,
        };
        command.Aliases.Add("make");
        command.SetAction(parse =>
        {
            var ctx = context(parse);
            var folder = ctx.Settings.MigrationsPath;
            Directory.CreateDirectory(folder);
            var name = Normalise(parse.GetValue(slug) ?? "");
            var version = NextVersion(folder, parse.GetValue(sequential), DateTime.UtcNow);
            var shape = MigrationFileShape.For(folder, parse.GetValue(pair), parse.GetValue(single));
            var files = shape.IsPair
                ? shape.Files(version, name, Template(name, "up"), Template(name, "down"))
                : [($"{version}_{name}.sql", Template(name, "single"))];
            foreach (var (file, text) in files)
            {
                File.WriteAllText(Path.Combine(folder, file), text);
            }

            var paths = files.Select(f => Output.RunRenderer.Relative(ctx, Path.Combine(folder, f.Item1))).ToList();
            if (ctx.Terminal.Json)
            {
                ctx.Terminal.WriteJson(new MessageJson("new", "created", paths), CliJsonContext.Default.MessageJson);
            }
            else
            {
                paths.ForEach(p => ctx.Terminal.Line($"[green]{ctx.Terminal.Tick}[/] created {Markup.Escape(p)}"));
                ctx.Terminal.Line("[grey]Write the SQL, then run strata migrate. An empty migration is reported as an error until it has SQL.[/]");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>--pair, shared by new and generate.</summary>
    internal static Option<bool> PairOption() => new("--pair")
    {
        Description = "Write the undo in a file of its own: the folder's kind of pair (N_slug.sql + N_slug.down.sql, N_slug_down.sql), else N_slug.up.sql + N_slug.down.sql. Default: as the folder's newest migration with an undo.",
    };

    /// <summary>--single, shared by new and generate.</summary>
    internal static Option<bool> SingleOption() => new("--single")
    {
        Description = "Write one file with a '-- strata:down' section, whatever the folder's convention.",
    };

    internal static string NextVersion(string folder, bool sequential, DateTime utcNow)
    {
        var versions = Directory.EnumerateFiles(folder, "*.sql")
            .Select(f => VersionPrefix().Match(Path.GetFileName(f)))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .ToList();
        var max = versions.Select(v => long.Parse(v, CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
        var timestamps = versions.Count > 0 && versions.All(v => v.Length is 14 or 17);
        if (sequential || (versions.Count > 0 && !timestamps))
        {
            var width = versions.Select(v => v.Length).DefaultIfEmpty(3).Max();
            return (max + 1).ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
        }

        var format = versions.Any(v => v.Length == 17) ? "yyyyMMddHHmmssfff" : "yyyyMMddHHmmss";
        var stamp = long.Parse(utcNow.ToString(format, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return stamp > max ? stamp.ToString(CultureInfo.InvariantCulture) : After(max, format);
    }

    /// <summary>
    /// The timestamp one tick (a second, or a millisecond for 17 digits) after <paramref name="max"/>, so two
    /// migrations made within one second stay valid times (20261206113859 → 20261206113900, never …113860).
    /// </summary>
    private static string After(long max, string format)
    {
        var text = max.ToString(CultureInfo.InvariantCulture);
        if (!DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var newest))
        {
            return (max + 1).ToString(CultureInfo.InvariantCulture);
        }

        var next = format.Length == 17 ? newest.AddMilliseconds(1) : newest.AddSeconds(1);
        return next.ToString(format, CultureInfo.InvariantCulture);
    }

    internal static string Normalise(string slug)
    {
        var name = NotSlug().Replace(slug.Trim().ToLowerInvariant(), "_").Trim('_');
        return name.Length > 0
            ? name
            : throw new StrataException(ErrorCategory.BadInput, $"'{slug}' has no letters or digits to name a migration", "e.g. strata new create_users");
    }

    private static string Template(string name, string part) => part switch
    {
        "up" => $"-- {name}: the change. Runs in a transaction; put '-- strata:no-transaction' on the first line for CREATE INDEX CONCURRENTLY.\n\n",
        "down" => $"-- {name}: undo the change (run by strata rollback).\n\n",
        _ => $"-- {name}: the change. Runs in a transaction; put '-- strata:no-transaction' on the first line for CREATE INDEX CONCURRENTLY.\n\n\n-- strata:down\n-- Undo the change here (run by strata rollback).\n\n",
    };

    [GeneratedRegex(@"^(\d{1,18})_")]
    private static partial Regex VersionPrefix();

    [GeneratedRegex("[^a-z0-9_]+")]
    private static partial Regex NotSlug();
}
