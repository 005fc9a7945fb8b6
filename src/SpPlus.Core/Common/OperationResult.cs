namespace SpPlus.Core.Common;

/// <summary>
/// The outcome of a business operation that can be refused for a reason the user should read: success, or one or
/// more French messages. Services return it for expected refusals (a rule, a duplicate, a wrong state) and keep
/// exceptions for bugs and infrastructure failures.
/// </summary>
public class OperationResult
{
    protected OperationResult(IReadOnlyList<string> errors)
    {
        Errors = errors;
    }

    public static OperationResult Success { get; } = new([]);

    /// <summary>The messages explaining a refusal; empty on success.</summary>
    public IReadOnlyList<string> Errors { get; }

    public bool Succeeded => Errors.Count == 0;

    public static OperationResult Failure(string error, params string[] more) => new([error, .. more]);

    public static OperationResult Failure(IEnumerable<string> errors)
    {
        var list = errors.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A failure needs at least one message.", nameof(errors));
        }

        return new OperationResult(list);
    }

    public static OperationResult<T> Ok<T>(T value) => OperationResult<T>.Ok(value);
}

/// <summary>An <see cref="OperationResult"/> that carries a value on success, such as the id of a created record.</summary>
public sealed class OperationResult<T> : OperationResult
{
    private readonly T? _value;

    private OperationResult(T? value, IReadOnlyList<string> errors)
        : base(errors)
    {
        _value = value;
    }

    /// <summary>The value; reading it after a failure is a bug.</summary>
    public T Value => Succeeded ? _value! : throw new InvalidOperationException("A failed operation has no value: " + string.Join(" ", Errors));

    public static OperationResult<T> Ok(T value) => new(value, []);

    public static new OperationResult<T> Failure(string error, params string[] more) => new(default, [error, .. more]);

    public static new OperationResult<T> Failure(IEnumerable<string> errors)
    {
        var list = errors.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A failure needs at least one message.", nameof(errors));
        }

        return new OperationResult<T>(default, list);
    }
}
