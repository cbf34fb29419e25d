namespace Strata.Studio;

/// <summary>An UPDATE or DELETE by key that did not touch exactly one row is not committed (the caller's transaction rolls back).</summary>
internal static class EditCheck
{
    public static void ExactlyOne(RowChange change, int affected)
    {
        if (change.OneRow && affected != 1)
        {
            throw new StudioRequestException(
                affected == 0
                    ? "no row has that key any more (changed or deleted since the page was read): nothing was changed; reload the page"
                    : $"the key matched {affected} rows: nothing was changed",
                409);
        }
    }
}
