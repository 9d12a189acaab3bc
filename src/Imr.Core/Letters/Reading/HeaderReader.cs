using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Imr.Letters.Model;

namespace Imr.Letters.Reading;

/// <summary>
/// Reads the header block of a published letter (Case Number, Date Assigned, Date of Injury,
/// Decision Date, UR Denial Date, Priority, Application Received). pdftotext prints it either with
/// each value beside its label (<c>-layout</c>) or as columns of labels followed by columns of values
/// (its default mode), so labels and values are read as one token stream and each value goes to the
/// first waiting label of its kind.
/// </summary>
internal static partial class HeaderReader
{
    private enum Field { CaseNumber, DateAssigned, DateOfInjury, DecisionDate, UrDenialDate, ApplicationReceived, Priority }

    private enum ValueKind { CaseNumber, Date, Priority }

    public static Determination Read(List<Line> lines, int start, int end, Determination determination, List<Diagnostic> diagnostics)
    {
        if (start >= end) return determination;
        var text = new StringBuilder();
        var lineStarts = new List<(int Offset, int Number)>();
        for (var i = start; i < end; i++)
        {
            lineStarts.Add((text.Length, lines[i].Number));
            text.Append(lines[i].Text).Append('\n');
        }
        var header = text.ToString();
        int LineAt(int offset)
        {
            var number = lineStarts[0].Number;
            foreach (var (start, line) in lineStarts)
            {
                if (start > offset) break;
                number = line;
            }
            return number;
        }

        var waiting = new List<Field>();
        var values = new Dictionary<Field, (string Value, int Line)>();
        var placed = new bool[header.Length];
        foreach (Match token in Token().Matches(header))
        {
            for (var k = token.Index; k < token.Index + token.Length; k++) placed[k] = true;
            if (token.Groups["label"].Success)
            {
                if (LabelField(token.Groups["label"].Value) is { } field) waiting.Add(field);
                continue;
            }
            var kind = token.Groups["case"].Success ? ValueKind.CaseNumber
                : token.Groups["date"].Success ? ValueKind.Date
                : ValueKind.Priority;
            var target = 0;
            while (target < waiting.Count && KindOf(waiting[target]) != kind) target++;
            if (target == waiting.Count) target = -1;
            if (target < 0)
            {
                diagnostics.Add(new Diagnostic(LineAt(token.Index), $"header value '{token.Value}' has no label"));
                continue;
            }
            values[waiting[target]] = (token.Value, LineAt(token.Index));
            waiting.RemoveAt(target);
        }
        ReportUnplaced(header, placed, LineAt, diagnostics);

        DateOnly? Date(Field field)
        {
            if (!values.TryGetValue(field, out var v)) return null;
            if (DateOnly.TryParseExact(v.Value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return date;
            diagnostics.Add(new Diagnostic(v.Line, $"'{v.Value}' is not a valid date"));
            return null;
        }

        return determination with
        {
            CaseNumber = values.TryGetValue(Field.CaseNumber, out var c) ? CaseNumber.Parse(c.Value) : null,
            DateAssigned = Date(Field.DateAssigned),
            DateOfInjury = Date(Field.DateOfInjury),
            DecisionDate = Date(Field.DecisionDate),
            UrDenialDate = Date(Field.UrDenialDate),
            ApplicationReceived = Date(Field.ApplicationReceived),
            Priority = values.TryGetValue(Field.Priority, out var p)
                ? Enum.Parse<Priority>(p.Value, ignoreCase: true)
                : null,
        };
    }

    private static void ReportUnplaced(string header, bool[] placed, Func<int, int> lineAt, List<Diagnostic> diagnostics)
    {
        var i = 0;
        while (i < header.Length)
        {
            if (placed[i] || char.IsWhiteSpace(header[i]) || header[i] == ':') { i++; continue; }
            var j = i;
            while (j < header.Length && header[j] != '\n' && !placed[j]) j++;
            var fragment = header[i..j].Trim();
            // "Received:" is the second half of the "Application Received:" label, wrapped.
            if (fragment.Length > 0 && !fragment.TrimEnd(':').Equals("Received", StringComparison.OrdinalIgnoreCase))
                diagnostics.Add(new Diagnostic(lineAt(i), $"header text not understood: '{fragment}'"));
            i = j;
        }
    }

    private static readonly string[] DateFormats = ["M/d/yyyy", "MM/dd/yyyy"];

    // The label's words upper-cased and joined by single spaces, then looked up; an ASCII label (they
    // all are) without allocating.
    private static Field? LabelField(string label)
    {
        if (!Ascii.IsValid(label) || label.Length > 64)
            return FieldOf(string.Join(' ', label.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant());
        Span<char> key = stackalloc char[label.Length];
        var n = 0;
        foreach (var c in label)
        {
            if (!char.IsWhiteSpace(c)) key[n++] = char.ToUpperInvariant(c);
            else if (n > 0 && key[n - 1] != ' ') key[n++] = ' ';
        }
        if (n > 0 && key[n - 1] == ' ') n--;
        return FieldOf(key[..n]);
    }

    private static Field? FieldOf(ReadOnlySpan<char> label) =>
        label switch
        {
            "CASE NUMBER" => Field.CaseNumber,
            "DATE ASSIGNED" => Field.DateAssigned,
            "DATE OF INJURY" => Field.DateOfInjury,
            "DECISION DATE" => Field.DecisionDate,
            "UR DENIAL DATE" => Field.UrDenialDate,
            "PRIORITY" => Field.Priority,
            _ when label.StartsWith("APPLICATION", StringComparison.Ordinal) => Field.ApplicationReceived,
            _ => null,
        };

    private static ValueKind KindOf(Field field) => field switch
    {
        Field.CaseNumber => ValueKind.CaseNumber,
        Field.Priority => ValueKind.Priority,
        _ => ValueKind.Date,
    };

    [GeneratedRegex(@"(?<label>Case\s+Number|Date\s+Assigned|Date\s+of\s+Injury|Decision\s+Date|UR\s+Denial\s+Date|Priority|Application(?:\s+Received)?)\s*:?|(?<case>\bCM\d{2}-\d{7}\b)|(?<date>\b\d{1,2}/\d{1,2}/\d{4}\b)|(?<priority>\b(?:Standard|Expedited)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
