using System.Text.RegularExpressions;

namespace Imr.Clinical.Rules;

/// <summary>
/// Neurological findings: sensation, strength, reflexes (each read with the words that grade it: "decreased",
/// "intact", "4+/5", "1+"), nerve tension and provocation signs, radiculopathy, radiating pain, numbness, tingling,
/// paresthesias and "neurological deficits". A normal result is the finding negated.
/// </summary>
internal static partial class NeuroRule
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private const string Abnormal = @"decreased|diminished|reduced|altered|abnormal|impaired|absent|loss\s+of|decrease\s+in|diminution\s+of|deficits?\s+(?:in|of)|deficits?|loss|numb|dull(?:ed)?|hypoactive|depressed|asymmetric(?:al)?|sluggish|weak(?:ened)?";
    private const string Normal = @"intact|normal|grossly\s+intact|within\s+normal\s+limits|symmetric(?:al)?|equal|full|physiologic";

    // --- sensation
    private const string SensationsPattern =
        @"\b(?:(?<inherent>hyp(?:o)?a?esthesias?|hyper(?:a)?esthesias?|dys(?:a)?esthesias?|hyposensorium|hypersensitivity|allodynia)|(?<anchor>sensation|sensory(?:\s+(?:exam(?:ination)?|function|testing))?|sensibility|light\s+touch|pinprick))\b";

    [GeneratedRegex(@"\G(?:" + SensationsPattern + ")", Options)]
    private static partial Regex SensoryRegex();

    internal static readonly AnchoredPattern Sensations = new("sensation", SensoryRegex, SensationsPattern, Options, atNumbers: false,
        "hypesthesia hypesthesias hypoesthesia hypoesthesias hypaesthesia hypaesthesias hypoaesthesia hypoaesthesias hyperesthesia hyperesthesias hyperaesthesia hyperaesthesias dysesthesia dysesthesias dysaesthesia dysaesthesias hyposensorium hypersensitivity allodynia sensation sensory sensibility light pinprick");

    // --- strength
    private const string GradesPattern =
        @"(?<![\w/.])(?<g>[0-5](?:\s*(?:\+|-|minus|plus)(?!\s*\d))?)\s*(?:/|out\s+of|over|of)\s*5(?![\d/]|\.\d)|(?<![\w/.])(?<g>[0-5][+-]?)\s*-\s*5(?=\s+(?:motor\s+|muscle\s+)?(?:strength|power|motor))";

    [GeneratedRegex(@"\G(?:" + GradesPattern + ")", Options)]
    private static partial Regex GradeRegex();

    internal static readonly AnchoredPattern Grades = new("strength grade", GradeRegex, GradesPattern, Options, atNumbers: true,
        "");

    [GeneratedRegex(@"(?:(?:motor|muscle|grip)\s+(?:strength|power|testing|exam(?:ination)?)|strength|power)\s+(?:[\w-]+\s+){0,4}$", Options)]
    private static partial Regex StrengthBeforeGradeRegex();

    [GeneratedRegex(@"^\s+(?:(?:motor|muscle|grip)\s+)?(?:strength|power)\b", Options)]
    private static partial Regex StrengthAfterGradeRegex();

    private const string StrengthsPattern =
        @"\b(?:(?<weak>weak(?:ness|ened)?(?!\s+(?:wish|desire|argument|evidence|support|link|association|correlation|recommendation))|paresis|motor\s+(?:deficits?|loss|weakness)|(?:decreased|diminished|reduced)\s+(?:motor\s+|muscle\s+|grip\s+)?(?:strength|power))|(?<anchor>(?:motor|muscle)\s+(?:strength|power|function|exam(?:ination)?)|strength))\b";

    [GeneratedRegex(@"\G(?:" + StrengthsPattern + ")", Options)]
    private static partial Regex StrengthRegex();

    internal static readonly AnchoredPattern Strengths = new("strength", StrengthRegex, StrengthsPattern, Options, atNumbers: false,
        "weak weakness weakened paresis motor decreased diminished reduced muscle strength");

    // --- reflexes
    private const string ReflexesPattern =
        @"\b(?:(?<hyper>hyperreflexia|clonus|hyper-?reflexic)|(?<hypo>hyporeflexia|areflexia|hypo-?reflexic)|(?<anchor>(?:deep\s+tendon\s+|tendon\s+)?reflex(?:es)?|(?-i:DTRs?)|(?:ankle|knee)\s+jerks?))\b";

    [GeneratedRegex(@"\G(?:" + ReflexesPattern + ")", Options)]
    private static partial Regex ReflexRegex();

    internal static readonly AnchoredPattern ReflexWords = new("reflex", ReflexRegex, ReflexesPattern, Options, atNumbers: false,
        "hyperreflexia clonus hyper hyperreflexic hyporeflexia areflexia hypo hyporeflexic deep tendon reflex reflexes dtr dtrs ankle knee");

    private const string ReflexGrade = @"(?<g>[0-4]\s*\+|\+\s*[0-4]|[0-4]\s*(?:/|of|out\s+of)\s*4|trace|absent)";

    [GeneratedRegex(@"^[^.;,]{0,40}?(?:" + ReflexGrade + @"|\b(?<abn>" + Abnormal + @"|hyperactive|brisk|increased|exaggerated)\b|\b(?<norm>" + Normal + @")\b)", Options)]
    private static partial Regex ReflexAfterRegex();

    [GeneratedRegex(@"^[^.;]*?\b(?:were|are)\s+(?:all\s+)?(?:(?<norm>intact|normal|symmetric(?:al)?|within\s+normal\s+limits)|(?<abn>decreased|diminished|absent))\b", Options)]
    private static partial Regex ListAfterRegex();

    [GeneratedRegex(@"(?:" + ReflexGrade + @"|\b(?<abn>" + Abnormal + @"|hyperactive|brisk|increased|exaggerated)|\b(?<norm>normal|intact|symmetric(?:al)?))(?:\s+[\w-]+){0,3}\s*$", Options)]
    private static partial Regex ReflexBeforeRegex();

    [GeneratedRegex(@"^[^.;]{0,50}?\b(?:(?<abn>" + Abnormal + @")|(?<norm>" + Normal + @"))\b", Options)]
    private static partial Regex SensoryAfterRegex();

    [GeneratedRegex(@"^[^.;,]{0,30}?\b(?:(?<abn>" + Abnormal + @")|(?<norm>" + Normal + @"))\b", Options)]
    private static partial Regex StrengthAfterRegex();

    [GeneratedRegex(@"\b(?:(?<abn>" + Abnormal + @")|(?<norm>intact|normal))(?:\s+(?!with\b|without\b|but\b)[\w-]+){0,4}\s*$", Options)]
    private static partial Regex SensoryBeforeRegex();

    // --- signs
    private const string SignHead = @"\b(?:";
    private const string SignTail = @")";
    private const string SignSlr = @"(?<slr>(?:(?:seated|supine|sitting|single|crossed|contralateral)\s+)?straight[- ]leg[- ]rais(?:e|es|ing)(?:\s+(?:tests?|testing|signs?|maneuvers?))?|(?-i:SLR)s?|Las[eè]gue['’]?s?(?:\s+(?:tests?|signs?))?)";
    private const string SignSpurling = @"(?<spurling>Spurling['’]?s?(?:\s+(?:tests?|signs?|maneuvers?|manoeuvres?))?)";
    private const string SignTinel = @"(?<tinel>Tinel['’]?s?(?:\s+(?:tests?|signs?))?)";
    private const string SignPhalen = @"(?<phalen>(?:reverse\s+)?Phalen['’]?s?(?:\s+(?:tests?|signs?|maneuvers?))?)";
    private const string SignHoffmann = @"(?<hoffmann>Hoffman{1,2}['’]?s?(?:\s+(?:tests?|signs?))?)";
    private const string SignBabinski = @"(?<babinski>Babinski['’]?s?(?:\s+(?:tests?|signs?))?)";
    private const string SignFemoral = @"(?<femoral>femoral\s+(?:nerve\s+)?stretch(?:\s+tests?)?)";
    private const string SignSlump = @"(?<slump>slump\s+tests?)";
    private const string SignDurkan = @"(?<durkan>Durkan['’]?s?(?:\s+tests?)?)";
    private const string SignRomberg = @"(?<romberg>Romberg['’]?s?(?:\s+(?:tests?|signs?))?)";
    private const string SignsPattern =
        SignHead + SignSlr + "|" + SignSpurling + "|" + SignTinel + "|" + SignPhalen + "|" + SignHoffmann + "|" + SignBabinski + "|" + SignFemoral + "|" + SignSlump + "|" + SignDurkan + "|" + SignRomberg + SignTail;

    [GeneratedRegex(@"\G(?:" + SignHead + SignSlr + SignTail + ")", Options)]
    private static partial Regex SignRegexSlr();

    [GeneratedRegex(@"\G(?:" + SignHead + SignSpurling + SignTail + ")", Options)]
    private static partial Regex SignRegexSpurling();

    [GeneratedRegex(@"\G(?:" + SignHead + SignTinel + SignTail + ")", Options)]
    private static partial Regex SignRegexTinel();

    [GeneratedRegex(@"\G(?:" + SignHead + SignPhalen + SignTail + ")", Options)]
    private static partial Regex SignRegexPhalen();

    [GeneratedRegex(@"\G(?:" + SignHead + SignHoffmann + SignTail + ")", Options)]
    private static partial Regex SignRegexHoffmann();

    [GeneratedRegex(@"\G(?:" + SignHead + SignBabinski + SignTail + ")", Options)]
    private static partial Regex SignRegexBabinski();

    [GeneratedRegex(@"\G(?:" + SignHead + SignFemoral + SignTail + ")", Options)]
    private static partial Regex SignRegexFemoral();

    [GeneratedRegex(@"\G(?:" + SignHead + SignSlump + SignTail + ")", Options)]
    private static partial Regex SignRegexSlump();

    [GeneratedRegex(@"\G(?:" + SignHead + SignDurkan + SignTail + ")", Options)]
    private static partial Regex SignRegexDurkan();

    [GeneratedRegex(@"\G(?:" + SignHead + SignRomberg + SignTail + ")", Options)]
    private static partial Regex SignRegexRomberg();

    internal static readonly AnchoredPattern SignWords = new("nerve sign", [SignRegexSlr, SignRegexSpurling, SignRegexTinel, SignRegexPhalen, SignRegexHoffmann, SignRegexBabinski, SignRegexFemoral, SignRegexSlump, SignRegexDurkan, SignRegexRomberg], SignsPattern, Options, atNumbers: false,
        "seated supine sitting single crossed contralateral straight slr slrs lasegue lasègue spurling tinel phalen reverse hoffman hoffmann babinski femoral slump durkan romberg");

    // --- symptoms and diagnoses
    private const string SymptomHead = @"\b(?:";
    private const string SymptomTail = @")\b";
    private const string SymptomRadic = @"(?<radic>radiculopath(?:y|ies|ic)|radiculitis|radicular(?:\s+(?:pain|symptoms?|complaints?|findings?|signs?|component|features))?|sciatica|nerve\s+root\s+(?:irritation|impingement|compression|involvement|tension))";
    private const string SymptomRadiating = @"(?<radiating>radiat(?:ing|es|ed|ion)(?:\s+of\s+(?:[\w-]+\s+){0,2}pain)?\s+(?:down|to|into|along|toward|towards|through|distally))";
    private const string SymptomNumb = @"(?<numb>numbness|numb)";
    private const string SymptomTingle = @"(?<tingle>tingling|pins\s+and\s+needles)";
    private const string SymptomPar = @"(?<par>par(?:a)?esthesias?|paresthetic)";
    private const string SymptomDeficit = @"(?<deficit>(?:focal\s+)?neurolog(?:ic|ical)\s+(?:deficits?|dysfunction|impairment|findings?|compromise|signs?|changes?|abnormalit(?:y|ies)|involvement|symptoms?|loss)|neuromotor\s+deficits?|(?<intact>neurologically\s+intact|neurovascularly\s+intact)|(?:motor\s+(?:or|and|/)\s+sensory|sensory\s+(?:or|and|/)\s+motor|sensorimotor)\s+deficits?)";
    private const string SymptomsPattern =
        SymptomHead + SymptomRadic + "|" + SymptomRadiating + "|" + SymptomNumb + "|" + SymptomTingle + "|" + SymptomPar + "|" + SymptomDeficit + SymptomTail;

    [GeneratedRegex(@"\G(?:" + SymptomHead + SymptomRadic + SymptomTail + ")", Options)]
    private static partial Regex SymptomRegexRadic();

    [GeneratedRegex(@"\G(?:" + SymptomHead + SymptomRadiating + SymptomTail + ")", Options)]
    private static partial Regex SymptomRegexRadiating();

    [GeneratedRegex(@"\G(?:" + SymptomHead + SymptomNumb + SymptomTail + ")", Options)]
    private static partial Regex SymptomRegexNumb();

    [GeneratedRegex(@"\G(?:" + SymptomHead + SymptomTingle + SymptomTail + ")", Options)]
    private static partial Regex SymptomRegexTingle();

    [GeneratedRegex(@"\G(?:" + SymptomHead + SymptomPar + SymptomTail + ")", Options)]
    private static partial Regex SymptomRegexPar();

    [GeneratedRegex(@"\G(?:" + SymptomHead + SymptomDeficit + SymptomTail + ")", Options)]
    private static partial Regex SymptomRegexDeficit();

    internal static readonly AnchoredPattern SymptomWords = new("neurological symptom", [SymptomRegexRadic, SymptomRegexRadiating, SymptomRegexNumb, SymptomRegexTingle, SymptomRegexPar, SymptomRegexDeficit], SymptomsPattern, Options, atNumbers: false,
        "radiculopathy radiculopathies radiculopathic radiculitis radicular sciatica nerve radiating radiates radiated radiation numbness numb tingling pins paresthesia paresthesias paraesthesia paraesthesias paresthetic focal neurologic neurological neuromotor neurologically neurovascularly motor sensory sensorimotor");

    public static AnchoredPattern[] Patterns => [Sensations, Grades, Strengths, ReflexWords, SignWords, SymptomWords];

    public static void Extract(Document doc)
    {
        Sensation(doc);
        Strength(doc);
        Reflexes(doc);
        Signs(doc);
        Symptoms(doc);
        doc.NeuroFindings.Sort((a, b) => a.Evidence.Start.CompareTo(b.Evidence.Start));
    }

    private static void Add(Document doc, NeuroFindingKind kind, int start, int end, bool? normal, string? detail = null,
        IReadOnlyList<string>? levels = null, Assertion? assertion = null)
    {
        var fact = doc.Asserted(new NeuroFinding
        {
            Evidence = doc.Evidence(start, end),
            Kind = kind,
            Side = doc.SideNear(start, end, before: 30, after: 45),
            Levels = levels ?? Polarity.LevelsNear(doc, start, end),
            Detail = detail,
        });
        if (normal == true) fact = fact with { Assertion = fact.Assertion is Assertion.Hypothetical or Assertion.Possible ? fact.Assertion : Assertion.Negated };
        if (assertion is { } a) fact = fact with { Assertion = a };
        doc.NeuroFindings.Add(fact);
    }

    private static void Sensation(Document doc)
    {
        var text = doc.Text;
        foreach (var m in doc.Matches(Sensations))
        {
            var start = m.Index;
            var end = m.Index + m.Length;
            if (Claimed(doc, start, end, NeuroFindingKind.SensoryDeficit)) continue;
            if (m.Groups["inherent"].Success) { Add(doc, NeuroFindingKind.SensoryDeficit, start, end, normal: false); continue; }
            var clause = doc.Clause(start);
            var from = Math.Max(clause.Start, start - 45);
            var before = SensoryBeforeRegex().Match(text, from, start - from);
            if (before.Success)
            {
                Add(doc, NeuroFindingKind.SensoryDeficit, before.Index, end, normal: before.Groups["norm"].Success);
                continue;
            }
            var after = SensoryAfterRegex().Match(text, end, Math.Max(0, Math.Min(clause.End, end + 60) - end));
            if (after.Success)
            {
                var word = after.Groups["abn"].Success ? after.Groups["abn"] : after.Groups["norm"];
                Add(doc, NeuroFindingKind.SensoryDeficit, start, word.Index + word.Length, normal: after.Groups["norm"].Success);
            }
        }
    }

    private static void Strength(Document doc)
    {
        var text = doc.Text;
        foreach (var m in doc.Matches(Grades))
        {
            var start = m.Index;
            var end = m.Index + m.Length;
            var clause = doc.Clause(start);
            var from = Math.Max(clause.Start, start - 50);
            var keyword = StrengthBeforeGradeRegex().Match(text, from, start - from);
            if (keyword.Success) start = keyword.Index;
            var trailing = StrengthAfterGradeRegex().Match(text, end, Math.Min(30, text.Length - end));
            if (trailing.Success) end += trailing.Length;
            var grade = TextSplitter.Squash(m.Groups["g"].Value, "").Replace("minus", "-", StringComparison.OrdinalIgnoreCase).Replace("plus", "+", StringComparison.OrdinalIgnoreCase);
            var normal = grade == "5";
            Add(doc, NeuroFindingKind.Weakness, start, end, normal, detail: $"{grade}/5", assertion: Measured(doc, start, end, normal));
        }
        foreach (var m in doc.Matches(Strengths))
        {
            var start = m.Index;
            var end = m.Index + m.Length;
            if (Claimed(doc, start, end, NeuroFindingKind.Weakness)) continue;
            if (m.Groups["weak"].Success) { Add(doc, NeuroFindingKind.Weakness, start, end, normal: false); continue; }
            // "Muscle strength was intact", "grip strength was decreased"; a bare "strength" says nothing.
            var clause = doc.Clause(start);
            var after = StrengthAfterRegex().Match(text, end, Math.Max(0, Math.Min(clause.End, end + 30) - end));
            if (!after.Success) after = ListAfterRegex().Match(text, end, Math.Max(0, Math.Min(clause.End, end + 80) - end));
            if (!after.Success) continue;
            var word = after.Groups["abn"].Success ? after.Groups["abn"] : after.Groups["norm"];
            if (Claimed(doc, word.Index, word.Index + word.Length, NeuroFindingKind.Weakness)) continue;
            Add(doc, NeuroFindingKind.Weakness, start, word.Index + word.Length, normal: after.Groups["norm"].Success);
        }
    }

    private static void Reflexes(Document doc)
    {
        var text = doc.Text;
        foreach (var m in doc.Matches(ReflexWords))
        {
            var start = m.Index;
            var end = m.Index + m.Length;
            if (m.Groups["hyper"].Success || m.Groups["hypo"].Success) { Add(doc, NeuroFindingKind.ReflexChange, start, end, normal: false); continue; }
            var clause = doc.Clause(start);
            var after = ReflexAfterRegex().Match(text, end, Math.Max(0, Math.Min(clause.End, end + 45) - end));
            if (!after.Success) after = ListAfterRegex().Match(text, end, Math.Max(0, Math.Min(clause.End, end + 80) - end));
            if (after.Success)
            {
                var (normal, grade, wordEnd) = ReadReflex(after);
                Add(doc, NeuroFindingKind.ReflexChange, start, wordEnd, normal, grade, assertion: grade is null ? null : Measured(doc, start, wordEnd, normal));
                continue;
            }
            var from = Math.Max(clause.Start, start - 35);
            var before = ReflexBeforeRegex().Match(text, from, start - from);
            if (before.Success)
            {
                var (normal, grade, _) = ReadReflex(before);
                Add(doc, NeuroFindingKind.ReflexChange, before.Index, end, normal, grade, assertion: grade is null ? null : Measured(doc, before.Index, end, normal));
            }
        }
    }

    // A grade is a measurement: a negation word nearby ("with and without resistance, motor strength is 4 out
    // of 5") does not undo it; the grade itself says normal (negated) or not.
    private static Assertion Measured(Document doc, int start, int end, bool normal)
    {
        var (assertion, _) = doc.Context.Assess(start, end, ignore: TriggerType.Negation);
        return normal && assertion is Assertion.Present or Assertion.Historical ? Assertion.Negated : assertion;
    }

    // 2+ (or 2 of 4) is normal; 0, trace and 1+ are diminished, 3+ and 4+ brisk: both abnormal.
    private static (bool Normal, string? Grade, int End) ReadReflex(Match m)
    {
        var g = m.Groups["g"];
        if (g.Success)
        {
            var grade = TextSplitter.Squash(g.Value, "");
            var digit = grade.FirstOrDefault(char.IsDigit);
            return (digit == '2', grade, g.Index + g.Length);
        }
        var word = m.Groups["abn"].Success ? m.Groups["abn"] : m.Groups["norm"];
        return (m.Groups["norm"].Success, null, word.Index + word.Length);
    }

    private static void Signs(Document doc)
    {
        foreach (var m in doc.Matches(SignWords))
        {
            var start = m.Index;
            var end = m.Index + m.Length;
            var (kind, detail) = m.Groups["slr"].Success ? (NeuroFindingKind.StraightLegRaise, Polarity.Angle(doc, end))
                : m.Groups["spurling"].Success ? (NeuroFindingKind.Spurling, null)
                : m.Groups["tinel"].Success ? (NeuroFindingKind.NerveSign, "Tinel")
                : m.Groups["phalen"].Success ? (NeuroFindingKind.NerveSign, "Phalen")
                : m.Groups["hoffmann"].Success ? (NeuroFindingKind.NerveSign, "Hoffmann")
                : m.Groups["babinski"].Success ? (NeuroFindingKind.NerveSign, "Babinski")
                : m.Groups["femoral"].Success ? (NeuroFindingKind.NerveSign, "femoral stretch")
                : m.Groups["slump"].Success ? (NeuroFindingKind.NerveSign, "slump")
                : m.Groups["durkan"].Success ? (NeuroFindingKind.NerveSign, "Durkan")
                : (NeuroFindingKind.NerveSign, "Romberg");
            var positive = Polarity.Of(doc, start, end);
            var (context, _) = doc.Context.Assess(start, end);
            Add(doc, kind, start, end, normal: null, detail, assertion: Polarity.Combine(positive, context));
        }
    }

    private static void Symptoms(Document doc)
    {
        foreach (var m in doc.Matches(SymptomWords))
        {
            var start = m.Index;
            var end = m.Index + m.Length;
            var kind = m.Groups["radic"].Success ? NeuroFindingKind.Radiculopathy
                : m.Groups["radiating"].Success ? NeuroFindingKind.RadiatingPain
                : m.Groups["numb"].Success ? NeuroFindingKind.Numbness
                : m.Groups["tingle"].Success ? NeuroFindingKind.Tingling
                : m.Groups["par"].Success ? NeuroFindingKind.Paresthesia
                : NeuroFindingKind.NeurologicalDeficit;
            Add(doc, kind, start, end, normal: m.Groups["intact"].Success ? true : null);
        }
    }

    private static bool Claimed(Document doc, int start, int end, NeuroFindingKind kind)
    {
        foreach (var f in doc.NeuroFindings)
            if (f.Kind == kind && start < f.Evidence.End && f.Evidence.Start < end) return true;
        return false;
    }
}
