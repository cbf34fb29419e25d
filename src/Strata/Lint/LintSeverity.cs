namespace Strata.Lint;

/// <summary>How much a lint finding matters. Errors make <c>strata lint</c> exit 3; <see cref="Off"/> turns a rule off.</summary>
public enum LintSeverity
{
    /// <summary>The rule is not checked.</summary>
    Off,

    /// <summary>Worth knowing; never fails a run.</summary>
    Note,

    /// <summary>Probably unsafe on a busy or populated database; review it.</summary>
    Warning,

    /// <summary>Loses data, fails, or blocks traffic as written; fails the run (exit 3).</summary>
    Error,
}
