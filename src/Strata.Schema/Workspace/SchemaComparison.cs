namespace Strata.Schema;

/// <summary>
/// The current and the desired state of a comparison, and the changes between them (Strata's history schema left out
/// of them): <see cref="Changes"/> turns current into desired, <see cref="Reverse"/> (computed when first asked for)
/// turns it back.
/// </summary>
public sealed class SchemaComparison
{
    private readonly DatabaseSchema _from;
    private readonly DatabaseSchema _to;
    private readonly IDdlRenderer _renderer;
    private readonly IReadOnlyList<RenameHint> _renames;
    private SchemaDiff? _reverse;

    internal SchemaComparison(DatabaseSchema current, DatabaseSchema desired, string? historySchema, IDdlRenderer renderer, IReadOnlyList<RenameHint>? renames, IReadOnlyList<UnmanagedObject> notManaged)
    {
        Current = current;
        Desired = desired;
        (_from, _to) = HistorySchema.Align(current, desired, historySchema);
        _renderer = renderer;
        _renames = renames ?? [];
        Changes = SchemaDiffer.Compare(_from, _to, renderer, _renames);
        NotManaged = notManaged;
    }

    /// <summary>The state compared from (the database, or what the migrations produce).</summary>
    public DatabaseSchema Current { get; }

    /// <summary>The state compared to (what the schema files declare).</summary>
    public DatabaseSchema Desired { get; }

    /// <summary>The ordered changes that turn <see cref="Current"/> into <see cref="Desired"/>.</summary>
    public SchemaDiff Changes { get; }

    /// <summary>The changes that turn <see cref="Desired"/> back into <see cref="Current"/> (renames reversed).</summary>
    public SchemaDiff Reverse => _reverse ??= SchemaDiffer.Compare(_to, _from, _renderer, RenameApplier.Reverse(_renames));

    /// <summary>Both directions as a plan (a generated migration's up and down).</summary>
    public SchemaPlan Plan => new(Changes, Reverse);

    /// <summary>Objects either side holds that Strata cannot model and the options do not accept, each once, sorted.</summary>
    public IReadOnlyList<UnmanagedObject> NotManaged { get; }
}
