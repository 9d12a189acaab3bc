using System.Text.RegularExpressions;

namespace Imr.Clinical.Rules;

/// <summary>
/// Diagnoses: the list after "diagnosed with", "treated for", "diagnoses include", "diagnosis of", split into items
/// at semicolons, commas, "and" (when what follows is a phrase of its own) and "rule out".
/// </summary>
internal static partial class DiagnosisRule
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private const string LeadsPattern =
        @"\b(?:"
        + @"diagnos(?:is|es)\s+(?:(?:that|which)\s+)?(?:include[sd]?|including|identif(?:y|ies|ied)|listed|were|was|are|is|of)(?:\s+(?:documented|listed|noted|given|recorded))?(?:\s+(?:as|is|of|to\s+be))?"
        + @"|diagnos(?:is|es)\s*:"
        + @"|diagnosed\s+(?:with|as(?:\s+having)?)"
        + @"|(?:being|been|is|was|were|are|currently)\s+treated\s+for(?:\s+(?:the\s+)?diagnos(?:is|es)\s+of)?"
        + @"|(?:undergoing|receiving|under|in)\s+treatments?\s+(?:for|of)(?:\s+(?:the\s+)?diagnos(?:is|es)\s+of)?"
        + @")\s*(?::\s*)?";

    [GeneratedRegex(@"\G(?:" + LeadsPattern + ")", Options)]
    private static partial Regex LeadRegex();

    internal static readonly AnchoredPattern Leads = new("diagnosis lead", LeadRegex, LeadsPattern, Options, atNumbers: false,
        "diagnosis diagnoses diagnosed being been is was were are currently undergoing receiving under in");

    // Where a list stops before its sentence does: a new clause ("who", "which", "and has been", "on 11-1-16").
    [GeneratedRegex(@"\s+(?:who|which|that\s+(?:was|were|is|are|has|had)|and\s+(?:has|had|was|is|were|are|underwent|presented|reported|complain\w*|then|subsequently)|on\s+\d|per\s+(?:the|a)|according\s+to|as\s+of|dated|since\s+(?:the|\d)|following\s+(?:a|an|the)|in\s+(?:19|20)\d\d)\b|,\s*(?:who|which|and\s+(?:has|had|was|is))\b", Options)]
    private static partial Regex ListEndRegex();

    // "to rule out herniated nucleus pulposus", "r/o fracture", "to evaluate for a medial meniscal tear": one
    // possible diagnosis, up to the end of its phrase.
    private const string RuleOutsPattern =
        @"\b(?:rule\s+out|r\s*/\s*o|(?:evaluate|assess)\s+for)\s+(?:(?:a|an|the|possible|any)\s+)?";

    [GeneratedRegex(@"\G(?:" + RuleOutsPattern + ")", Options)]
    private static partial Regex RuleOutRegex();

    internal static readonly AnchoredPattern RuleOuts = new("rule out", RuleOutRegex, RuleOutsPattern, Options, atNumbers: false,
        "rule r evaluate assess");

    [GeneratedRegex(@"[,;.()]|\s(?:and|or|due|versus|vs|given|because|for|in|on|as|since|which|with|to|rule\s+out|r/o|if|at|after|was|were|is|are|has|had)\b", Options)]
    private static partial Regex RuleOutEndRegex();

    [GeneratedRegex(@"\s+(?:and|or)\s+|\s+(?=rule\s+out\b|r/o\b)", Options)]
    private static partial Regex AndRegex();

    // What is left of an ICD title's encounter suffix when a list is split at its commas.
    [GeneratedRegex(@"^(?:(?:initial|subsequent|sequela|unspecified|other)(?:\s+encounter)?|encounter)$", Options)]
    private static partial Regex CodingRemnantRegex();

    // Words that continue a coordinated head ("sprain and strain") rather than start a new diagnosis.
    private static readonly HashSet<string> SharedHeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "sprain", "strain", "tendon", "tendons", "ligament", "ligaments", "fascia", "muscle", "muscles", "contusion",
        "tendinitis", "tendinosis", "tendonitis", "dysfunction", "pain",
    };

    // Adjectives that share the head of the next item ("cervical, thoracic and lumbar myoligamentous injury").
    private static readonly HashSet<string> SharedModifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "cervical", "thoracic", "lumbar", "lumbosacral", "left", "right", "bilateral", "upper", "lower", "acute", "chronic",
    };

    public static AnchoredPattern[] Patterns => [Leads, RuleOuts];

    public static void Extract(Document doc)
    {
        var text = doc.Text;
        foreach (var m in doc.Matches(Leads))
        {
            var start = m.Index + m.Length;
            var sentence = doc.Sentence(m.Index);
            var end = Math.Min(sentence.End, start + 400);
            var stop = ListEndRegex().Match(text, start, end - start);
            if (stop.Success) end = stop.Index;
            var items = new List<TextRange>();
            foreach (var segment in Split(text, start, end, ';'))
                foreach (var part in Split(text, segment.Start, segment.End, ','))
                    SplitAnd(text, part, items);
            MergeSharedModifiers(text, items);
            MergeTissueLists(text, items);
            MergeBodyParts(doc, items);
            // Each item takes the qualifiers in front of it, not those inside the item before it ("possible
            // rotator cuff tear and ... left thumb fracture").
            var triggersFrom = 0;
            foreach (var item in items)
            {
                Add(doc, item, triggersFrom);
                triggersFrom = item.End;
            }
        }
        foreach (var m in doc.Matches(RuleOuts))
        {
            var start = m.Index + m.Length;
            var sentence = doc.Sentence(m.Index);
            var end = Math.Min(sentence.End, start + 80);
            var stop = RuleOutEndRegex().Match(text, start, end - start);
            if (stop.Success) end = stop.Index;
            Add(doc, new TextRange(start, end), 0);
        }
        doc.Diagnoses.Sort((a, b) => a.Evidence.Start.CompareTo(b.Evidence.Start));
    }

    private static IEnumerable<TextRange> Split(string text, int start, int end, char separator)
    {
        var depth = 0;
        var from = start;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c == '(') depth++;
            else if (c == ')' && depth > 0) depth--;
            else if (c == separator && depth == 0)
            {
                yield return new TextRange(from, i);
                from = i + 1;
            }
        }
        yield return new TextRange(from, end);
    }

    private static void SplitAnd(string text, TextRange part, List<TextRange> items)
    {
        var m = AndRegex().Match(text, part.Start, part.Length);
        while (m.Success)
        {
            var right = new TextRange(m.Index + m.Length, part.End);
            var rightWords = Words(text, right);
            var leftWords = Words(text, new TextRange(part.Start, m.Index));
            var rightFirst = FirstWord(text, right);
            // "strain and sprain with impingement" shares one head; "strain of right knee and strain of ..." does not.
            var sharedHead = SharedHeads.Contains(rightFirst) && SharedHeads.Contains(LastWord(text, new TextRange(part.Start, m.Index)));
            if (rightWords >= 2 && leftWords >= 1 && !sharedHead)
            {
                items.Add(new TextRange(part.Start, m.Index));
                part = right;
                m = AndRegex().Match(text, part.Start, part.Length);
                continue;
            }
            var next = m.Index + Math.Max(1, m.Length);
            m = next < part.End ? AndRegex().Match(text, next, part.End - next) : Match.Empty;
        }
        items.Add(part);
    }

    private static void MergeSharedModifiers(string text, List<TextRange> items)
    {
        for (var i = items.Count - 2; i >= 0; i--)
        {
            var trimmed = Trim(text, items[i]);
            if (Words(text, trimmed) == 1 && SharedModifiers.Contains(text[trimmed.Start..trimmed.End]))
            {
                items[i] = new TextRange(items[i].Start, items[i + 1].End);
                items.RemoveAt(i + 1);
            }
        }
    }

    // Tissues listed after "of" ("strain of muscle, fascia and tendon at neck level") continue the item before.
    private static readonly HashSet<string> Tissues = new(StringComparer.OrdinalIgnoreCase)
    {
        "fascia", "tendon", "tendons", "ligament", "ligaments", "muscle", "muscles", "nerve", "nerves", "joint", "joints",
    };

    private static void MergeTissueLists(string text, List<TextRange> items)
    {
        for (var i = items.Count - 1; i >= 1; i--)
        {
            if (!Tissues.Contains(FirstWord(text, Trim(text, items[i])))) continue;
            items[i - 1] = new TextRange(items[i - 1].Start, items[i].End);
            items.RemoveAt(i);
        }
    }

    // "contusion of face, scalp and neck": a bare body part continues the item before it.
    private static void MergeBodyParts(Document doc, List<TextRange> items)
    {
        for (var i = items.Count - 1; i >= 0 && items.Count > 1; i--)
        {
            var trimmed = Trim(doc.Text, items[i]);
            if (trimmed.Length == 0) continue;
            if (!OnlyBodyParts(doc, trimmed)) continue;
            // The first item joins the one after it ("right foot and right shoulder pain").
            var (a, b) = i > 0 ? (i - 1, i) : (0, 1);
            items[a] = new TextRange(items[a].Start, items[b].End);
            items.RemoveAt(b);
        }
    }

    // "neck", "scalp and neck": nothing but body parts and joining words.
    private static bool OnlyBodyParts(Document doc, TextRange range)
    {
        var text = doc.Text;
        var i = range.Start;
        while (i < range.End)
        {
            if (!char.IsLetter(text[i])) { i++; continue; }
            var site = doc.BodySites.Find(s => s.Evidence.Start == i && s.Evidence.End <= range.End);
            if (site is not null) { i = site.Evidence.End; continue; }
            var e = i;
            while (e < range.End && char.IsLetter(text[e])) e++;
            var word = text.AsSpan(i, e - i);
            if (!word.Equals("and", StringComparison.OrdinalIgnoreCase) && !word.Equals("or", StringComparison.OrdinalIgnoreCase)) return false;
            i = e;
        }
        return true;
    }

    private static void Add(Document doc, TextRange item, int triggersFrom)
    {
        var text = doc.Text;
        var range = Trim(text, item);
        var start = doc.Context.SkipLeadingTriggers(text, range.Start, range.End);
        range = Trim(text, new TextRange(start, range.End));
        if (CodingRemnantRegex().IsMatch(text.AsSpan(range.Start, range.Length))) return; // "subsequent encounter"
        if (range.Length < 3 || range.Length > 160 || !text.AsSpan(range.Start, range.Length).ContainsAnyInRange('a', 'z')) return;
        foreach (var d in doc.Diagnoses)
            if (range.Start < d.Evidence.End && d.Evidence.Start < range.End) return; // listed already
        BodyRegion? region = null;
        Side? side = null;
        foreach (var site in doc.BodySites)
        {
            if (site.Evidence.Start < range.Start || site.Evidence.End > range.End) continue;
            region ??= site.Region;
            side ??= site.Side;
        }
        // Diagnoses are held, not requested: a request's words do not make them hypothetical.
        var (assertion, subject) = doc.Context.Assess(range.Start, range.End, ignore: TriggerType.Hypothetical, triggersFrom);
        doc.Diagnoses.Add(new Diagnosis { Evidence = doc.Evidence(range.Start, range.End), Region = region, Side = side, Assertion = assertion, Subject = subject });
    }

    // Drops spaces, quotes, articles and joining words at the ends: "and the lumbar strain." to "lumbar strain".
    private static TextRange Trim(string text, TextRange r)
    {
        var s = r.Start;
        var e = r.End;
        var changed = true;
        while (changed)
        {
            changed = false;
            while (s < e && (char.IsWhiteSpace(text[s]) || text[s] is '"' or '\'' or '“' or '”' or ':' or '-')) { s++; changed = true; }
            while (e > s && (char.IsWhiteSpace(text[e - 1]) || text[e - 1] is '"' or '\'' or '“' or '”' or '.' or ',' or ':')) { e--; changed = true; }
            foreach (var lead in (ReadOnlySpan<string>)["and ", "or ", "the ", "a ", "an ", "of ", "as "])
            {
                if (e - s > lead.Length && text.AsSpan(s, lead.Length).Equals(lead, StringComparison.OrdinalIgnoreCase)) { s += lead.Length; changed = true; }
            }
        }
        // A bracket closed before the end of the list belongs to it; one left open does not.
        var open = text.AsSpan(s, e - s).Count('(') - text.AsSpan(s, e - s).Count(')');
        if (open < 0 && e > s && text[e - 1] == ')') e--;
        return new TextRange(s, e);
    }

    private static int Words(string text, TextRange r)
    {
        var words = 0;
        var inWord = false;
        for (var i = r.Start; i < r.End; i++)
        {
            var letter = char.IsLetterOrDigit(text[i]);
            if (letter && !inWord) words++;
            inWord = letter;
        }
        return words;
    }

    private static string LastWord(string text, TextRange r)
    {
        var e = r.End;
        while (e > r.Start && !char.IsLetter(text[e - 1])) e--;
        var s = e;
        while (s > r.Start && char.IsLetter(text[s - 1])) s--;
        return text[s..e];
    }

    private static string FirstWord(string text, TextRange r)
    {
        var s = r.Start;
        while (s < r.End && !char.IsLetter(text[s])) s++;
        var e = s;
        while (e < r.End && char.IsLetter(text[e])) e++;
        return text[s..e];
    }
}
