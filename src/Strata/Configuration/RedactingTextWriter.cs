using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Strata.Configuration;

/// <summary>
/// A <see cref="TextWriter"/> that passes everything through a <see cref="Redactor"/> before the wrapped writer sees
/// it. The CLI wraps stdout and stderr with it, and loggers write through it. Text is held back until a line ends
/// (or <see cref="Flush"/>), so a secret split across several <c>Write</c> calls is still masked; a very long line
/// is released in pieces that never cut through a secret. <see cref="Flush"/> and <see cref="TextWriter.Dispose()"/>
/// emit what is held. Thread-safe: writes from several threads are serialised.
/// </summary>
public sealed class RedactingTextWriter : TextWriter
{
    private const int MaxHeld = 8192;

    private readonly TextWriter _inner;
    private readonly Redactor _redactor;
    private readonly bool _leaveOpen;
    private readonly StringBuilder _held = new();
    private readonly Lock _gate = new();

    /// <summary>Wraps <paramref name="inner"/>; with <paramref name="leaveOpen"/> disposing this writer does not dispose it.</summary>
    public RedactingTextWriter(TextWriter inner, Redactor redactor, bool leaveOpen = false)
        : base(inner?.FormatProvider)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(redactor);
        _inner = inner;
        _redactor = redactor;
        _leaveOpen = leaveOpen;
        CoreNewLine = inner.NewLine.ToCharArray();
    }

    /// <inheritdoc />
    public override Encoding Encoding => _inner.Encoding;

    /// <inheritdoc />
    [AllowNull]
    public override string NewLine
    {
        get => base.NewLine;
        set
        {
            base.NewLine = value;
            _inner.NewLine = value;
        }
    }

    /// <inheritdoc />
    public override void Write(char value)
    {
        lock (_gate)
        {
            _held.Append(value);
            Release(value == '\n');
        }
    }

    /// <inheritdoc />
    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<char> buffer)
    {
        lock (_gate)
        {
            _held.Append(buffer);
            Release(buffer.Contains('\n'));
        }
    }

    /// <inheritdoc />
    public override void Write(string? value) => Write(value.AsSpan());

    /// <inheritdoc />
    public override void Flush()
    {
        lock (_gate)
        {
            EmitUpTo(_held.Length);
            _inner.Flush();
        }
    }

    /// <inheritdoc />
    public override Task FlushAsync()
    {
        Flush();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
            if (!_leaveOpen)
            {
                _inner.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private void Release(bool lineEnded)
    {
        if (!lineEnded && _held.Length <= MaxHeld)
        {
            return;
        }

        var text = _held.ToString();
        var cut = lineEnded ? text.LastIndexOf('\n') + 1 : text.Length;
        if (_redactor.HasMultilineForm || !lineEnded)
        {
            cut = Math.Min(cut, text.Length - Math.Max(_redactor.LongestForm - 1, 0));
        }

        EmitUpTo(SafeCut(text, cut));
    }

    /// <summary>Moves <paramref name="cut"/> back until no secret form straddles it.</summary>
    private int SafeCut(string text, int cut)
    {
        var moved = true;
        while (moved && cut > 0)
        {
            moved = false;
            foreach (var form in _redactor.Forms)
            {
                for (var start = Math.Max(0, cut - form.Length + 1); start < cut; start++)
                {
                    if (start + form.Length <= text.Length && string.CompareOrdinal(text, start, form, 0, form.Length) == 0)
                    {
                        cut = start;
                        moved = true;
                        break;
                    }
                }
            }
        }

        return cut;
    }

    private void EmitUpTo(int cut)
    {
        if (cut <= 0)
        {
            return;
        }

        var chunk = _held.ToString(0, cut);
        _held.Remove(0, cut);
        _inner.Write(_redactor.Redact(chunk));
    }
}
