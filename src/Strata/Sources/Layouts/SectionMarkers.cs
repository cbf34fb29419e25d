namespace Strata.Sources.Layouts;

/// <summary>
/// Finds the up and down markers of a one-file-per-migration tool (dbmate, goose, node-pg-migrate) line by line,
/// as those tools do (a marker is a whole comment line, wherever it is).
/// </summary>
internal static class SectionMarkers
{
    /// <summary>What a line is to the tool.</summary>
    public enum Marker
    {
        /// <summary>An ordinary line.</summary>
        None,

        /// <summary>Starts the up section.</summary>
        Up,

        /// <summary>Starts the down section.</summary>
        Down,
    }

    /// <summary>
    /// The up and down sections of <paramref name="path"/> (file lines; a marker line belongs to neither). Without an
    /// up marker the up section is what comes before the down marker, or the whole file. <paramref name="classify"/>
    /// finds the markers; <paramref name="noTransaction"/> reads a marker line's options (such as
    /// <c>transaction:false</c>).
    /// </summary>
    public static (LayoutSection Up, LayoutSection? Down) Split(string path, Func<string, Marker> classify, Func<string, Marker, bool> noTransaction)
    {
        var lines = File.ReadAllLines(path);
        int? upLine = null, downLine = null;
        bool upPlain = true, downPlain = true;
        for (var i = 0; i < lines.Length; i++)
        {
            var marker = classify(lines[i]);
            if (marker == Marker.Up && upLine is null)
            {
                upLine = i + 1;
                upPlain = !noTransaction(lines[i], marker);
            }
            else if (marker == Marker.Down && downLine is null)
            {
                downLine = i + 1;
                downPlain = !noTransaction(lines[i], marker);
            }
        }

        var upStart = upLine is { } u ? u + 1 : 1;
        var upEnd = downLine is { } d && d > (upLine ?? 0) ? d : (int?)null;
        var up = new LayoutSection(path, upStart, upEnd, upPlain);
        var down = downLine is { } start
            ? new LayoutSection(path, start + 1, upLine is { } later && later > start ? later : null, downPlain)
            : null;
        return (up, down);
    }

    /// <summary>
    /// The up and down sections of a file that may switch between them any number of times (sql-migrate): every
    /// line after an up marker until the next marker belongs to up, likewise for down; lines before the first marker
    /// belong to neither. A section runs without a transaction when any of its markers says so.
    /// </summary>
    public static (LayoutSection Up, LayoutSection? Down) SplitRepeated(string path, Func<string, Marker> classify, Func<string, Marker, bool> noTransaction)
    {
        var lines = File.ReadAllLines(path);
        var ranges = new Dictionary<Marker, List<(int, int?)>> { [Marker.Up] = [], [Marker.Down] = [] };
        var plain = new Dictionary<Marker, bool> { [Marker.Up] = true, [Marker.Down] = true };
        var current = Marker.None;
        var start = 0;
        for (var i = 0; i <= lines.Length; i++)
        {
            var marker = i < lines.Length ? classify(lines[i]) : Marker.Up;
            if (marker == Marker.None)
            {
                continue;
            }

            if (current != Marker.None)
            {
                ranges[current].Add((start, i < lines.Length ? i + 1 : null));
            }

            if (i < lines.Length)
            {
                (current, start) = (marker, i + 2);
                plain[marker] &= !noTransaction(lines[i], marker);
            }
        }

        return (Section(path, ranges[Marker.Up], plain[Marker.Up]) ?? new LayoutSection(path, lines.Length + 1, null, plain[Marker.Up]),
            Section(path, ranges[Marker.Down], plain[Marker.Down]));
    }

    private static LayoutSection? Section(string path, List<(int First, int? End)> ranges, bool transactional) =>
        ranges.Count == 0 ? null : new LayoutSection(path, ranges[0].First, ranges[0].End, transactional) { More = ranges[1..] };
}
