using System.Text.RegularExpressions;

namespace Imr.Clinical.Rules;

/// <summary>Orthopaedic provocative tests (shoulder, knee, wrist, spine), positive or negative.</summary>
internal static partial class ExamTestRule
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    // Names that are also ordinary words ("speed", "mills", "ely") must be capitalised and possessive.
    private const string TestHead = @"(?<![\w'])(?:";
    private const string TestTail = @")(?:\s+(?:impingement\s+)?(?:tests?|signs?|maneuvers?))?(?![\w])";
    private const string TestHawkins = @"(?<Hawkins>Hawkin['’]?s?['’]?(?:[- ]Kennedy)?)";
    private const string TestNeer = @"(?<Neer>Neer['’]?s?)";
    private const string TestSpeed = @"(?<Speed>(?-i:Speed)['’]s|(?-i:Speed)(?=\s+test))";
    private const string TestYergason = @"(?<Yergason>Yergason['’]?s?)";
    private const string TestOBrien = @"(?<OBrien>O['’]?Brien['’]?s?)";
    private const string TestDropArm = @"(?<DropArm>drop[- ]arm)";
    private const string TestEmptyCan = @"(?<EmptyCan>empty[- ]can)";
    private const string TestJobe = @"(?<Jobe>Jobe['’]?s?)";
    private const string TestApprehension = @"(?<Apprehension>apprehension(?=\s+(?:test|sign)))";
    private const string TestCrossArm = @"(?<CrossArm>cross[- ]?(?:body|arm|over)(?:\s+adduction)?(?=\s+test))";
    private const string TestImpingement = @"(?<Impingement>impingement\s+(?:sign|test|maneuver))";
    private const string TestMcMurray = @"(?<McMurray>McMurray['’]?s?)";
    private const string TestLachman = @"(?<Lachman>Lachman['’]?s?)";
    private const string TestDrawer = @"(?<Drawer>(?:anterior|posterior)\s+drawer)";
    private const string TestPivotShift = @"(?<PivotShift>pivot[- ]shift)";
    private const string TestApley = @"(?<Apley>Apley['’]?s?)";
    private const string TestThessaly = @"(?<Thessaly>Thessaly)";
    private const string TestFinkelstein = @"(?<Finkelstein>Finkelstein['’]?s?)";
    private const string TestCozen = @"(?<Cozen>Cozen['’]?s?)";
    private const string TestMill = @"(?<Mill>(?-i:Mill)['’]s)";
    private const string TestKemp = @"(?<Kemp>Kemp['’]?s?)";
    private const string TestFaber = @"(?<Faber>Patrick['’]?s?(?:\s*[-/]\s*Faber['’]?s?)?|FABER['’]?s?)";
    private const string TestGaenslen = @"(?<Gaenslen>Gaenslen['’]?s?)";
    private const string TestYeoman = @"(?<Yeoman>Yeoman['’]?s?)";
    private const string TestEly = @"(?<Ely>(?-i:Ely)['’]s)";
    private const string TestMilgram = @"(?<Milgram>Milgram['’]?s?)";
    private const string TestAdson = @"(?<Adson>Adson['’]?s?)";
    private const string TestFacetLoading = @"(?<FacetLoading>facet\s+loading)";
    private const string TestCompression = @"(?<Compression>(?:cervical\s+|foraminal\s+|axial\s+)?compression\s+test|medial\s+compressions?)";
    private const string TestDistraction = @"(?<Distraction>(?:cervical\s+)?distractions?\s+test)";
    private const string TestBraggard = @"(?<Braggard>Brag(?:g)?ard['’]?s?)";
    private const string TestWaddell = @"(?<Waddell>Waddell['’]?s?\s+signs?)";
    private const string TestsPattern =
        TestHead + TestHawkins + "|" + TestNeer + "|" + TestSpeed + "|" + TestYergason + "|" + TestOBrien + "|" + TestDropArm + "|" + TestEmptyCan + "|" + TestJobe + "|" + TestApprehension + "|" + TestCrossArm + "|" + TestImpingement + "|" + TestMcMurray + "|" + TestLachman + "|" + TestDrawer + "|" + TestPivotShift + "|" + TestApley + "|" + TestThessaly + "|" + TestFinkelstein + "|" + TestCozen + "|" + TestMill + "|" + TestKemp + "|" + TestFaber + "|" + TestGaenslen + "|" + TestYeoman + "|" + TestEly + "|" + TestMilgram + "|" + TestAdson + "|" + TestFacetLoading + "|" + TestCompression + "|" + TestDistraction + "|" + TestBraggard + "|" + TestWaddell + TestTail;

    [GeneratedRegex(@"\G(?:" + TestHead + TestHawkins + TestTail + ")", Options)]
    private static partial Regex TestRegexHawkins();

    [GeneratedRegex(@"\G(?:" + TestHead + TestNeer + TestTail + ")", Options)]
    private static partial Regex TestRegexNeer();

    [GeneratedRegex(@"\G(?:" + TestHead + TestSpeed + TestTail + ")", Options)]
    private static partial Regex TestRegexSpeed();

    [GeneratedRegex(@"\G(?:" + TestHead + TestYergason + TestTail + ")", Options)]
    private static partial Regex TestRegexYergason();

    [GeneratedRegex(@"\G(?:" + TestHead + TestOBrien + TestTail + ")", Options)]
    private static partial Regex TestRegexOBrien();

    [GeneratedRegex(@"\G(?:" + TestHead + TestDropArm + TestTail + ")", Options)]
    private static partial Regex TestRegexDropArm();

    [GeneratedRegex(@"\G(?:" + TestHead + TestEmptyCan + TestTail + ")", Options)]
    private static partial Regex TestRegexEmptyCan();

    [GeneratedRegex(@"\G(?:" + TestHead + TestJobe + TestTail + ")", Options)]
    private static partial Regex TestRegexJobe();

    [GeneratedRegex(@"\G(?:" + TestHead + TestApprehension + TestTail + ")", Options)]
    private static partial Regex TestRegexApprehension();

    [GeneratedRegex(@"\G(?:" + TestHead + TestCrossArm + TestTail + ")", Options)]
    private static partial Regex TestRegexCrossArm();

    [GeneratedRegex(@"\G(?:" + TestHead + TestImpingement + TestTail + ")", Options)]
    private static partial Regex TestRegexImpingement();

    [GeneratedRegex(@"\G(?:" + TestHead + TestMcMurray + TestTail + ")", Options)]
    private static partial Regex TestRegexMcMurray();

    [GeneratedRegex(@"\G(?:" + TestHead + TestLachman + TestTail + ")", Options)]
    private static partial Regex TestRegexLachman();

    [GeneratedRegex(@"\G(?:" + TestHead + TestDrawer + TestTail + ")", Options)]
    private static partial Regex TestRegexDrawer();

    [GeneratedRegex(@"\G(?:" + TestHead + TestPivotShift + TestTail + ")", Options)]
    private static partial Regex TestRegexPivotShift();

    [GeneratedRegex(@"\G(?:" + TestHead + TestApley + TestTail + ")", Options)]
    private static partial Regex TestRegexApley();

    [GeneratedRegex(@"\G(?:" + TestHead + TestThessaly + TestTail + ")", Options)]
    private static partial Regex TestRegexThessaly();

    [GeneratedRegex(@"\G(?:" + TestHead + TestFinkelstein + TestTail + ")", Options)]
    private static partial Regex TestRegexFinkelstein();

    [GeneratedRegex(@"\G(?:" + TestHead + TestCozen + TestTail + ")", Options)]
    private static partial Regex TestRegexCozen();

    [GeneratedRegex(@"\G(?:" + TestHead + TestMill + TestTail + ")", Options)]
    private static partial Regex TestRegexMill();

    [GeneratedRegex(@"\G(?:" + TestHead + TestKemp + TestTail + ")", Options)]
    private static partial Regex TestRegexKemp();

    [GeneratedRegex(@"\G(?:" + TestHead + TestFaber + TestTail + ")", Options)]
    private static partial Regex TestRegexFaber();

    [GeneratedRegex(@"\G(?:" + TestHead + TestGaenslen + TestTail + ")", Options)]
    private static partial Regex TestRegexGaenslen();

    [GeneratedRegex(@"\G(?:" + TestHead + TestYeoman + TestTail + ")", Options)]
    private static partial Regex TestRegexYeoman();

    [GeneratedRegex(@"\G(?:" + TestHead + TestEly + TestTail + ")", Options)]
    private static partial Regex TestRegexEly();

    [GeneratedRegex(@"\G(?:" + TestHead + TestMilgram + TestTail + ")", Options)]
    private static partial Regex TestRegexMilgram();

    [GeneratedRegex(@"\G(?:" + TestHead + TestAdson + TestTail + ")", Options)]
    private static partial Regex TestRegexAdson();

    [GeneratedRegex(@"\G(?:" + TestHead + TestFacetLoading + TestTail + ")", Options)]
    private static partial Regex TestRegexFacetLoading();

    [GeneratedRegex(@"\G(?:" + TestHead + TestCompression + TestTail + ")", Options)]
    private static partial Regex TestRegexCompression();

    [GeneratedRegex(@"\G(?:" + TestHead + TestDistraction + TestTail + ")", Options)]
    private static partial Regex TestRegexDistraction();

    [GeneratedRegex(@"\G(?:" + TestHead + TestBraggard + TestTail + ")", Options)]
    private static partial Regex TestRegexBraggard();

    [GeneratedRegex(@"\G(?:" + TestHead + TestWaddell + TestTail + ")", Options)]
    private static partial Regex TestRegexWaddell();

    internal static readonly AnchoredPattern Tests = new("examination test", [TestRegexHawkins, TestRegexNeer, TestRegexSpeed, TestRegexYergason, TestRegexOBrien, TestRegexDropArm, TestRegexEmptyCan, TestRegexJobe, TestRegexApprehension, TestRegexCrossArm, TestRegexImpingement, TestRegexMcMurray, TestRegexLachman, TestRegexDrawer, TestRegexPivotShift, TestRegexApley, TestRegexThessaly, TestRegexFinkelstein, TestRegexCozen, TestRegexMill, TestRegexKemp, TestRegexFaber, TestRegexGaenslen, TestRegexYeoman, TestRegexEly, TestRegexMilgram, TestRegexAdson, TestRegexFacetLoading, TestRegexCompression, TestRegexDistraction, TestRegexBraggard, TestRegexWaddell], TestsPattern, Options, atNumbers: false,
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
