using System.Text.RegularExpressions;

namespace Imr.Clinical.Rules;

/// <summary>Orthopaedic provocative tests (shoulder, knee, wrist, spine), positive or negative.</summary>
internal static partial class ExamTestRule
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    // Names that are also ordinary words ("speed", "mills", "ely") must be capitalised and possessive.
    private const string TestsPattern =
        @"(?<![\w'])(?:"
        + @"(?<Hawkins>Hawkin['’]?s?['’]?(?:[- ]Kennedy)?)"
        + @"|(?<Neer>Neer['’]?s?)"
        + @"|(?<Speed>(?-i:Speed)['’]s|(?-i:Speed)(?=\s+test))"
        + @"|(?<Yergason>Yergason['’]?s?)"
        + @"|(?<OBrien>O['’]?Brien['’]?s?)"
        + @"|(?<DropArm>drop[- ]arm)"
        + @"|(?<EmptyCan>empty[- ]can)"
        + @"|(?<Jobe>Jobe['’]?s?)"
        + @"|(?<Apprehension>apprehension(?=\s+(?:test|sign)))"
        + @"|(?<CrossArm>cross[- ]?(?:body|arm|over)(?:\s+adduction)?(?=\s+test))"
        + @"|(?<Impingement>impingement\s+(?:sign|test|maneuver))"
        + @"|(?<McMurray>McMurray['’]?s?)"
        + @"|(?<Lachman>Lachman['’]?s?)"
        + @"|(?<Drawer>(?:anterior|posterior)\s+drawer)"
        + @"|(?<PivotShift>pivot[- ]shift)"
        + @"|(?<Apley>Apley['’]?s?)"
        + @"|(?<Thessaly>Thessaly)"
        + @"|(?<Finkelstein>Finkelstein['’]?s?)"
        + @"|(?<Cozen>Cozen['’]?s?)"
        + @"|(?<Mill>(?-i:Mill)['’]s)"
        + @"|(?<Kemp>Kemp['’]?s?)"
        + @"|(?<Faber>Patrick['’]?s?(?:\s*[-/]\s*Faber['’]?s?)?|FABER['’]?s?)"
        + @"|(?<Gaenslen>Gaenslen['’]?s?)"
        + @"|(?<Yeoman>Yeoman['’]?s?)"
        + @"|(?<Ely>(?-i:Ely)['’]s)"
        + @"|(?<Milgram>Milgram['’]?s?)"
        + @"|(?<Adson>Adson['’]?s?)"
        + @"|(?<FacetLoading>facet\s+loading)"
        + @"|(?<Compression>(?:cervical\s+|foraminal\s+|axial\s+)?compression\s+test|medial\s+compressions?)"
        + @"|(?<Distraction>(?:cervical\s+)?distractions?\s+test)"
        + @"|(?<Braggard>Brag(?:g)?ard['’]?s?)"
        + @"|(?<Waddell>Waddell['’]?s?\s+signs?)"
        + @")(?:\s+(?:impingement\s+)?(?:tests?|signs?|maneuvers?))?(?![\w])";

    [GeneratedRegex(@"\G" + TestsPattern, Options)]
    private static partial Regex TestRegex();

    internal static readonly AnchoredPattern Tests = new("examination test", TestRegex, TestsPattern, Options, atNumbers: false,
        "hawkin hawkins neer neers speed yergason obrien o drop empty jobe jobes apprehension cross crossover crossbody crossarm impingement mcmurray lachman anterior posterior pivot apley thessaly finkelstein cozen mill kemp kemps patrick faber gaenslen yeoman ely milgram adson facet cervical foraminal axial compression medial distraction distractions braggard bragard waddell");

    private static readonly string[] Names =
    [
        "Hawkins", "Neer", "Speed", "Yergason", "OBrien", "DropArm", "EmptyCan", "Jobe", "Apprehension", "CrossArm",
        "Impingement", "McMurray", "Lachman", "Drawer", "PivotShift", "Apley", "Thessaly", "Finkelstein", "Cozen", "Mill",
        "Kemp", "Faber", "Gaenslen", "Yeoman", "Ely", "Milgram", "Adson", "FacetLoading", "Compression", "Distraction",
        "Braggard", "Waddell",
    ];

    public static AnchoredPattern[] Patterns => [Tests];

    public static void Extract(Document doc)
    {
        foreach (var m in doc.Matches(Tests))
        {
            var name = Array.Find(Names, n => m.Groups[n].Success) ?? "test";
            var start = m.Index;
            var end = m.Index + m.Length;
            var positive = Polarity.Of(doc, start, end);
            var (context, subject) = doc.Context.Assess(start, end);
            doc.ExamTests.Add(new ExamTest
            {
                Evidence = doc.Evidence(start, end),
                Name = name,
                Side = doc.SideNear(start, end, before: 15, after: 25),
                Assertion = Polarity.Combine(positive, context),
                Subject = subject,
            });
        }
    }
}
