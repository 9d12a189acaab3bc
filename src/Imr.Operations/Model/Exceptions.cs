namespace Imr.Operations.Model;

/// <summary>
/// What the operations library refuses, by kind, so that a web layer maps each to one status code:
/// <see cref="AccessDeniedException"/> 403, <see cref="NotFoundException"/> 404,
/// <see cref="ValidationException"/> 400, <see cref="RuleViolationException"/> 409 (or 422),
/// <see cref="ConcurrencyConflictException"/> 409 (or 412 with If-Match).
/// </summary>
public abstract class OperationsException : Exception
{
    protected OperationsException(string message)
        : base(message)
    {
    }
}

/// <summary>The acting user may not do this (their role, or for a reviewer a case not assigned to them).
/// The attempt is in the audit log.</summary>
public sealed class AccessDeniedException(string message) : OperationsException(message);

/// <summary>No such case, document, reviewer or user.</summary>
public sealed class NotFoundException(string message) : OperationsException(message);

/// <summary>The input itself is wrong: each entry names a field and what is wrong with it.</summary>
public sealed class ValidationException : OperationsException
{
    public ValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base("Invalid input: " + string.Join("; ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))))
    {
        Errors = errors;
    }

    public ValidationException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    /// <summary>Field name to messages, the shape of ASP.NET Core's ValidationProblem.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }
}

/// <summary>The input is well formed but the case flow does not allow it now: a change in the wrong
/// status, a reviewer with a conflict of interest, approval of a review that fails quality checks.</summary>
public sealed class RuleViolationException : OperationsException
{
    public RuleViolationException(string message, IReadOnlyList<string>? reasons = null)
        : base(reasons is { Count: > 0 } ? message + " " + string.Join(" ", reasons) : message)
    {
        Reasons = reasons ?? [];
    }

    public IReadOnlyList<string> Reasons { get; }
}

/// <summary>The case changed since the caller read it (its version moved on).</summary>
public sealed class ConcurrencyConflictException(string message) : OperationsException(message);
