namespace Strata.Studio;

/// <summary>One whole value of a table row, by the row's key (the page's link to download bytes or read a long value).</summary>
internal sealed record CellRequest(string Schema, string Table, string Column, IReadOnlyList<string?> Key);
