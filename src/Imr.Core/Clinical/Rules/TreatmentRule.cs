using System.Text.RegularExpressions;

namespace Imr.Clinical.Rules;

/// <summary>
/// Treatments received or requested, with the number of sessions or injections and how they went. Runs after the
/// pain rule so that relief in the same sentence can be credited to a treatment.
/// </summary>
internal static partial class TreatmentRule
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    // More specific kinds first: at one position the first alternative that fits wins.
    private const string TxHead = @"\b(?:";
    private const string TxTail = @")\b";
    private const string TxChiro = @"(?<chiro>chiropractic(?:\s+(?:physiotherapy|therapy|care|treatments?|manipulations?|manipulative\s+therapy|adjustments?))?|chiropractors?|chirotherapy|spinal\s+manipulation|manipulative\s+therapy)";
    private const string TxOt = @"(?<ot>occupational\s+therap(?:y|ies)|hand\s+therap(?:y|ies)|(?-i:OT)(?=\s+(?:sessions?|visits?|evaluation|treatments?|\(|x\s*\d|\d)))";
    private const string TxFrp = @"(?<frp>functional\s+restoration(?:\s+program)?|work\s+hardening|work\s+conditioning|multidisciplinary\s+pain\s+(?:program|management)|(?-i:FRP))";
    private const string TxPt = @"(?<pt>physical\s+therap(?:y|ies)|physiotherapy|physical\s+medicine|aqua(?:tic)?\s+therapy|pool\s+therapy|(?-i:PT)(?!-))";
    private const string TxAcu = @"(?<acu>(?:electro-?)?acupuncture)";
    private const string TxMassage = @"(?<massage>massage(?:\s+therapy)?|myofascial\s+release)";
    private const string TxEsi = @"(?<esi>(?:transforaminal\s+|interlaminar\s+|caudal\s+)?epidural\s+steroid\s+injections?|(?:transforaminal\s+|interlaminar\s+|caudal\s+)?epidural(?:\s+(?:injections?|blocks?|steroids?))?s?|(?-i:T?ESIs?))";
    private const string TxMbb = @"(?<mbb>medial\s+branch\s+(?:nerve\s+)?blocks?|(?-i:MBBs?)|medial\s+blocks?)";
    private const string TxRfa = @"(?<rfa>radio\s?frequency(?:\s+(?:ablations?|neurotom(?:y|ies)|rhizotom(?:y|ies)|lesioning|denervation|treatments?))?|rhizotom(?:y|ies)|neurotom(?:y|ies)|(?-i:RFAs?)(?!\s+(?:form|dated|for\b|was\s+(?:dated|signed|submitted|received)|is\s+dated|signed|submitted|received|request)))";
    private const string TxFacet = @"(?<facet>facet\s+(?:joint\s+)?(?:injections?|blocks?)|facet\s+joint\s+(?:steroid\s+)?injections?)";
    private const string TxTpi = @"(?<tpi>trigger\s+point\s+injections?|(?-i:TPIs?))";
    private const string TxBlock = @"(?<block>(?:greater\s+)?(?:occipital|stellate\s+ganglion|suprascapular|genicular|sympathetic|selective|lumbar\s+sympathetic|intercostal|peripheral)\s+(?:nerve\s+)?blocks?|nerve\s+blocks?)";
    private const string TxJoint = @"(?<joint>(?:cortico)?steroid\s+(?:injections?|shots?)|cortisone\s+(?:injections?|shots?)|intra-?articular\s+(?:\w+\s+)?injections?|(?:sacroiliac|(?-i:SI)|knee|shoulder|hip|subacromial|bursa|carpal\s+tunnel|joint|elbow|wrist|ankle)\s+(?:joint\s+)?(?:corticosteroid\s+|steroid\s+)?injections?|platelet[- ]rich\s+plasma(?:\s+injections?)?|(?-i:PRP)(?:\s+injections?)?|viscosupplementation|hyaluronic\s+acid\s+injections?|Synvisc(?:-one)?|Euflexxa|Orthovisc|Supartz|prolotherapy)";
    private const string TxScs = @"(?<scs>spinal\s+cord\s+stimulat(?:or|ion)(?:\s+trial)?|(?-i:SCS))";
    private const string TxTens = @"(?<tens>(?-i:TENS)(?:\s+unit)?|transcutaneous\s+electrical\s+nerve\s+stimulat(?:ion|or)(?:\s+unit)?|electrical\s+(?:nerve\s+|muscle\s+)?stimulat(?:ion|or)(?:\s+unit)?|interferential(?:\s+(?:unit|stimulator|current|therapy))?|(?-i:NMES))";
    private const string TxHep = @"(?<hep>home\s+exercises?(?:\s+program(?:me)?)?|(?-i:HEP)|home\s+stretching)";
    private const string TxConservative = @"(?<conservative>conservative\s+(?:care|treatments?|therapy|therapies|management|measures|modalities)|first[- ]line\s+(?:treatments?|therapy|therapies|medications?))";
    private const string TxActivity = @"(?<activity>activity\s+modifications?|modified\s+activit(?:y|ies)|activity\s+restrictions?)";
    private const string TxRest = @"(?<rest>bed\s+rest|rest(?!\s+of\b|s\b|ed\b|ing\b))";
    private const string TxBrace = @"(?<brace>braces?|bracing|splints?|splinting|(?:lumbar|back|wrist|knee|cervical|ankle)\s+supports?|cervical\s+collar|orthotics?|orthos[ie]s|(?:fracture\s+|walking\s+|cam\s+)?boot|sling)";
    private const string TxPsych = @"(?<psych>psychotherapy|cognitive\s+behavio(?:u)?ral\s+therapy|(?-i:CBT)|psycholog(?:ical|ist)\s+(?:treatment|therapy|counseling|sessions?)|biofeedback)";
    private const string TxShock = @"(?<shock>(?:extracorporeal\s+)?shock\s?wave(?:\s+therapy)?|(?-i:ESWT))";
    private const string TxHeat = @"(?<heat>ice(?:[- ]heat|\s+and\s+heat)?(?:\s+therapy)?|heat(?:\s+therapy)?|cold\s+therapy(?:\s+unit)?|cryotherapy|hot\s+(?:and|/)\s+cold(?:\s+therapy)?|(?:ice|heat|hot|cold)\s+packs?)";
    private const string TxSurgery = @"(?<surgery>surger(?:y|ies)|surgical\s+(?:intervention|repair|treatment|procedures?)|operations?|(?:spinal\s+|lumbar\s+|cervical\s+)?fusion|laminectomy|laminotomy|(?:micro)?discectomy|foraminotomy|(?:surgical\s+)?decompression|arthroscop(?:y|ic\s+\w+)|arthroplasty|(?:total\s+)?(?:knee|hip|shoulder)\s+replacement|(?-i:ORIF)|open\s+reduction(?:\s+and)?[/\s]+internal\s+fixation|(?:carpal|cubital)\s+tunnel\s+release|trigger\s+finger\s+release|rotator\s+cuff\s+repair|meniscectomy|menisc(?:al|us)\s+repair|(?:ACL|ligament)\s+reconstruction|tenotomy|exploratory\s+laparotomy|(?:colon\s+)?resection)";
    private const string TxMeds = @"(?<meds>medication\s+management|medication\s+therapy|pharmacotherapy|(?:oral\s+|pain\s+|prescription\s+)?medications?)";
    private const string TxInj = @"(?<inj>injections?)";
    private const string TreatmentsPattern =
        TxHead + TxChiro + "|" + TxOt + "|" + TxFrp + "|" + TxPt + "|" + TxAcu + "|" + TxMassage + "|" + TxEsi + "|" + TxMbb + "|" + TxRfa + "|" + TxFacet + "|" + TxTpi + "|" + TxBlock + "|" + TxJoint + "|" + TxScs + "|" + TxTens + "|" + TxHep + "|" + TxConservative + "|" + TxActivity + "|" + TxRest + "|" + TxBrace + "|" + TxPsych + "|" + TxShock + "|" + TxHeat + "|" + TxSurgery + "|" + TxMeds + "|" + TxInj + TxTail;

    [GeneratedRegex(@"\G(?:" + TxHead + TxChiro + TxTail + ")", Options)]
    private static partial Regex TreatmentRegexChiro();

    [GeneratedRegex(@"\G(?:" + TxHead + TxOt + TxTail + ")", Options)]
    private static partial Regex TreatmentRegexOt();

    [GeneratedRegex(@"\G(?:" + TxHead + TxFrp + TxTail + ")", Options)]
    private static partial Regex TreatmentRegexFrp();

    [GeneratedRegex(@"\G(?:" + TxHead + TxPt + TxTail + ")", Options)]
    private static partial Regex TreatmentRegexPt();

    [GeneratedRegex(@"\G(?:" + TxHead + TxAcu + TxTail + ")", Options)]
    private static partial Regex TreatmentRegexAcu();

    [GeneratedRegex(@"\G(?:" + TxHead + TxMassage + TxTail + ")", Options)]
    private static partial Regex TreatmentRegexMassage();

    [GeneratedRegex(@"\G(?:" + TxHead + TxEsi + TxTail + ")", Options)]
    private static partial Regex TreatmentRegexEsi();

    [GeneratedRegex(@"\G(?:" + TxHead + TxMbb + TxTail + ")", Options)]
    private static partial Regex TreatmentRegexMbb();

    [GeneratedRegex(@"\G(?:" + TxHead + TxRfa + TxTail + ")", Options)]
    private static partial Regex TreatmentRegexRfa();

    [GeneratedRegex(@"\G(?:" + TxHead + TxFacet + TxTail + ")", Options)]
    private static partial Regex TreatmentRegexFacet();

    [GeneratedRegex(@"\G(?:" + TxHead + TxTpi + TxTail + ")", Options)]
    private static partial Regex TreatmentRegexTpi();

    [GeneratedRegex(@"\G(?:" + TxHead + TxBlock + TxTail + ")", Options)]
    private static partial Regex TreatmentRegexBlock();

    [GeneratedRegex(@"\G(?:" + TxHead + TxJoint + TxTail + ")", Options)]
    private static partial Regex TreatmentRegexJoint();

    [GeneratedRegex(@"\G(?:" + TxHead + TxScs + TxTail + ")", Options)]
    private static partial Regex TreatmentRegexScs();

    [GeneratedRegex(@"\G(?:" + TxHead + TxTens + TxTail + ")", Options)]
    private static partial Regex TreatmentRegexTens();

    [GeneratedRegex(@"\G(?:" + TxHead + TxHep + TxTail + ")", Options)]
    private static partial Regex TreatmentRegexHep();

    [GeneratedRegex(@"\G(?:" + TxHead + TxConservative + TxTail + ")", Options)]
    private static partial Regex TreatmentRegexConservative();

    [GeneratedRegex(@"\G(?:" + TxHead + TxActivity + TxTail + ")", Options)]
    private static partial Regex TreatmentRegexActivity();

    [GeneratedRegex(@"\G(?:" + TxHead + TxRest + TxTail + ")", Options)]
    private static partial Regex TreatmentRegexRest();

    [GeneratedRegex(@"\G(?:" + TxHead + TxBrace + TxTail + ")", Options)]
    private static partial Regex TreatmentRegexBrace();

    [GeneratedRegex(@"\G(?:" + TxHead + TxPsych + TxTail + ")", Options)]
    private static partial Regex TreatmentRegexPsych();

    [GeneratedRegex(@"\G(?:" + TxHead + TxShock + TxTail + ")", Options)]
    private static partial Regex TreatmentRegexShock();

    [GeneratedRegex(@"\G(?:" + TxHead + TxHeat + TxTail + ")", Options)]
    private static partial Regex TreatmentRegexHeat();

    [GeneratedRegex(@"\G(?:" + TxHead + TxSurgery + TxTail + ")", Options)]
    private static partial Regex TreatmentRegexSurgery();

    [GeneratedRegex(@"\G(?:" + TxHead + TxMeds + TxTail + ")", Options)]
    private static partial Regex TreatmentRegexMeds();

    [GeneratedRegex(@"\G(?:" + TxHead + TxInj + TxTail + ")", Options)]
    private static partial Regex TreatmentRegexInj();

    internal static readonly AnchoredPattern Treatments = new("treatment", [TreatmentRegexChiro, TreatmentRegexOt, TreatmentRegexFrp, TreatmentRegexPt, TreatmentRegexAcu, TreatmentRegexMassage, TreatmentRegexEsi, TreatmentRegexMbb, TreatmentRegexRfa, TreatmentRegexFacet, TreatmentRegexTpi, TreatmentRegexBlock, TreatmentRegexJoint, TreatmentRegexScs, TreatmentRegexTens, TreatmentRegexHep, TreatmentRegexConservative, TreatmentRegexActivity, TreatmentRegexRest, TreatmentRegexBrace, TreatmentRegexPsych, TreatmentRegexShock, TreatmentRegexHeat, TreatmentRegexSurgery, TreatmentRegexMeds, TreatmentRegexInj], TreatmentsPattern, Options, atNumbers: false,
        "chiropractic chiropractor chiropractors chirotherapy spinal manipulative occupational hand ot functional work multidisciplinary frp physical physiotherapy aqua aquatic pool pt electro electroacupuncture acupuncture massage myofascial transforaminal interlaminar caudal epidural epidurals esi esis tesi tesis medial mbb mbbs radio radiofrequency rhizotomy rhizotomies neurotomy neurotomies rfa rfas facet trigger tpi tpis greater occipital stellate suprascapular genicular sympathetic selective lumbar intercostal peripheral nerve steroid corticosteroid cortisone intra intraarticular sacroiliac si knee shoulder hip subacromial bursa carpal joint elbow wrist ankle platelet prp viscosupplementation hyaluronic synvisc euflexxa orthovisc supartz prolotherapy scs tens transcutaneous electrical interferential nmes home hep conservative first activity modified bed rest brace braces bracing splint splints splinting back cervical collar orthotic orthotics orthosis orthoses fracture walking cam boot sling psychotherapy cognitive cbt psychological psychologist biofeedback extracorporeal shock shockwave eswt ice heat cold cryotherapy hot surgery surgeries surgical operation operations fusion laminectomy laminotomy discectomy microdiscectomy foraminotomy decompression arthroscopy arthroscopic arthroplasty total orif open cubital rotator meniscectomy meniscal meniscus acl ligament tenotomy exploratory colon resection medication medications pharmacotherapy oral pain prescription injection injections");

    private static readonly (string Group, TreatmentKind Kind)[] Kinds =
    [
        ("chiro", TreatmentKind.Chiropractic), ("ot", TreatmentKind.OccupationalTherapy), ("frp", TreatmentKind.FunctionalRestoration),
        ("pt", TreatmentKind.PhysicalTherapy), ("acu", TreatmentKind.Acupuncture), ("massage", TreatmentKind.Massage),
        ("esi", TreatmentKind.EpiduralSteroidInjection), ("mbb", TreatmentKind.MedialBranchBlock),
        ("rfa", TreatmentKind.RadiofrequencyAblation), ("facet", TreatmentKind.FacetInjection),
        ("tpi", TreatmentKind.TriggerPointInjection), ("block", TreatmentKind.NerveBlock), ("joint", TreatmentKind.JointInjection),
        ("scs", TreatmentKind.SpinalCordStimulator), ("tens", TreatmentKind.Tens), ("hep", TreatmentKind.HomeExercise),
        ("conservative", TreatmentKind.ConservativeCare), ("activity", TreatmentKind.ActivityModification),
        ("rest", TreatmentKind.Rest), ("brace", TreatmentKind.Bracing), ("psych", TreatmentKind.Psychotherapy),
        ("shock", TreatmentKind.Shockwave), ("heat", TreatmentKind.HeatCold), ("surgery", TreatmentKind.Surgery),
        ("meds", TreatmentKind.Medications), ("inj", TreatmentKind.OtherInjection),
    ];

    // A count before the treatment: "12 sessions of", "24", "at least five (5)", "5 of 6", "#6 sessions",
    // "one bilateral cervical", "x1". The number may not be part of a date ("11-15-2016 physical therapy").
    [GeneratedRegex(@"(?:(?<![\w/\-.,])(?<n>\d{1,3})|\b(?<n>" + Lexicon.NumberWord + @"))(?:\s*\(\d{1,3}\))?(?:\s+of\s+(?:\d{1,3}|" + Lexicon.NumberWord + @")(?:\s*\(\d{1,3}\))?)?\s+(?:(?:additional|more|prior|previous|completed|authorized|approved|initial|further|total|outpatient|supervised|sessions?\s+of|visits?\s+of|treatments?\s+of|injections?\s+of|of|the|left|right|bilateral|cervical|thoracic|lumbar|lumbosacral|knee|shoulder|hip|wrist|elbow|ankle|foot|low\s+back|land-based|aquatic|post-?operative|postop)\s+)*$"
        + @"|#\s*(?<n>\d{1,3})\s+(?:(?:sessions?|visits?|treatments?)\s+)?(?:of\s+)?$"
        + @"|\b[x×]\s*(?<n>\d{1,2})\s+$", Options)]
    private static partial Regex CountBeforeRegex();

    // A count after it: "treatment 12 visits", "for nine sessions", "sessions for the cervical spine, #8",
    // "2 times a week for 6 weeks (12 sessions)", "3x2", "three times per week for two weeks".
    [GeneratedRegex(@"\G(?:\s+(?:sessions?|visits?|treatments?|therapy|care|physiotherapy|requests?))*(?:"
        + @"\s*(?:for\s+|x\s*|×\s*|of\s+)?(?:#\s*)?(?<n>\d{1,3}|" + Lexicon.NumberWord + @")(?:\s*\(\d{1,3}\))?\s+(?:additional\s+|more\s+)?(?:sessions?|visits?|treatments?)\b"
        + @"|(?:\s+[\w-]+){0,5}?\s*,?\s*#\s*(?<n>\d{1,3})\b(?!\s*(?:mg|/))"
        + @"|\s*,?\s*(?:(?<f>\d|one|two|three|four|five|once|twice)\s*(?:x|×|times)\s*(?:(?:a|per|each)\s+)?(?:week|wk)?\s*(?:for|x|×)\s*(?<d>\d{1,2}|" + Lexicon.NumberWord + @")(?:\s*(?:weeks?|wks?))?|(?<f>\d)\s*[x×]\s*(?<d>\d{1,2})(?!\d))(?:\s*\((?<n>\d{1,3})\s+(?:sessions?|visits?)\))?"
        + ")", Options)]
    private static partial Regex CountAfterRegex();

    // How a treatment went. No-improvement forms come first so that "no improvement" is not read as "improvement".
    private const string OutcomesPattern =
        @"\b(?:"
        + @"(?<none>(?:no|without|minimal|little|limited|not\s+(?:much|any|significant))\s+(?:(?:significant|sustained|lasting|meaningful|further|noticeable|real|any|functional|objective|overall|pain)\s+)*(?:improvement|benefit|relief|help|gains?|progress|change)|did(?:\s+not|n't)\s+(?:help|improve|work|provide\s+(?:\w+\s+)?(?:relief|benefit|improvement))|(?:has|have|had|was|were)\s+not\s+(?:been\s+)?(?:helpful|effective|beneficial|helped)|not\s+(?:effective|helpful|beneficial)|ineffective|unsuccessful|failed(?!\s+to\s+(?:approve|certify|authorize|demonstrate|document|show|provide|reveal))|failure\s+of|despite|no\s+better|worsened|without\s+(?:\w+\s+)?(?:relief|benefit|success))"
        + @"|(?<some>helped|helps|helping|helpful|beneficial|effective|benefit(?:t?ed)?|improved|improvements?|improving|relief|relieved|better|responded\s+well|(?:decreased|reduced|reducing|lessened|alleviated)\s+(?:(?:his|her|the|their)\s+)?(?:pain|symptoms))"
        + @")\b";

    [GeneratedRegex(@"\G(?:" + OutcomesPattern + ")", Options)]
    private static partial Regex OutcomeRegex();

    internal static readonly AnchoredPattern Outcomes = new("treatment outcome", OutcomeRegex, OutcomesPattern, Options, atNumbers: false,
        "no without minimal little limited not did didn has have had was were ineffective unsuccessful failed failure despite worsened helped helps helping helpful beneficial effective benefit benefited benefitted improved improvement improvements improving relief relieved better responded decreased reduced reducing lessened alleviated");

    // A cue that points at the treatment after it: "relief with medications", "minimal improvement despite physical therapy".
    [GeneratedRegex(@"^\s*(?:(?:with|from|after|despite|since|following|of|to|using)\s+(?:(?:the|his|her|a|an|prior|previous|recent|this)\s+)*)", Options)]
    private static partial Regex PointsForwardRegex();

    [GeneratedRegex(@"\b(?:document\w*|evidence|indicat\w*|records?|mention\w*|report\w*|rationale|support\w*)\b", Options)]
    private static partial Regex RecordWordsBeforeRegex();

    [GeneratedRegex(@"^\s+(?:reports?|notes?|records?|evaluations?|referrals?|appointments?|prescriptions?)\b", Options)]
    private static partial Regex ReportsAfterRegex();

    public static AnchoredPattern[] Patterns => [Treatments, Outcomes];

    public static void Extract(Document doc)
    {
        var text = doc.Text;
        var found = new List<Treatment>();
        foreach (var m in doc.Matches(Treatments))
        {
            var kind = TreatmentKind.OtherInjection;
            foreach (var (group, k) in Kinds)
                if (m.Groups[group].Success) { kind = k; break; }
            var start = m.Index;
            var end = m.Index + m.Length;
            // "PT (physical therapy)" and "physical therapy (PT)" are one mention.
            if (found.Count > 0 && found[^1].Kind == kind && IsBracketPair(text, found[^1].Evidence.End, start))
            {
                found[^1] = found[^1] with { Evidence = doc.Evidence(found[^1].Evidence.Start, SkipBracket(text, end)) };
                continue;
            }
            found.Add(doc.Asserted(new Treatment { Evidence = doc.Evidence(start, end), Kind = kind, Count = CountOf(doc, start, end) }));
        }
        for (var i = 0; i < found.Count; i++)
            if (found[i].Count is null && CountOf(doc, found[i].Evidence.Start, found[i].Evidence.End) is { } n)
                found[i] = found[i] with { Count = n };

        AttachOutcomes(doc, found);
        AttachRelief(doc, found);
        doc.Treatments.AddRange(found);
    }

    private static bool IsBracketPair(string text, int previousEnd, int start)
    {
        var between = text.AsSpan(previousEnd, start - previousEnd).Trim();
        return between.SequenceEqual("(");
    }

    private static int SkipBracket(string text, int end)
    {
        var i = end;
        while (i < text.Length && text[i] == ' ') i++;
        return i < text.Length && text[i] == ')' ? i + 1 : end;
    }

    private static int? CountOf(Document doc, int start, int end)
    {
        var text = doc.Text;
        var clause = doc.Clause(start);
        var from = Math.Max(clause.Start, start - 60);
        var before = CountBeforeRegex().Match(text, from, start - from);
        // "7 physical therapy reports" counts reports, not sessions.
        var countsDocuments = ReportsAfterRegex().IsMatch(text.AsSpan(end, Math.Min(20, text.Length - end)));
        if (before.Success && !countsDocuments && Document.Number(before.Groups["n"].Value) is { } n && n is > 0 and < 500) return (int)n;
        var after = CountAfterRegex().Match(text, end);
        if (!after.Success || after.Index + after.Length > clause.End) return null;
        if (after.Groups["n"].Success && Document.Number(after.Groups["n"].Value) is { } explicitCount) return (int)explicitCount;
        if (after.Groups["f"].Success && Document.Number(after.Groups["f"].Value) is { } perWeek && Document.Number(after.Groups["d"].Value) is { } weeks)
            return (int)(perWeek * weeks);
        return null;
    }

    private static void AttachOutcomes(Document doc, List<Treatment> found)
    {
        if (found.Count == 0) return;
        var text = doc.Text;
        foreach (var m in doc.Matches(Outcomes))
        {
            var cueStart = m.Index;
            var cueEnd = m.Index + m.Length;
            var clause = doc.Clause(cueStart);
            var (cueAssertion, _) = doc.Context.Assess(cueStart, cueEnd);
            if (cueAssertion is Assertion.Hypothetical or Assertion.Possible) continue;
            // A negated "helped" is a lack of improvement ("was not helping"), or a lack of documentation when the
            // negation is about the record ("no documentation of improvement").
            var outcome = m.Groups["none"].Success ? TreatmentOutcome.NoImprovement
                : cueAssertion != Assertion.Negated ? TreatmentOutcome.Improved
                : RecordWordsBeforeRegex().IsMatch(text.AsSpan(Math.Max(clause.Start, cueStart - 60), cueStart - Math.Max(clause.Start, cueStart - 60)))
                    ? TreatmentOutcome.NotDocumented
                    : TreatmentOutcome.NoImprovement;
            // The treatment it is about: the one it points to ("relief with medications"), else the nearest
            // before it in the clause, else the nearest after; a cue alone in its sentence may speak of the
            // treatment closing the sentence before ("He has completed 6 sessions. He has had no improvement.").
            var target = -1;
            // "despite physical therapy", "failed conservative care": these name the treatment after them.
            var despite = m.Value.StartsWith("despite", StringComparison.OrdinalIgnoreCase) || m.Value.StartsWith("fail", StringComparison.OrdinalIgnoreCase);
            var pointer = PointsForwardRegex().Match(text, cueEnd, Math.Min(40, clause.End - cueEnd));
            if (despite || pointer.Success)
            {
                var reach = cueEnd + (pointer.Success ? pointer.Length : 0) + 12;
                target = found.FindIndex(t => t.Evidence.Start >= cueEnd && t.Evidence.Start <= reach && t.Evidence.Start < clause.End);
            }
            if (target < 0)
                target = found.FindLastIndex(t => t.Evidence.End <= cueStart && t.Evidence.Start >= clause.Start && cueStart - t.Evidence.End <= 120);
            if (target < 0)
                target = found.FindIndex(t => t.Evidence.Start >= cueEnd && t.Evidence.Start < clause.End && t.Evidence.Start - cueEnd <= 40);
            if (target < 0)
            {
                var sentence = doc.SentenceIndex(cueStart);
                if (sentence > 0 && !found.Exists(t => doc.SentenceIndex(t.Evidence.Start) == sentence))
                {
                    var previous = doc.Sentences[sentence - 1];
                    target = found.FindLastIndex(t => previous.Contains(t.Evidence.Start) && t.Assertion is Assertion.Present or Assertion.Historical);
                }
            }
            if (target < 0) continue;
            var t = found[target];
            // An outcome already read stands unless this one is nearer; a stated lack of improvement beats a
            // documented-nothing, which beats improvement read from a negated cue.
            if (t.OutcomeEvidence is { } previousCue && Math.Abs(previousCue.Start - t.Evidence.Start) <= Math.Abs(cueStart - t.Evidence.Start)) continue;
            found[target] = t with { Outcome = outcome, OutcomeEvidence = doc.Evidence(cueStart, cueEnd) };
        }
    }

    private static void AttachRelief(Document doc, List<Treatment> found)
    {
        for (var r = 0; r < doc.Reliefs.Count; r++)
        {
            var relief = doc.Reliefs[r];
            var sentence = doc.Sentence(relief.Evidence.Start);
            var target = found.FindLastIndex(t => t.Evidence.End <= relief.Evidence.Start && t.Evidence.Start >= sentence.Start);
            if (target < 0) target = found.FindIndex(t => t.Evidence.Start >= relief.Evidence.End && t.Evidence.Start < sentence.End);
            if (target < 0)
            {
                // "... had a radiofrequency neurotomy on 11/30/09. The axial pain has been reported at 90% resolved":
                // relief alone in its sentence is credited to the procedure closing the sentence before.
                var index = doc.SentenceIndex(relief.Evidence.Start);
                if (index > 0)
                {
                    var previous = doc.Sentences[index - 1];
                    target = found.FindLastIndex(t => previous.Contains(t.Evidence.Start) && t.Assertion is Assertion.Present or Assertion.Historical);
                }
            }
            if (target < 0) continue;
            var t = found[target];
            relief = relief with { Treatment = t.Kind };
            doc.Reliefs[r] = relief;
            var improved = relief.Assertion is Assertion.Present or Assertion.Historical;
            found[target] = t with
            {
                Relief = relief,
                Outcome = t.Outcome == TreatmentOutcome.Unknown && improved ? TreatmentOutcome.Improved : t.Outcome,
                OutcomeEvidence = t.Outcome == TreatmentOutcome.Unknown && improved ? relief.Evidence : t.OutcomeEvidence,
            };
        }
    }
}
