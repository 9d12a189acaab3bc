using System.Text.RegularExpressions;
using Imr.Letters.Model;

namespace Imr.Letters.Reading;

/// <summary>
/// Reads "IMR ISSUES, DECISIONS AND RATIONALES": for each disputed item a decision paragraph ending
/// "&lt;treatment&gt;: Upheld|Overturned" (it may wrap, the decision may stand alone on the next line),
/// then "Claims Administrator guideline:", "MAXIMUS guideline:" and "Decision rationale:".
/// </summary>
internal static partial class IssuesReader
{
    private enum Part { None, ClaimsAdministrator, Reviewer, Rationale }

    public static ValueList<DeterminationItem> Read(List<Line> lines, int start, int end, List<Diagnostic> diagnostics)
    {
        // Skip the section's opening sentence.
        if (start < end && Intro().IsMatch(lines[start].Text))
        {
            var i = start;
            while (i < end && !lines[i].Text.TrimEnd().EndsWith(':')) i++;
            start = Math.Min(i + 1, end);
        }

        var decisions = FindDecisionLines(lines, start, end);
        if (decisions.Count == 0)
        {
            diagnostics.Add(new Diagnostic(start < lines.Count ? lines[Math.Min(start, lines.Count - 1)].Number : 0,
                "no disputed item with a decision (a line ending 'Upheld' or 'Overturned') was found"));
            return [];
        }

        // Each decision paragraph starts after the last paragraph or page break before its decision line.
        var starts = new int[decisions.Count];
        var noBreaks = !HasParagraphBreaks(lines, start, end);
        for (var d = 0; d < decisions.Count; d++)
        {
            var floor = d == 0 ? start : decisions[d - 1].Line + 1;
            var s = decisions[d].Line;
            if (decisions[d].TreatmentEnd == 0 && s > floor) s--; // a bare decision word: its treatment is above
            while (s > floor && !lines[s].ParagraphBefore && !(noBreaks && EndsSentence(lines[s - 1].Text))) s--;
            starts[d] = s;
        }
        if (starts[0] > start)
        {
            diagnostics.Add(new Diagnostic(lines[start].Number,
                $"text before the first disputed item is not part of any item: '{Clip(Paragraph.Join(lines, start, starts[0]))}'"));
        }

        var items = new List<DeterminationItem>(decisions.Count);
        for (var d = 0; d < decisions.Count; d++)
        {
            var (decisionLine, decision, treatmentEnd) = decisions[d];
            var treatment = Paragraph.Join(lines, starts[d], decisionLine);
            treatment = Paragraph.Normalize(treatment + " " + lines[decisionLine].Text[..treatmentEnd]);
            // A decision word alone on its line: the colon that separates it ends the line above.
            if (treatmentEnd == 0 && treatment.EndsWith(':')) treatment = treatment[..^1].TrimEnd();
            if (treatment.Length == 0)
                diagnostics.Add(new Diagnostic(lines[decisionLine].Number, "a decision line names no treatment"));

            var bodyEnd = d + 1 < decisions.Count ? starts[d + 1] : end;
            items.Add(ReadBody(lines, decisionLine + 1, bodyEnd, treatment, decision, diagnostics));
        }
        return new(items);
    }

