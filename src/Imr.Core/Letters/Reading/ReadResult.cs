using Imr.Letters.Model;

namespace Imr.Letters.Reading;

/// <summary>Something the reader could not place, with the line of the text it is on (1-based).</summary>
public sealed record Diagnostic(int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}

/// <summary>A letter read: the determination, and what the reader could not place.</summary>
public sealed record ReadResult(Determination Determination, ValueList<Diagnostic> Diagnostics);

/// <summary>The input is not a readable letter; the message says what is wrong and where.</summary>
public sealed class LetterFormatException(string message) : Exception(message);
