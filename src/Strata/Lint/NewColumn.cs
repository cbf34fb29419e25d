namespace Strata.Lint;

/// <summary>A column added in the release to a table the previous release has: whether it is NOT NULL and has a default now.</summary>
internal sealed class NewColumn
{
    public NewColumn(bool notNull, bool hasDefault)
    {
        NotNull = notNull;
        HasDefault = hasDefault;
    }

    public bool NotNull { get; set; }

    public bool HasDefault { get; set; }
}
