using System.CommandLine;
using Strata.Cli.Output;
using Strata.Errors;
using Strata.Operations;

namespace Strata.Cli.Infrastructure;

/// <summary>
/// The fleet options of <c>migrate</c> and <c>status</c> (<c>--targets</c>, <c>--parallel</c>, <c>--on-error</c>,
/// <c>--resume</c>): reads the targets file, hands the targets to <see cref="FleetRunner"/>, renders its summary and
/// returns the exit code.
/// </summary>
internal sealed class FleetCli
{
    private readonly Option<string?> _targets = new("--targets") { Description = "Run over many databases: a file with one database URL (or strata.json environment name) per line; # starts a comment. Prints one summary; every event goes to a ledger in .strata/runs/." };
    private readonly Option<int> _parallel = new("--parallel") { Description = "With --targets: how many databases run at once (default 4).", DefaultValueFactory = _ => 4 };
    private readonly Option<string> _onError = new("--on-error") { Description = "With --targets: stop (default: start no further database after a failure) or continue (every other database still runs).", DefaultValueFactory = _ => "stop" };
    private readonly Option<string?> _resume = new("--resume") { Description = "With --targets: the run id a fleet run printed; runs the databases that did not succeed in it (failed, skipped or never started) and appends to its ledger." };

    public void AddTo(Command command)
    {
        command.Options.Add(_targets);
        command.Options.Add(_parallel);
        command.Options.Add(_onError);
        command.Options.Add(_resume);
    }

    public bool Requested(ParseResult parse)
    {
        if (parse.GetValue(_targets) is not null)
        {
            return true;
        }

        return parse.GetValue(_resume) is not null
            ? throw new StrataException(ErrorCategory.BadInput, "--resume needs --targets", "give the same --targets file as the run being resumed")
            : false;
    }

    public async Task<int> RunAsync(CommandContext ctx, string command, Planning.MigrateOptions migrate, CancellationToken cancellationToken)
    {
        var parse = ctx.Parse;
        var file = Path.GetFullPath(parse.GetValue(_targets)!, ctx.Host.WorkingDirectory);
        var policy = parse.GetValue(_onError) switch
        {
            "stop" => FleetErrorPolicy.Stop,
            "continue" => FleetErrorPolicy.Continue,
            var other => throw new StrataException(ErrorCategory.BadInput, $"--on-error {other}: expected stop or continue"),
        };
        var parallel = parse.GetValue(_parallel);
        if (parallel < 1)
        {
            throw new StrataException(ErrorCategory.BadInput, $"--parallel {parallel}: expected 1 or more");
        }

        var targets = ReadTargets(ctx, file);
        var root = ctx.Settings.ConfigFile is { } config ? Path.GetDirectoryName(config)! : ctx.Host.WorkingDirectory;
        var options = new FleetOptions
        {
            Parallel = parallel,
            OnError = policy,
            LedgerFolder = Path.Combine(root, ".strata", "runs"),
            Resume = parse.GetValue(_resume),
            Migrate = migrate,
        };
        var runner = new FleetRunner(ctx.Source, ctx.MigratorOptions);
        var result = command == "status"
            ? await runner.StatusAsync(targets, options, cancellationToken)
            : await runner.MigrateAsync(targets, options, cancellationToken);
        FleetRenderer.Render(ctx, command, parse.GetValue(_targets)!, result);
        return ExitCode(result);
    }

    /// <summary>The worst outcome decides: 4 a migration failed, 5 unreachable, 2 refused, 1 a bug, 3 status not clean, else 0.</summary>
    private static int ExitCode(FleetResult result)
    {
        var failed = result.Targets.Where(t => t.Outcome == FleetOutcome.Failed).Select(t => t.Category).ToList();
        return failed switch
        {
            _ when failed.Contains(ErrorCategory.MigrationFailed) => ExitCodes.MigrationFailed,
            _ when failed.Contains(ErrorCategory.Unavailable) => ExitCodes.Unavailable,
            _ when failed.Contains(ErrorCategory.BadInput) => ExitCodes.BadInput,
            _ when failed.Count > 0 && failed.Contains(null) => ExitCodes.InternalError,
            _ when failed.Count > 0 => ExitCodes.CheckFailed,
            _ when result.Count(FleetOutcome.Pending) > 0 || result.Count(FleetOutcome.Skipped) > 0 => ExitCodes.CheckFailed,
            _ => ExitCodes.Success,
        };
    }

    private static List<FleetTarget> ReadTargets(CommandContext ctx, string file)
    {
        if (!File.Exists(file))
        {
            throw new StrataException(ErrorCategory.BadInput, $"--targets {file}: no such file", "write one database URL (or environment name) per line");
        }

        var targets = new List<FleetTarget>();
        var number = 0;
        foreach (var raw in File.ReadLines(file))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var target = ctx.ResolveOther(line, $"{RunRenderer.Relative(ctx, file)}:{number}", out _);
            targets.Add(new FleetTarget(target.DisplayName, ProviderFactory.Create(target, ctx.Settings)));
        }

        return targets.Count > 0 ? targets : throw new StrataException(ErrorCategory.BadInput, $"--targets {file}: lists no database", "write one database URL (or environment name) per line");
    }
}
