namespace SpPlus.Core.Feedback.Import;

/// <summary>A problem that makes the whole file unreadable; the message is in French and shown as is.</summary>
internal sealed class CsvFileException(string message) : Exception(message);
