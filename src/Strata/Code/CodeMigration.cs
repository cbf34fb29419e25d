using System.Security.Cryptography;
using System.Text;
using Strata.Errors;

namespace Strata.Code;

/// <summary>
/// A migration written in C#: subclass it, give it a version and a name, and implement <see cref="UpAsync"/> and
/// <see cref="DownAsync"/> (or derive from <see cref="ForwardOnlyCodeMigration"/> when there is no way back).
/// Register instances explicitly with <see cref="CodeMigrationSource"/>; they share one version order with SQL files.
/// </summary>
/// <example>
/// <code>
/// public sealed class SeedRoles() : CodeMigration(20240101000005, "seed_roles")
/// {
///     public override Task UpAsync(MigrationContext db, CancellationToken ct) =>
///         db.ExecuteAsync("INSERT INTO roles (name) VALUES ('admin'), ('member')", ct);
///
///     public override Task DownAsync(MigrationContext db, CancellationToken ct) =>
///         db.ExecuteAsync("DELETE FROM roles WHERE name IN ('admin', 'member')", ct);
/// }
/// </code>
/// </example>
public abstract class CodeMigration
{
    /// <summary>Creates the migration; throws <see cref="ArgumentException"/> on a version below 0 or a name that is not a slug.</summary>
    /// <param name="version">The version (1–18 digits, like a file name's), ordered with SQL migrations.</param>
    /// <param name="name">The slug: letters, digits and underscores (<c>seed_roles</c>).</param>
    protected CodeMigration(long version, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || name[0] == '_')
        {
            throw new ArgumentException($"'{name}' is not a migration name: use letters, digits and underscores, starting with a letter or digit", nameof(name));
        }

        Version = version;
        Name = name;
    }

    /// <summary>
    /// Orders this migration among all others, SQL files included (numerically, like a file name's version); recorded
    /// in the history and shown as the prefix of <see cref="ToString"/>.
    /// </summary>
    public long Version { get; }

    /// <summary>The slug after the version in <c>status</c> output and the history's <c>name</c> column (<c>seed_roles</c>).</summary>
    public string Name { get; }

    /// <summary>
    /// False to run outside a transaction (like <c>-- strata:no-transaction</c>): then
    /// <see cref="MigrationContext.Transaction"/> is null and a failure half-way leaves the migration marked as started.
    /// </summary>
    public virtual bool Transactional => true;

    /// <summary>The environments it applies in (like <c>-- strata:env</c>); empty for all.</summary>
    public virtual IReadOnlyList<string> Environments => [];

    /// <summary>
    /// What the history records to detect edits. By default it changes only when the class, version or name
    /// changes; override it (e.g. return <c>"v2"</c>) when a changed body should count as an edited migration.
    /// </summary>
    public virtual string Checksum =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"code:{GetType().FullName}:{Version}:{Name}")));

    /// <summary>Applies the change. Throwing rolls the transaction back; the exception is reported as the failure.</summary>
    public abstract Task UpAsync(MigrationContext context, CancellationToken cancellationToken);

    /// <summary>Reverts <see cref="UpAsync"/>; run by <c>rollback</c>.</summary>
    public abstract Task DownAsync(MigrationContext context, CancellationToken cancellationToken);

    /// <summary>The display name users see: <c>20240101000005_seed_roles</c>.</summary>
    public override string ToString() => $"{Version}_{Name}";

    /// <summary>Thrown by <see cref="ForwardOnlyCodeMigration"/>'s down step, which Strata never runs.</summary>
    internal static StrataException NoDown(CodeMigration migration) =>
        new(ErrorCategory.BadInput, $"{migration} is forward-only and has no down step");
}
