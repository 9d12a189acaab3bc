using System.Text.RegularExpressions;

namespace Imr.Clinical.Rules;

/// <summary>Orthopaedic provocative tests (shoulder, knee, wrist, spine), positive or negative.</summary>
internal static partial class ExamTestRule
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    // Names that are also ordinary words ("speed", "mills", "ely") must be capitalised and possessive.
    [GeneratedRegex(@"(?<![\w'])(?:"
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
        + @")(?:\s+(?:impingement\s+)?(?:tests?|signs?|maneuvers?))?(?![\w])", Options)]
    private static partial Regex TestRegex();

    private static readonly string[] Names =
    [
        "Hawkins", "Neer", "Speed", "Yergason", "OBrien", "DropArm", "EmptyCan", "Jobe", "Apprehension", "CrossArm",
        "Impingement", "McMurray", "Lachman", "Drawer", "PivotShift", "Apley", "Thessaly", "Finkelstein", "Cozen", "Mill",
        "Kemp", "Faber", "Gaenslen", "Yeoman", "Ely", "Milgram", "Adson", "FacetLoading", "Compression", "Distraction",
        "Braggard", "Waddell",
    ];

    public static void Extract(Document doc)
    {
        for (var m = TestRegex().Match(doc.Text); m.Success; m = m.NextMatch())
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