    private static DeterminationItem ReadBody(List<Line> lines, int start, int end, string treatment, Decision decision, List<Diagnostic> diagnostics)
    {
        var parts = new Dictionary<Part, System.Text.StringBuilder>();
        var current = Part.None;
        var orphan = new System.Text.StringBuilder();
        var orphanLine = 0;
        void FlushOrphan()
        {
            if (orphanLine == 0) return;
            diagnostics.Add(new Diagnostic(orphanLine, $"text of the item '{Clip(treatment)}' that belongs to no field (it follows a break inside the claims administrator guideline): '{Clip(orphan.ToString())}'"));
            orphan.Clear();
            orphanLine = 0;
        }
        for (var i = start; i < end; i++)
        {
            var text = lines[i].Text.AsSpan();
            if (Label().Match(lines[i].Text) is { Success: true } label)
            {
                var part = label.Groups["ca"].Success ? Part.ClaimsAdministrator
                    : label.Groups["rev"].Success ? Part.Reviewer
                    : Part.Rationale;
                if (parts.ContainsKey(part))
                    diagnostics.Add(new Diagnostic(lines[i].Number, $"'{label.Value.Trim()}' appears twice for one item; the texts are joined"));
                current = part;
                text = text[label.Length..];
            }
            else if (lines[i].ParagraphBefore && current == Part.ClaimsAdministrator)
            {
                // The claims administrator's statement is one paragraph: what follows a break there
                // without a label is not part of it (the published letters' reference reading cuts it
                // at a page break, while the reviewer's statement and the rationale run on to the next
                // label). It is reported, never dropped silently.
                current = Part.None;
            }
            if (current == Part.None)
            {
                // Report each unplaced run of lines once, at its first line, with its words.
                if (orphanLine == 0) orphanLine = lines[i].Number;
                Paragraph.Append(orphan, text);
                continue;
            }
            FlushOrphan();
            if (!parts.TryGetValue(current, out var builder)) parts[current] = builder = new();
            Paragraph.Append(builder, text);
        }
        FlushOrphan();

        string Text(Part part, string name)
        {
            if (parts.TryGetValue(part, out var b)) return b.ToString();
            diagnostics.Add(new Diagnostic(start < lines.Count ? lines[Math.Max(0, start - 1)].Number : 0,
                $"the item '{Clip(treatment)}' has no '{name}'"));
            return "";
        }

        return new DeterminationItem(
            treatment,
            decision,
            Text(Part.ClaimsAdministrator, "Claims Administrator guideline:"),
            Text(Part.Reviewer, "MAXIMUS guideline:"),
            Text(Part.Rationale, "Decision rationale:"));
    }

    private static List<(int Line, Decision Decision, int TreatmentEnd)> FindDecisionLines(List<Line> lines, int start, int end)
    {
        var found = new List<(int, Decision, int)>();
        var inBody = false;
        for (var i = start; i < end; i++)
        {
            var text = lines[i].Text;
            if (Label().IsMatch(text)) { inBody = true; continue; }
            if (!EndsWithDecisionWord(text)) continue; // cheap test before the regex: most lines are prose
            var match = DecisionAtEnd().Match(text);
            if (!match.Success) continue;
            // A bare "Upheld" line belongs to a decision line that wrapped after its colon.
            if (match.Index == 0 && !(i > start && lines[i - 1].Text.EndsWith(':'))) continue;
            // Inside a rationale, only a line that a label follows is a decision line.
            if (inBody && !NextIsLabel(lines, i, end)) continue;
            var decision = match.Groups["d"].Value.StartsWith('O') || match.Groups["d"].Value.StartsWith('o')
                ? Decision.Overturned : Decision.Upheld;
            found.Add((i, decision, match.Index));
            inBody = false;
        }
        return found;
    }

    private static bool EndsWithDecisionWord(string text)
    {
        var span = text.AsSpan().TrimEnd('.');
        return span.EndsWith("upheld", StringComparison.OrdinalIgnoreCase) || span.EndsWith("overturned", StringComparison.OrdinalIgnoreCase);
    }

    private static bool NextIsLabel(List<Line> lines, int i, int end) => i + 1 < end && Label().IsMatch(lines[i + 1].Text);

    private static bool HasParagraphBreaks(List<Line> lines, int start, int end)
    {
        for (var i = start + 1; i < end; i++)
            if (lines[i].ParagraphBefore && !lines[i].PageBefore) return true;
        return false;
    }

    private static bool EndsSentence(string text) => text.EndsWith('.') || text.EndsWith(".)", StringComparison.Ordinal);

    internal static string Clip(string text) => text.Length <= 80 ? text : text[..77] + "...";

    [GeneratedRegex(@"^The Final Determination was based on decisions", RegexOptions.IgnoreCase)]
    private static partial Regex Intro();

    [GeneratedRegex(@"(?:^|:\s*)(?<d>Upheld|Overturned)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex DecisionAtEnd();

    [GeneratedRegex(@"^(?:(?<ca>Claims\s+Administrator\s+guideline)|(?<rev>(?:MAXIMUS|Expert\s+Reviewer|Reviewer)\s+guideline)|(?<rat>Decision\s+rationale))\s*:\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Label();
}
