using System.Text.RegularExpressions;

namespace Imr.Clinical.Rules;

/// <summary>Body regions (with the side named with them), side words, and spinal levels.</summary>
internal static partial class AnatomyRule
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    // A side before the region, possibly with qualifiers between ("right upper extremity", "left and right
    // shoulder", "bilateral anterior neck"), or after it ("hands bilaterally").
    private const string SideBefore =
        @"(?:(?<side>left|right|bilateral|both)(?:\s*(?:and|&|/)\s*(?<side2>left|right))?(?:[\s-]+(?:sided?|upper|lower|mid|middle|anterior|posterior|lateral|medial|dorsal|volar|distal|proximal|inner|outer))*[\s-]+)?";

    private const string SiteOpen = SideBefore + @"\b(?:";
    private const string SiteClose = @")\b(?<after>\s+bilaterally)?";
    private const string SiteUpper = @"(?<upper>upper\s+extremit(?:y|ies)|upper\s+limbs?|arms?|(?-i:[RLB]UE))";
    private const string SiteLower = @"(?<lower>lower\s+extremit(?:y|ies)|lower\s+limbs?|legs?|thighs?|calf|calves|shins?|(?-i:[RLB]LE))";
    private const string SiteThoracic = @"(?<thoracic>thoracic(?:\s+spine)?|t-spine|mid[- ]?back|middle\s+back|upper\s+back|ribs?)";
    private const string SiteLumbar = @"(?<lumbar>lumbar(?:\s+spine)?|lumbosacral(?:\s+spine)?|thoracolumbar(?:\s+spine)?|low(?:er)?\s+back|l-spine|lumbago|sacr(?:um|al|oiliac)|(?-i:SI)\s+joints?|coccyx|buttocks?|gluteal|back(?=\s+(?:pain|strain|sprain|injury|spasms?|complaints?|problems?|surgery|brace|support|flexion|extension|motion|range|exam)))";
    private const string SiteCervical = @"(?<cervical>cervical(?:\s+spine)?|c-spine|neck|paracervical|cervicothoracic)";
    private const string SiteShoulder = @"(?<shoulder>humeral\s+head|shoulders?|rotator\s+cuff|acromioclavicular|(?-i:AC)\s+joint|glenohumeral|scapula[re]?|scapulothoracic|supraspinatus|infraspinatus|subscapularis)";
    private const string SiteElbow = @"(?<elbow>radi(?:us|al)\s+head|elbows?|epicondyl(?:e|es|itis)|olecranon|cubital)";
    private const string SiteWrist = @"(?<wrist>wrists?|hands?|fingers?|thumbs?|digits|palms?|carpal|metacarpal|forearms?|interphalangeal)";
    private const string SiteHip = @"(?<hip>femoral\s+head|hips?|groin|pelvi[sc]|trochanter(?:ic)?|acetabul(?:um|ar))";
    private const string SiteKnee = @"(?<knee>knees?|patell(?:a|ar|ofemoral)|menisc(?:us|al|i))";
    private const string SiteFoot = @"(?<foot>ankles?|foot|feet|heels?|toes?|plantar|achilles|metatarsals?|calcane(?:us|al)|lisfranc)";
    private const string SiteHead = @"(?<head>head|brain|skull|face|facial|scalp|jaw|temporomandibular|(?-i:TMJ))";
    private const string SiteChest = @"(?<chest>chest|sternum)";
    private const string SiteAbdomen = @"(?<abdomen>abdomen|abdominal|epigastri(?:um|c))";
    private const string SitesPattern =
        SiteOpen + SiteUpper + "|" + SiteLower + "|" + SiteThoracic + "|" + SiteLumbar + "|" + SiteCervical + "|" + SiteShoulder + "|" + SiteElbow + "|" + SiteWrist + "|" + SiteHip + "|" + SiteKnee + "|" + SiteFoot + "|" + SiteHead + "|" + SiteChest + "|" + SiteAbdomen + SiteClose;

    [GeneratedRegex(@"\G(?:" + SiteOpen + SiteUpper + SiteClose + ")", Options)]
    private static partial Regex SiteRegexUpper();

    [GeneratedRegex(@"\G(?:" + SiteOpen + SiteLower + SiteClose + ")", Options)]
    private static partial Regex SiteRegexLower();

    [GeneratedRegex(@"\G(?:" + SiteOpen + SiteThoracic + SiteClose + ")", Options)]
    private static partial Regex SiteRegexThoracic();

    [GeneratedRegex(@"\G(?:" + SiteOpen + SiteLumbar + SiteClose + ")", Options)]
    private static partial Regex SiteRegexLumbar();

    [GeneratedRegex(@"\G(?:" + SiteOpen + SiteCervical + SiteClose + ")", Options)]
    private static partial Regex SiteRegexCervical();

    [GeneratedRegex(@"\G(?:" + SiteOpen + SiteShoulder + SiteClose + ")", Options)]
    private static partial Regex SiteRegexShoulder();

    [GeneratedRegex(@"\G(?:" + SiteOpen + SiteElbow + SiteClose + ")", Options)]
    private static partial Regex SiteRegexElbow();

    [GeneratedRegex(@"\G(?:" + SiteOpen + SiteWrist + SiteClose + ")", Options)]
    private static partial Regex SiteRegexWrist();

    [GeneratedRegex(@"\G(?:" + SiteOpen + SiteHip + SiteClose + ")", Options)]
    private static partial Regex SiteRegexHip();

    [GeneratedRegex(@"\G(?:" + SiteOpen + SiteKnee + SiteClose + ")", Options)]
    private static partial Regex SiteRegexKnee();

    [GeneratedRegex(@"\G(?:" + SiteOpen + SiteFoot + SiteClose + ")", Options)]
    private static partial Regex SiteRegexFoot();

    [GeneratedRegex(@"\G(?:" + SiteOpen + SiteHead + SiteClose + ")", Options)]
    private static partial Regex SiteRegexHead();

    [GeneratedRegex(@"\G(?:" + SiteOpen + SiteChest + SiteClose + ")", Options)]
    private static partial Regex SiteRegexChest();

    [GeneratedRegex(@"\G(?:" + SiteOpen + SiteAbdomen + SiteClose + ")", Options)]
    private static partial Regex SiteRegexAbdomen();

    internal static readonly AnchoredPattern Sites = new("body site", [SiteRegexUpper, SiteRegexLower, SiteRegexThoracic, SiteRegexLumbar, SiteRegexCervical, SiteRegexShoulder, SiteRegexElbow, SiteRegexWrist, SiteRegexHip, SiteRegexKnee, SiteRegexFoot, SiteRegexHead, SiteRegexChest, SiteRegexAbdomen], SitesPattern, Options, atNumbers: false,
        "left right bilateral both upper arm arms rue lue bue lower leg legs thigh thighs calf calves shin shins rle lle ble thoracic t mid midback middle rib ribs lumbar lumbosacral thoracolumbar low l lumbago sacrum sacral sacroiliac si coccyx buttock buttocks gluteal back cervical c neck paracervical cervicothoracic humeral shoulder shoulders rotator acromioclavicular ac glenohumeral scapula scapular scapulae scapulothoracic supraspinatus infraspinatus subscapularis radius radial elbow elbows epicondyle epicondyles epicondylitis olecranon cubital wrist wrists hand hands finger fingers thumb thumbs digits palm palms carpal metacarpal forearm forearms interphalangeal femoral hip hips groin pelvis pelvic trochanter trochanteric acetabulum acetabular knee knees patella patellar patellofemoral meniscus meniscal menisci ankle ankles foot feet heel heels toe toes plantar achilles metatarsal metatarsals calcaneus calcaneal lisfranc head brain skull face facial scalp jaw temporomandibular tmj chest sternum abdomen abdominal epigastrium epigastric");

    private const string SideWordsPattern =
        @"\b(?:(?<left>left)|(?<right>right)|(?<both>bilateral(?:ly)?))\b";

    [GeneratedRegex(@"\G(?:" + SideWordsPattern + ")", Options)]
    private static partial Regex SideRegex();

    internal static readonly AnchoredPattern SideWords = new("side word", SideRegex, SideWordsPattern, Options, atNumbers: false,
        "left right bilateral bilaterally");

    // Region letters are upper case, as written in notes ("C5-6", "L5-S1", "C2 to C6", "T9-10").
    private const string LevelsPattern =
        @"(?<![A-Za-z0-9])(?<r1>[CTLS])\s?(?<n1>\d{1,2})(?:\s*(?:-|–|to|through|/)\s*(?:(?<r2>[CTLS])\s?)?(?<n2>\d{1,2}))?(?![\d/]|-weighted)";

    [GeneratedRegex(@"\G(?:" + LevelsPattern + ")", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex LevelRegex();

    internal static readonly AnchoredPattern Levels = new("spinal level", LevelRegex, LevelsPattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, atNumbers: false,
        "c t l s");

    // Continues a level list without its letter: "C2-3, 3-4 and 4-5", "C3 and 3-4".
    [GeneratedRegex(@"\G(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?<n1>\d{1,2})\s*-\s*(?<n2>\d{1,2})(?![\d/]|\s*(?:out|of|/|%))", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex LevelContinuationRegex();

    public static AnchoredPattern[] Patterns => [Sites, SideWords, Levels];

    public static void Extract(Document doc)
    {
        var text = doc.Text;
        foreach (var m in doc.Matches(SideWords))
        {
            var word = text.AsSpan(m.Index, m.Length);
            var side = word[0] is 'l' or 'L' ? Side.Left : word[0] is 'r' or 'R' ? Side.Right : Side.Bilateral;
            doc.Lateralities.Add(new LateralityMention { Evidence = doc.Evidence(m.Index, m.Index + m.Length), Side = side });
        }

        foreach (var m in doc.Matches(Sites))
        {
            var region = RegionOf(m);
            var side = SideOf(m, text);
            doc.BodySites.Add(new BodySite { Evidence = doc.Evidence(m.Index, m.Index + m.Length), Region = region, Side = side });
        }

        foreach (var m in doc.Matches(Levels))
        {
            var r1 = m.Groups["r1"].Value[0];
            var n1 = int.Parse(m.Groups["n1"].ValueSpan);
            if (!Valid(r1, n1)) continue;
            string? to = null;
            if (m.Groups["n2"].Success)
            {
                var r2 = m.Groups["r2"].Success ? m.Groups["r2"].Value[0] : r1;
                var n2 = int.Parse(m.Groups["n2"].ValueSpan);
                if (!Valid(r2, n2) || (r2 == r1 && n2 <= n1)) continue;
                to = $"{r2}{n2}";
            }
            var side = doc.SideNear(m.Index, m.Index + m.Length, before: 12, after: 0);
            Add(doc, m.Index, m.Index + m.Length, r1, $"{r1}{n1}", to, side);

            // "C2-3, 3-4 and 4-5": each continuation keeps the letter.
            var position = m.Index + m.Length;
            for (var c = LevelContinuationRegex().Match(text, position); c.Success; c = LevelContinuationRegex().Match(text, position))
            {
                var a = int.Parse(c.Groups["n1"].ValueSpan);
                var b = int.Parse(c.Groups["n2"].ValueSpan);
                if (!Valid(r1, a) || !Valid(r1, b) || b <= a) break;
                var start = c.Groups["n1"].Index;
                Add(doc, start, c.Index + c.Length, r1, $"{r1}{a}", $"{r1}{b}", side);
                position = c.Index + c.Length;
            }
        }
    }

    private static void Add(Document doc, int start, int end, char letter, string from, string? to, Side? side) =>
        doc.SpinalLevels.Add(new SpinalLevel
        {
            Evidence = doc.Evidence(start, end),
            From = from,
            To = to,
            Region = letter switch { 'C' => SpineRegion.Cervical, 'T' => SpineRegion.Thoracic, 'L' => SpineRegion.Lumbar, _ => SpineRegion.Sacral },
            Side = side,
        });

    private static bool Valid(char region, int n) => n >= 1 && n <= region switch { 'C' => 8, 'T' => 12, 'L' => 6, _ => 5 };

    private static readonly (string Group, BodyRegion Region)[] Regions =
    [
        ("upper", BodyRegion.UpperExtremity), ("lower", BodyRegion.LowerExtremity), ("thoracic", BodyRegion.Thoracic),
        ("lumbar", BodyRegion.Lumbar), ("cervical", BodyRegion.Cervical), ("shoulder", BodyRegion.Shoulder),
        ("elbow", BodyRegion.Elbow), ("wrist", BodyRegion.WristHand), ("hip", BodyRegion.Hip), ("knee", BodyRegion.Knee),
        ("foot", BodyRegion.AnkleFoot), ("head", BodyRegion.Head), ("chest", BodyRegion.Chest), ("abdomen", BodyRegion.Abdomen),
    ];

    private static BodyRegion RegionOf(Match m)
    {
        foreach (var (group, region) in Regions)
            if (m.Groups[group].Success) return region;
        throw new InvalidOperationException("A body site match names no region.");
    }

    private static Side? SideOf(Match m, string text)
    {
        if (m.Groups["after"].Success) return Side.Bilateral;
        if (m.Groups["side"].Success)
        {
            if (m.Groups["side2"].Success) return Side.Bilateral;
            var w = m.Groups["side"].ValueSpan;
            return w[0] is 'l' or 'L' ? Side.Left : w[0] is 'r' or 'R' ? Side.Right : Side.Bilateral;
        }
        // "RUE", "LLE", "BUE".
        var span = text.AsSpan(m.Index, m.Length);
        if (span.Length == 3 && span[1] is 'U' or 'L' && span[2] == 'E')
            return span[0] switch { 'R' => Side.Right, 'L' => Side.Left, 'B' => Side.Bilateral, _ => null };
        return null;
    }
}
