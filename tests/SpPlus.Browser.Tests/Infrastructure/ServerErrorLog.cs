using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace SpPlus.Browser.Tests.Infrastructure;

/// <summary>
/// A Serilog sink (picked up by the portal's <c>ReadFrom.Services</c>) that keeps the errors the server logs, so that a
/// failing journey shows the exception behind a 500 rather than only the French error page.
/// </summary>
public sealed class ServerErrorLog : ILogEventSink
{
    private readonly ConcurrentQueue<string> _errors = new();

    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        if (logEvent.Level >= LogEventLevel.Error)
        {
            _errors.Enqueue($"[{logEvent.Level}] {logEvent.RenderMessage()}{(logEvent.Exception is null ? "" : Environment.NewLine + logEvent.Exception)}");
        }
    }

    /// <summary>The errors logged since the last call.</summary>
    public IReadOnlyList<string> Drain()
    {
        var drained = new List<string>();
        while (_errors.TryDequeue(out var error))
        {
            drained.Add(error);
        }

        return drained;
    }
}
