namespace Strata.Errors;

/// <summary>Another process held the migration lock for longer than the configured wait.</summary>
public sealed class LockTimeoutException : StrataException
{
    /// <summary>Creates the error naming the holder when it is known.</summary>
    public LockTimeoutException(TimeSpan waited, string holder)
        : base(
            ErrorCategory.Unavailable,
            $"timed out after {waited.TotalSeconds:0.#} s waiting for the migration lock, held by {holder}",
            "wait for that process to finish, or stop it; raise the wait with --lock-timeout <seconds>")
    {
        Waited = waited;
        Holder = holder;
    }

    /// <summary>How long Strata waited before giving up: about the configured lock timeout.</summary>
    public TimeSpan Waited { get; }

    /// <summary>Who holds the lock, e.g. <c>pid 4242 (application_name 'strata', user 'app')</c>.</summary>
    public string Holder { get; }
}
