using System.Text;

namespace Strata.Codegen;

/// <summary>Builds a generated file line by line with four-space indentation and <c>\n</c> line ends.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public CodeWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4).Append(line);
        }

        _text.Append('\n');
        return this;
    }

    public CodeWriter Open(string line)
    {
        Line(line).Line("{");
        _indent++;
        return this;
    }

    public CodeWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    /// <summary>A <c>/// &lt;summary&gt;</c> block of XML doc <paramref name="markup"/> (escape database text with <see cref="Literals.Xml"/>); one line when it is one line.</summary>
    public CodeWriter Summary(string markup)
    {
        var lines = markup.Split('\n').Select(l => l.TrimEnd()).ToList();
        if (lines.Count == 1)
        {
            return Line("/// <summary>" + lines[0] + "</summary>");
        }

        Line("/// <summary>");
        lines.ForEach(l => Line(("/// " + l).TrimEnd()));
        return Line("/// </summary>");
    }

    /// <summary>A JSDoc block, each line after <paramref name="indent"/> (one line when the text is one line).</summary>
    public CodeWriter JsDoc(string text, string indent = "")
    {
        var lines = Literals.JsDocLines(text).ToList();
        if (lines.Count == 1)
        {
            return Line(indent + "/** " + lines[0] + " */");
        }

        Line(indent + "/**");
        lines.ForEach(l => Line((indent + " * " + l).TrimEnd()));
        return Line(indent + " */");
    }

    public override string ToString() => _text.ToString();
}
