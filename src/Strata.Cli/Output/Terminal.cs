using System.Text.Json.Serialization.Metadata;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Strata.Cli.Output;

/// <summary>
/// Where the CLI writes: human text on stdout (unless <c>--quiet</c> or <c>--json</c>), JSON on stdout,
/// warnings and errors on stderr. Both streams are already wrapped by the redaction layer.
/// </summary>
internal sealed class Terminal
{
    private readonly TextWriter _out;
    private readonly object _gate = new();

    public Terminal(TextWriter stdout, TextWriter stderr, bool color, bool json, bool quiet, bool verbose)
    {
        _out = stdout;
        Error = stderr;
        Json = json;
        Quiet = quiet;
        Verbose = verbose;
        Out = Create(stdout, color);
        Err = Create(stderr, color);
        Unicode = color;
    }

    /// <summary>Human output on stdout.</summary>
    public IAnsiConsole Out { get; }

    /// <summary>Human output on stderr.</summary>
    public IAnsiConsole Err { get; }

    /// <summary>The raw stderr writer.</summary>
    public TextWriter Error { get; }

    public bool Json { get; }

    public bool Quiet { get; }

    public bool Verbose { get; }

    /// <summary>Whether to use symbols such as ✓ (only on colour terminals, to keep logs plain ASCII).</summary>
    public bool Unicode { get; }

    public string Tick => Unicode ? "✓" : "ok";

    public string Cross => Unicode ? "✗" : "FAILED";

    /// <summary>True when human progress and summaries should be printed.</summary>
    public bool Human => !Json && !Quiet;

    /// <summary>Prints a markup line on stdout for humans (ignored with --json or --quiet).</summary>
    public void Line(string markup)
    {
        if (Human)
        {
            lock (_gate)
            {
                Out.MarkupLine(markup);
            }
        }
    }

    public void Render(IRenderable renderable)
    {
        if (Human)
        {
            lock (_gate)
            {
                Out.Write(renderable);
            }
        }
    }

    /// <summary>Progress and notes on stderr, so stdout stays clean for pipes (ignored with --quiet).</summary>
    public void Note(string markup)
    {
        if (!Quiet)
        {
            lock (_gate)
            {
                Err.MarkupLine(markup);
            }
        }
    }

    public void Warning(string text)
    {
        lock (_gate)
        {
            Err.MarkupLine("[yellow]warning:[/] " + Markup.Escape(text));
        }
    }

    /// <summary>Text for humans on stdout exactly as given: SQL must never be wrapped or re-flowed.</summary>
    public void Raw(string text)
    {
        if (Human)
        {
            lock (_gate)
            {
                _out.WriteLine(text);
            }
        }
    }

    /// <summary>A command's product on stdout exactly as given (SQL of dump, diff, pull -o -), printed even with --quiet.</summary>
    public void Data(string text)
    {
        lock (_gate)
        {
            _out.WriteLine(text);
        }
    }

    /// <summary>Text on stderr exactly as given (source lines and carets of a failure).</summary>
    public void RawError(string text)
    {
        lock (_gate)
        {
            Error.WriteLine(text);
        }
    }

    /// <summary>Machine-readable text (JSON, SARIF) on stdout, printed whatever --quiet says.</summary>
    public void Machine(string text)
    {
        lock (_gate)
        {
            _out.WriteLine(text);
        }
    }

    public void WriteJson<T>(T value, JsonTypeInfo<T> type)
    {
        lock (_gate)
        {
            _out.WriteLine(Output.Json.CliJson.Serialize(value, type));
        }
    }

    private static IAnsiConsole Create(TextWriter writer, bool color)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        if (!color)
        {
            console.Profile.Width = 4096;
        }

        console.Profile.Capabilities.Unicode = color;
        return console;
    }
}
