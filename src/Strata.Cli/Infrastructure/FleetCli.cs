using System.CommandLine;
using System.Globalization;
using Strata.Cli.Output;
using Strata.Errors;
using Strata.Operations;

namespace Strata.Cli.Infrastructure;

/// <summary>
/// The fleet options of <c>migrate</c>, <c>status</c> and <c>rollback</c> (<c>--targets</c>, <c>--targets-sql</c>,
/// <c>--targets-cmd</c>, <c>--schemas</c>, <c>--parallel</c>, <c>--on-error</c>, <c>--max-failures</c>, <c>--canary</c>,
/// <c>--resume</c>): reads the targets, hands them to <see cref="FleetRunner"/> under a progress view, renders its
/// summary and returns the exit code.
/// </summary>
internal sealed class FleetCli
{
    private readonly Option<string?> _targets = new("--targets") { Description = "Run over many databases: a file with one database URL (or strata.json environment name) per line; # starts a comment. Prints one summary; every event goes to a ledger in .strata/runs/." };
    private readonly Option<string?> _targetsSql = new("--targets-sql") { Description = "Run over the databases (or with --schemas, schemas) a query lists: its first column, run read-only on the configured (control) database, e.g. \"select url from tenants where active\".", HelpName = "query" };
    private readonly Option<string?> _targetsCmd = new("--targets-cmd") { Description = "Run over the databases (or with --schemas, schemas) a command prints, one per line (run by /bin/sh -c; it must exit 0).", HelpName = "command" };
    private readonly Option<bool> _schemas = new("--schemas") { Description = "Schema per tenant: the targets are schemas of the configured PostgreSQL database; each gets search_path set to it and its own history table (and lock) in it." };
    private readonly Option<int> _parallel = new("--parallel") { Description = "With --targets: how many targets run at once (default 4).", DefaultValueFactory = _ => 4 };
    private readonly Option<string> _onError = new("--on-error") { Description = "With --targets: stop (default: start no further target after a failure) or continue (every other target still runs).", DefaultValueFactory = _ => "stop" };
    private readonly Option<int?> _maxFailures = new("--max-failures") { Description = "With --targets: start no further target once N have failed (those running finish); implies --on-error continue until then.", HelpName = "N" };
    private readonly Option<string?> _canary = new("--canary") { Description = "With --targets: run these first (a count N: the first N targets; or a comma-separated list of targets); the rest start only when every one succeeded.", HelpName = "N|list" };
    private readonly Option<string?> _resume = new("--resume") { Description = "With --targets: the run id a fleet run printed; runs the targets that did not succeed in it (failed, skipped or never started) and appends to its ledger." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _targets, _targetsSql, _targetsCmd, _schemas, _parallel, _onError, _maxFailures, _canary, _resume })
        {
            command.Options.Add(option);
        }
    }

    public bool Requested(ParseResult parse)
    {
        var given = Sources(parse).Count;
        if (given > 1)
        {
            throw new StrataException(ErrorCategory.BadInput, "--targets, --targets-sql and --targets-cmd cannot be combined", "give the targets one way");
        }

        if (given == 1)
        {
            return true;
        }

        var orphan = new (string Name, bool Given)[]
        {
            ("--resume", parse.GetValue(_resume) is not null), ("--canary", parse.GetValue(_canary) is not null),
            ("--max-failures", parse.GetValue(_maxFailures) is not null), ("--schemas", parse.GetValue(_schemas)),
        }.FirstOrDefault(o => o.Given).Name;
        return orphan is null
            ? false
            : throw new StrataException(ErrorCategory.BadInput, $"{orphan} needs --targets, --targets-sql or --targets-cmd", orphan == "--resume" ? "give the same targets as the run being resumed" : "name the targets of the fleet run");
    }

    public async Task<int> RunAsync(CommandContext ctx, string command, FleetOptions seed, CancellationToken cancellationToken, Strata.Lint.Linter? linter = null)
    {
        var parse = ctx.Parse;
        var options = Options(parse, seed);
        var listed = await ReadAsync(ctx, parse, cancellationToken);
        var targets = listed.Select(l => l.Target).ToList();
        var canary = Canary(parse.GetValue(_canary), listed);
        var root = ctx.Settings.ConfigFile is { } config ? Path.GetDirectoryName(config)! : ctx.Host.WorkingDirectory;
        await FleetHeadroom.WarnAsync(ctx, listed, options.Parallel, cancellationToken);
        var progress = new FleetProgress(ctx.Terminal, command, targets.Count, ctx.Host.OutputIsTerminal);
        options = options with
        {
            Canary = canary.Count,
            CanaryTargets = canary.Names,
            Observer = progress,
            LedgerFolder = Path.Combine(root, ".strata", "runs"),
            Resume = parse.GetValue(_resume),
            HistoryReader = parse.GetValue(_schemas) ? CommandContext.Dialects.CreateSchemaHistories(ctx.Database) : null,
        };
        var runner = new FleetRunner(ctx.Source, ctx.MigratorOptions);
        var result = await progress.RunAsync(() => command switch
        {
            "status" => runner.StatusAsync(targets, options, cancellationToken),
            "rollback" => runner.RollbackAsync(targets, options, cancellationToken),
            "lint" => runner.LintAsync(targets, linter!, options, cancellationToken),
            _ => runner.MigrateAsync(targets, options, cancellationToken),
        });
        var policy = new FleetPolicyText(parse.GetValue(_canary) is { } c ? "--canary " + c : null, options.MaxFailures is { } m ? "--max-failures " + m.ToString(CultureInfo.InvariantCulture) : null);
        FleetRenderer.Render(ctx, command, TargetsOptions(parse), result, policy);
        return ExitCode(result);
    }

    private List<(string Name, string Value)> Sources(ParseResult parse) =>
        new (string Name, string? Value)[] { ("--targets", parse.GetValue(_targets)), ("--targets-sql", parse.GetValue(_targetsSql)), ("--targets-cmd", parse.GetValue(_targetsCmd)) }
            .Where(s => s.Value is not null).Select(s => (s.Name, s.Value!)).ToList();

    private FleetOptions Options(ParseResult parse, FleetOptions seed)
    {
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

        var maxFailures = parse.GetValue(_maxFailures);
        if (maxFailures is < 1)
        {
            throw new StrataException(ErrorCategory.BadInput, $"--max-failures {maxFailures}: expected 1 or more", "--max-failures 1 stops at the first failure, as --on-error stop does");
        }

        return seed with { Parallel = parallel, OnError = maxFailures is null ? policy : FleetErrorPolicy.Continue, MaxFailures = maxFailures };
    }

    private async Task<List<FleetTargets.Listed>> ReadAsync(CommandContext ctx, ParseResult parse, CancellationToken ct)
    {
        var (name, value) = Sources(parse)[0];
        var schemas = parse.GetValue(_schemas);
        var lines = name switch
        {
            "--targets" => FleetTargets.File(ctx, value),
            "--targets-sql" => await FleetTargets.QueryAsync(ctx, value, ct),
            _ => await FleetTargets.CommandAsync(ctx, value, ct),
        };
        return FleetTargets.FromLines(ctx, lines, schemas, name == "--targets" ? $"--targets {value}" : name);
    }

    /// <summary>A count (the first N still to run) or a comma-separated list of targets, each as listed or as shown.</summary>
    private static (int Count, IReadOnlyCollection<string> Names) Canary(string? text, List<FleetTargets.Listed> listed)
    {
        if (text is null)
        {
            return (0, []);
        }

        if (text.Length is > 0 and <= 6 && text.All(char.IsAsciiDigit))
        {
            var count = int.Parse(text, CultureInfo.InvariantCulture);
            return count is > 0
                ? (count, [])
                : throw new StrataException(ErrorCategory.BadInput, "--canary 0: expected a count of 1 or more, or a list of targets", "leave --canary out to run every target at once");
        }

        var names = new List<string>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = listed.FirstOrDefault(l => l.Value == part || l.Target.Name == part)
                ?? throw new StrataException(ErrorCategory.BadInput, $"--canary: {part} is not one of the {listed.Count} targets", "name canary targets as the targets list spells them (or as the summary shows them), or give a count");
            names.Add(match.Target.Name);
        }

        return (0, names);
    }

    /// <summary>The targets options again, for the resume command: <c>--targets tenants.txt</c>, <c>--targets-sql '…' --schemas</c>.</summary>
    private string TargetsOptions(ParseResult parse)
    {
        var (name, value) = Sources(parse)[0];
        var quoted = value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '/' or '_' or '-') ? value : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
        return $"{name} {quoted}" + (parse.GetValue(_schemas) ? " --schemas" : "");
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
}
