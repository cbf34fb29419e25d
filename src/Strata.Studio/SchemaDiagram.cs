using System.Globalization;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;

namespace Strata.Studio;

/// <summary>
/// The relationship diagram, drawn by the server (nothing loaded from anywhere): Mermaid <c>erDiagram</c> text, and an SVG
/// of table boxes in a grid with a line per foreign key. Styling is in attributes, not a style sheet, so the studio's
/// Content-Security-Policy allows it.
/// </summary>
internal static partial class SchemaDiagram
{
    private const int Width = 240, Header = 24, Line = 16, MaxLines = 15, GapX = 70, GapY = 40, Margin = 20;

    public static string Mermaid(IReadOnlyList<TableSchemaJson> tables)
    {
        var text = new StringBuilder("erDiagram\n");
        foreach (var table in tables)
        {
            text.Append("  ").Append(Entity(table.Schema, table.Name)).Append(" {\n");
            foreach (var column in table.Columns)
            {
                var foreign = table.ForeignKeys.Any(f => f.Columns.Contains(column.Name));
                var marks = string.Join(", ", new[] { column.Key ? "PK" : null, foreign ? "FK" : null }.Where(m => m is not null));
                text.Append("    ").Append(Word(column.Type)).Append(' ').Append(Word(column.Name)).Append(marks.Length > 0 ? " " + marks : "").Append('\n');
            }

            text.Append("  }\n");
        }

        foreach (var table in tables)
        {
            foreach (var key in table.ForeignKeys)
            {
                text.Append("  ").Append(Entity(key.RefSchema, key.RefTable)).Append(" ||--o{ ").Append(Entity(table.Schema, table.Name))
                    .Append(" : \"").Append(string.Join(", ", key.Columns).Replace("\"", "'", StringComparison.Ordinal)).Append("\"\n");
            }
        }

        return text.ToString();
    }

    public static string Svg(IReadOnlyList<TableSchemaJson> tables)
    {
        var perRow = Math.Max(1, (int)Math.Ceiling(Math.Sqrt(tables.Count)));
        var boxes = new Dictionary<(string, string), (int X, int Y, int H)>();
        var (y, width, height) = (Margin, Margin, Margin);
        foreach (var row in tables.Chunk(perRow))
        {
            var x = Margin;
            var rowHeight = 0;
            foreach (var table in row)
            {
                var h = Header + (Line * Math.Min(table.Columns.Count + (table.Columns.Count > MaxLines ? 1 : 0), MaxLines + 1)) + 6;
                boxes[(table.Schema, table.Name)] = (x, y, h);
                rowHeight = Math.Max(rowHeight, h);
                x += Width + GapX;
            }

            width = Math.Max(width, x - GapX + Margin);
            y += rowHeight + GapY;
            height = y - GapY + Margin;
        }

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>\n");
        foreach (var table in tables)
        {
            foreach (var key in table.ForeignKeys)
            {
                if (boxes.TryGetValue((key.RefSchema, key.RefTable), out var to) && (key.RefSchema, key.RefTable) != (table.Schema, table.Name))
                {
                    var from = boxes[(table.Schema, table.Name)];
                    var (x1, x2) = from.X < to.X ? (from.X + Width, to.X) : from.X > to.X ? (from.X, to.X + Width) : (from.X + Width, to.X + Width);
                    var (y1, y2) = (from.Y + (Header / 2), to.Y + (Header / 2));
                    svg.Append(CultureInfo.InvariantCulture, $"<g class=\"fk\"><title>{Xml(table.Name)}({Xml(string.Join(", ", key.Columns))}) → {Xml(key.RefTable)}</title>");
                    svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\" stroke=\"#0969da\" stroke-width=\"1.5\"/><circle cx=\"{x2}\" cy=\"{y2}\" r=\"4\" fill=\"#0969da\"/></g>\n");
                }
            }
        }

        foreach (var table in tables)
        {
            var (x, top, h) = boxes[(table.Schema, table.Name)];
            var title = table.Schema is "public" or "main" ? table.Name : table.Schema + "." + table.Name;
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"table\" data-table=\"{Xml(title)}\"><rect x=\"{x}\" y=\"{top}\" width=\"{Width}\" height=\"{h}\" rx=\"4\" fill=\"#ffffff\" stroke=\"#57606a\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{top}\" width=\"{Width}\" height=\"{Header}\" rx=\"4\" fill=\"#ddf4ff\" stroke=\"#57606a\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 8}\" y=\"{top + 16}\" font-weight=\"bold\" fill=\"#1b1f24\">{Xml(Cut(title, 34))}</text>\n");
            var lines = table.Columns.Take(MaxLines).Select(c => (Cut(c.Name, 18) + (c.Key ? " (key)" : ""), Cut(c.Type, 14), c.Key)).ToList();
            if (table.Columns.Count > MaxLines)
            {
                lines.Add(($"… {table.Columns.Count - MaxLines} more", "", false));
            }

            for (var i = 0; i < lines.Count; i++)
            {
                var baseline = top + Header + (Line * (i + 1)) - 2;
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 8}\" y=\"{baseline}\" fill=\"#1b1f24\"{(lines[i].Key ? " font-weight=\"bold\"" : "")}>{Xml(lines[i].Item1)}</text>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + Width - 8}\" y=\"{baseline}\" text-anchor=\"end\" fill=\"#6a737d\">{Xml(lines[i].Item2)}</text>\n");
            }

            svg.Append("</g>\n");
        }

        return svg.Append("</svg>\n").ToString();
    }

    private static string Entity(string schema, string name) => Word(schema is "public" or "main" ? name : schema + "_" + name);

    private static string Word(string text)
    {
        var word = NotWord().Replace(text, "_");
        return word.Length == 0 || char.IsDigit(word[0]) ? "_" + word : word;
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static string Xml(string text) => SecurityElement.Escape(text);

    [GeneratedRegex("[^A-Za-z0-9_]")]
    private static partial Regex NotWord();
}
