using System.Text.RegularExpressions;

namespace Imr.Clinical.Rules;

/// <summary>Imaging and electrodiagnostic studies, with region, side, date and what they showed.</summary>
internal static partial class ImagingRule
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private const string StudyHead = @"\b(?:";
    private const string StudyTail = @")\b";
    private const string StudyMri = @"(?<mri>magnetic\s+resonance\s+(?:imaging|arthrogra(?:m|phy))(?:\s+scans?)?|(?-i:MRIs?)(?:\s+(?:scans?|imaging|studies|study|arthrograms?))?|(?-i:MR)\s+(?:arthrograms?|imaging)|(?-i:MRA))";
    private const string StudyCt = @"(?<ct>comput(?:ed|erized)\s+(?:axial\s+)?tomograph(?:y|ic)(?:\s+scans?)?|(?-i:CT)(?:\s+(?:scans?|myelograms?|imaging|reports?))?|(?-i:CAT)\s+scans?)";
    private const string StudyXray = @"(?<xray>x[- ]?rays?|radiographs?|radiographic\s+(?:studies|imaging|films?|evaluation)|plain\s+films?(?:\s+imaging)?|(?-i:XR))";
    private const string StudyEmg = @"(?<emg>electromyograph(?:y|ic\s+studies)|(?-i:EMG)s?(?:\s*(?:/|-|and)\s*(?-i:NC[VS])s?)?|(?-i:NC[VS])s?(?:\s*(?:/|-|and)\s*(?-i:EMG))?|nerve\s+conduction(?:\s+(?:velocity|velocities))?(?:\s+(?:studies|study|testing|tests?))?|electrodiagnostic(?:\s+(?:studies|study|testing|tests?|evaluation))?)";
    private const string StudyUs = @"(?<us>(?<!(?:pulsed?|therapeutic)\s)(?:diagnostic\s+)?ultrasound(?!\s+(?:treatment|therapy|guid\w*|for\s+\d))|sonogra(?:m|phy))";
    private const string StudyBone = @"(?<bone>bone\s+scans?|scintigraph(?:y|ic))";
    private const string StudyMyelo = @"(?<myelo>myelogra(?:m|phy))";
    private const string StudyImaging = @"(?<imaging>(?:diagnostic\s+)?imaging(?:\s+studies)?)";
    private const string StudiesPattern =
        StudyHead + StudyMri + "|" + StudyCt + "|" + StudyXray + "|" + StudyEmg + "|" + StudyUs + "|" + StudyBone + "|" + StudyMyelo + "|" + StudyImaging + StudyTail;

    [GeneratedRegex(@"\G(?:" + StudyHead + StudyMri + StudyTail + ")", Options)]
    private static partial Regex StudyRegexMri();

    [GeneratedRegex(@"\G(?:" + StudyHead + StudyCt + StudyTail + ")", Options)]
    private static partial Regex StudyRegexCt();

    [GeneratedRegex(@"\G(?:" + StudyHead + StudyXray + StudyTail + ")", Options)]
    private static partial Regex StudyRegexXray();

    [GeneratedRegex(@"\G(?:" + StudyHead + StudyEmg + StudyTail + ")", Options)]
    private static partial Regex StudyRegexEmg();

    [GeneratedRegex(@"\G(?:" + StudyHead + StudyUs + StudyTail + ")", Options)]
    private static partial Regex StudyRegexUs();

    [GeneratedRegex(@"\G(?:" + StudyHead + StudyBone + StudyTail + ")", Options)]
    private static partial Regex StudyRegexBone();

    [GeneratedRegex(@"\G(?:" + StudyHead + StudyMyelo + StudyTail + ")", Options)]
    private static partial Regex StudyRegexMyelo();

    [GeneratedRegex(@"\G(?:" + StudyHead + StudyImaging + StudyTail + ")", Options)]
    private static partial Regex StudyRegexImaging();

    internal static readonly AnchoredPattern Studies = new("imaging study", [StudyRegexMri, StudyRegexCt, StudyRegexXray, StudyRegexEmg, StudyRegexUs, StudyRegexBone, StudyRegexMyelo, StudyRegexImaging], StudiesPattern, Options, atNumbers: false,
        "magnetic mri mris mr mra computed computerized ct cat x xray xrays radiograph radiographs radiographic plain xr electromyography electromyographic emg emgs ncv ncvs ncs ncss nerve electrodiagnostic diagnostic ultrasound sonogram sonography bone scintigraphy scintigraphic myelogram myelography imaging");

    // What the study showed; "adj" findings are the whole result ("was normal").
    [GeneratedRegex(@"\b(?:(?:showed|shows|showing|show|revealed|reveals|revealing|demonstrated|demonstrates|demonstrating)(?:\s+for\b)?|(?:was|were)\s+notable\s+for|notable\s+for|(?:was|were|is|are)\s+(?:positive|negative)\s+for|(?:was|were|is)\s+(?:documented|described|read|interpreted|reported|noted)\s+as(?:\s+showing)?|(?:was|were)\s+(?:(?<adj>normal|unremarkable|negative)|noted\s+to\s+be)|confirm(?:ed|s|ing)|with\s+findings\s+of|consistent\s+with|significant\s+for|impression)\b\s*:?\s*", Options)]
    private static partial Regex VerbRegex();

    [GeneratedRegex(@"\b(?<neg>negative|normal|unremarkable)\s+(?:[\w-]+\s+){0,4}$", Options)]
    private static partial Regex NegativeBeforeRegex();

    private static readonly (string Group, ImagingModality Modality)[] Modalities =
    [
        ("mri", ImagingModality.Mri), ("ct", ImagingModality.CT), ("xray", ImagingModality.XRay),
        ("emg", ImagingModality.Electrodiagnostic), ("us", ImagingModality.Ultrasound), ("bone", ImagingModality.BoneScan),
        ("myelo", ImagingModality.Myelogram), ("imaging", ImagingModality.Unspecified),
    ];

    public static AnchoredPattern[] Patterns => [Studies];

    public static void Extract(Document doc)
    {
        var text = doc.Text;
        var studies = new List<(int Start, int End, ImagingModality Modality)>();
        foreach (var m in doc.Matches(Studies))
        {
            var modality = ImagingModality.Unspecified;
            foreach (var (group, mod) in Modalities)
                if (m.Groups[group].Success) { modality = mod; break; }
            var end = m.Index + m.Length;
            // "nerve conduction studies (NCV)-EMG", "MRI (magnetic resonance imaging)": one study.
            if (studies.Count > 0 && studies[^1].Modality == modality && OnlyJoiners(text, studies[^1].End, m.Index))
            {
                studies[^1] = (studies[^1].Start, SkipBracket(text, end), modality);
                continue;
            }
            studies.Add((m.Index, end, modality));
        }

        for (var i = 0; i < studies.Count; i++)
        {
            var (start, end, modality) = studies[i];
            var sentence = doc.Sentence(start);
            var clause = doc.Clause(start);
            var limit = Math.Min(clause.End, end + 110);
            if (i + 1 < studies.Count && studies[i + 1].Start < limit) limit = studies[i + 1].Start;
            Evidence? finding = null;
            var detailsEnd = Math.Min(limit, end + 60);
            var verb = VerbRegex().Match(text, end, Math.Max(0, limit - end));
            if (verb.Success)
            {
                detailsEnd = verb.Index;
                var adjective = verb.Groups["adj"];
                if (adjective.Success) finding = doc.Evidence(adjective.Index, adjective.Index + adjective.Length);
                else
                {
                    var findingStart = verb.Index + verb.Length;
                    var findingEnd = Math.Min(clause.End, findingStart + 250);
                    if (i + 1 < studies.Count && studies[i + 1].Start < findingEnd)
                        findingEnd = BackToJoiner(text, findingStart, studies[i + 1].Start);
                    var range = TrimFinding(text, findingStart, findingEnd);
                    if (range.Length > 0) finding = doc.Evidence(range.Start, range.End);
                }
            }
            BodyRegion? region = null;
            Side? side = null;
            foreach (var site in doc.BodySites)
            {
                var s = site.Evidence.Start;
                var inDetails = s >= end && s < detailsEnd;
                var justBefore = site.Evidence.End <= start && start - site.Evidence.End <= 3 && s >= sentence.Start;
                if (!inDetails && !justBefore) continue;
                region = site.Region;
                side = site.Side;
                break;
            }
            DateOnly? date = null;
            foreach (var d in doc.Dates)
                if (d.Evidence.Start >= end && d.Evidence.Start < detailsEnd && d.Date is { } full) { date = full; break; }
            // "MRI of the cervical spine to rule out HNP and MRI of the shoulder": the doubt is about the
            // diagnosis, not the study.
            var (assertion, subject) = doc.Context.Assess(start, end, ignore: TriggerType.Possible);
            var fact = new ImagingStudy
            {
                Assertion = assertion,
                Subject = subject,
                Evidence = doc.Evidence(start, end),
                Modality = modality,
                Region = region,
                Side = side,
                Date = date,
                Finding = finding,
            };
            // "negative hip and lumbar x-ray" is a study with a normal result, not an absent one.
            if (finding is null && assertion == Assertion.Negated)
            {
                var from = Math.Max(clause.Start, start - 40);
                var negative = NegativeBeforeRegex().Match(text, from, start - from);
                if (negative.Success)
                {
                    var word = negative.Groups["neg"];
                    fact = fact with { Assertion = Assertion.Present, Finding = doc.Evidence(word.Index, word.Index + word.Length) };
                }
            }
            // A study with results was done, whatever request words surround it, and "unremarkable" or "no
            // fracture" in its findings does not negate the study.
            if (finding is not null)
            {
                var (before, _) = doc.Context.Assess(start, end, ignore: TriggerType.Possible, triggersUntil: end);
                fact = fact with { Assertion = before };
            }
            if (finding is not null && fact.Assertion == Assertion.Hypothetical) fact = fact with { Assertion = Assertion.Present };
            doc.ImagingStudies.Add(fact);
        }
    }

    private static bool OnlyJoiners(string text, int from, int to)
    {
        var between = text.AsSpan(from, to - from).Trim();
        if (between.IsEmpty) return true;
        foreach (var c in between)
            if (c is not ('(' or ')' or '/' or '-' or ' ')) return false;
        return true;
    }

    private static int SkipBracket(string text, int end) => end < text.Length && text[end] == ')' ? end + 1 : end;

    // Cuts a finding before "and an MRI of ..." that starts the next study.
    private static int BackToJoiner(string text, int start, int next)
    {
        var e = next;
        var span = text.AsSpan(start, next - start);
        foreach (var joiner in (ReadOnlySpan<string>)[" and an ", " and a ", " and the ", " and ", ", "])
        {
            var i = span.LastIndexOf(joiner, StringComparison.OrdinalIgnoreCase);
            if (i >= 0 && start + i + joiner.Length >= next - 4) return start + i;
        }
        return e;
    }

    private static TextRange TrimFinding(string text, int s, int e)
    {
        while (s < e && (char.IsWhiteSpace(text[s]) || text[s] is '"' or '“')) s++;
        while (e > s && (char.IsWhiteSpace(text[e - 1]) || text[e - 1] is '.' or ',' or ';' or '"' or '”' or ':')) e--;
        return new TextRange(s, e);
    }
}
