using Strata.Errors;

namespace Strata.Operations;

/// <summary>
/// One run of <see cref="FleetRunner"/>: the canary stage first (when asked), then the rest, at most
/// <see cref="FleetOptions.Parallel"/> targets at once; counts failures against the policy, stops starting targets when
/// it says so, and writes every event to the ledger and the observer.
/// </summary>
internal sealed class FleetRun
{
    private readonly IReadOnlyList<FleetTarget> _targets;
    private readonly FleetOptions _options;
    private readonly Func<FleetTarget, FleetOptions, CancellationToken, Task<FleetTargetResult>> _one;
    private readonly FleetLedger? _ledger;
    private readonly IReadOnlySet<string> _done;
    private readonly FleetTargetResult[] _results;
    private readonly int _failureLimit;
    private int _failures;
    private int _stop;

    public FleetRun(
        IReadOnlyList<FleetTarget> targets, FleetOptions options, Func<FleetTarget, FleetOptions, CancellationToken, Task<FleetTargetResult>> one, FleetLedger? ledger, IReadOnlySet<string> done)
    {
        _targets = targets;
        _options = options;
        _one = one;
        _ledger = ledger;
        _done = done;
        _results = new FleetTargetResult[targets.Count];
        _failureLimit = options.MaxFailures ?? (options.OnError == FleetErrorPolicy.Stop ? 1 : int.MaxValue);
    }

    public FleetStopReason Stop => (FleetStopReason)Volatile.Read(ref _stop);

    public IReadOnlyList<FleetTargetResult> Results => _results;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var canary = CanaryIndexes();
        if (canary.Count > 0)
        {
            _ledger?.Write("canary", null, ("targets", string.Join(",", canary.Select(i => _targets[i].Name))));
            await StageAsync(canary, cancellationToken).ConfigureAwait(false);
            if (Volatile.Read(ref _failures) > 0)
            {
                StopWith(FleetStopReason.Canary, replace: true);
            }
        }

        var rest = Enumerable.Range(0, _targets.Count).Where(i => !canary.Contains(i)).ToList();
        await StageAsync(rest, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The canary stage: the named targets, then the first <see cref="FleetOptions.Canary"/> of those still to run.</summary>
    private HashSet<int> CanaryIndexes()
    {
        var byName = Enumerable.Range(0, _targets.Count).ToDictionary(i => _targets[i].Name, StringComparer.Ordinal);
        var chosen = new HashSet<int>();
        foreach (var name in _options.CanaryTargets)
        {
            chosen.Add(byName.TryGetValue(name, out var index)
                ? index
                : throw new StrataException(ErrorCategory.BadInput, $"canary target {name} is not one of the {_targets.Count} targets", "name canary targets as the targets list spells them, or give a count"));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(_options.Canary);
        foreach (var index in Enumerable.Range(0, _targets.Count).Where(i => !_done.Contains(_targets[i].Name)).Take(_options.Canary))
        {
            chosen.Add(index);
        }

        chosen.RemoveWhere(i => _done.Contains(_targets[i].Name));
        return chosen;
    }

    private Task StageAsync(IEnumerable<int> indexes, CancellationToken cancellationToken) => Parallel.ForEachAsync(
        indexes.Order(),
        new ParallelOptions { MaxDegreeOfParallelism = _options.Parallel, CancellationToken = cancellationToken },
        async (index, ct) => Finish(index, await OneAsync(_targets[index], ct).ConfigureAwait(false)));

    private async Task<FleetTargetResult> OneAsync(FleetTarget target, CancellationToken cancellationToken)
    {
        if (_done.Contains(target.Name))
        {
            return new FleetTargetResult(target.Name, FleetOutcome.DoneEarlier, 0, null, TimeSpan.Zero);
        }

        if (Stop != FleetStopReason.None)
        {
            _ledger?.Write("skipped", target.Name);
            return new FleetTargetResult(target.Name, FleetOutcome.Skipped, 0, null, TimeSpan.Zero);
        }

        _ledger?.Write("started", target.Name);
        _options.Observer?.OnStarted(target.Name);
        var result = await _one(target, _options, cancellationToken).ConfigureAwait(false);
        if (result.Outcome == FleetOutcome.Failed)
        {
            _ledger?.Write("failed", target.Name, ("ms", (long)result.Duration.TotalMilliseconds), ("category", result.Category?.ToString()), ("error", result.Error));
            if (Interlocked.Increment(ref _failures) >= _failureLimit)
            {
                StopWith(_options.MaxFailures is null ? FleetStopReason.Failure : FleetStopReason.MaxFailures);
            }
        }
        else
        {
            _ledger?.Write("succeeded", target.Name, ("outcome", result.Outcome.ToString()), ("applied", result.Applied), ("head", result.Head), ("ms", (long)result.Duration.TotalMilliseconds), ("read", result.SharedRead ? "shared" : null));
        }

        return result;
    }

    private void Finish(int index, FleetTargetResult result)
    {
        _results[index] = result;
        _options.Observer?.OnFinished(result);
    }

    /// <summary>Starts no further target; the first reason stays, unless <paramref name="replace"/> (a canary failure says more than the failure itself).</summary>
    private void StopWith(FleetStopReason reason, bool replace = false)
    {
        var before = replace ? Interlocked.Exchange(ref _stop, (int)reason) : Interlocked.CompareExchange(ref _stop, (int)reason, (int)FleetStopReason.None);
        if (before == (int)FleetStopReason.None || (replace && before != (int)reason))
        {
            _ledger?.Write("stopped", null, ("reason", reason.ToString().ToLowerInvariant()), ("failures", Volatile.Read(ref _failures)));
        }
    }
}
