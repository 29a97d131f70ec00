using Microsoft.Extensions.Logging;

namespace Pipeline.Testing.Logging;

/// <summary>A logger that keeps every entry, for tests that check what was logged.</summary>
public class RecordingLogger : ILogger
{
    private readonly List<(LogLevel Level, string Message, Exception? Exception)> _entries = [];

    /// <summary>A copy of the entries so far: entries may arrive on other threads while a test reads them.</summary>
    public IReadOnlyList<(LogLevel Level, string Message, Exception? Exception)> Entries
    {
        get
        {
            lock (_entries)
                return [.. _entries];
        }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        lock (_entries)
            _entries.Add((logLevel, formatter(state, exception), exception));
    }
}

/// <summary>A <see cref="RecordingLogger"/> for a class that asks for its own logger type.</summary>
public sealed class RecordingLogger<T> : RecordingLogger, ILogger<T>;
