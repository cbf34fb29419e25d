using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Strata.Hosting.Tests.Hosting;

/// <summary>A logger provider that keeps every entry in memory, for assertions on what a host logged.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <summary>Every entry as <c>Level Category[id] message</c>, one a line, for failure messages.</summary>
    public string Text => string.Join('\n', _entries.Select(e => e.ToString()));

    /// <summary>The entries of Strata's own category.</summary>
    public IReadOnlyList<LogEntry> Strata => [.. _entries.Where(e => e.Category == "Strata.Migrations")];

    public ILogger CreateLogger(string categoryName) => new Collector(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Collector(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>>;
            entries.Enqueue(new LogEntry(category, logLevel, eventId.Id, formatter(state, exception), values?.FirstOrDefault(v => v.Key == "{OriginalFormat}").Value as string, exception));
        }
    }
}

/// <summary>One log entry: where, how severe, which event, the formatted text and the message template.</summary>
public sealed record LogEntry(string Category, LogLevel Level, int EventId, string Message, string? Template, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}[{EventId}] {Message}";
}
