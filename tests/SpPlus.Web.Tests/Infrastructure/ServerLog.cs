using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace SpPlus.Web.Tests.Infrastructure;

/// <summary>
/// The application's warnings and errors, kept in memory (the host's Serilog reads sinks from the services), so that
/// a failing test can say why the server answered 500.
/// </summary>
public sealed class ServerLog : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    public IReadOnlyList<string> Errors() =>
        _events.Where(e => e.Level >= LogEventLevel.Error)
            .Select(e => $"{e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)} {e.Exception?.GetType().Name}: {e.Exception?.Message}")
            .ToList();

    /// <summary>The errors logged since <paramref name="count"/> errors had been seen (see <see cref="ErrorCount"/>).</summary>
    public IReadOnlyList<string> ErrorsSince(int count) => Errors().Skip(count).ToList();

    public int ErrorCount => _events.Count(e => e.Level >= LogEventLevel.Error);
}
