using System.Text.RegularExpressions;

namespace Imr.Clinical.Rules;

/// <summary>Functional improvement and the domain it is in; "no documentation of functional improvement" comes out negated through ConText.</summary>
internal static partial class FunctionalRule
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private const string More = @"(?:increased|improved|improving|better|greater|enhanced)";
    private const string Adl = @"(?:(?:his|her|their)\s+)?(?:ADL'?s?|activities\s+of\s+daily\s+living|daily\s+activities|household\s+chores|chores|self[- ]care)";

    private const string FnHead = @"\b(?:";
    private const string FnTail = @")\b";
    private const string FnAdl = @"(?<adl>improve(?:d|ments?)\s+(?:in\s+)?(?:(?:his|her|the)\s+)?(?:ability\s+to\s+(?:perform|do|complete|carry\s+out)\s+)?" + Adl + @"|" + More + @"\s+(?:ability|tolerance|independence)\s+(?:to|for|with|in)\s+(?:perform(?:ing)?\s+|do(?:ing)?\s+|complet(?:e|ing)\s+)?" + Adl + @"|(?:able|ability)\s+to\s+(?:now\s+)?(?:perform|do|complete|resume)\s+" + Adl + ")";
    private const string FnWalk = @"(?<walk>" + More + @"\s+(?:walking|ambulation|ambulatory)(?:\s+(?:tolerance|distance|ability|endurance))?|" + More + @"\s+(?:ability|tolerance)\s+(?:to|for)\s+(?:walk|ambulat)\w*|(?:walk(?:s|ing)?|ambulat(?:es|ing))\s+(?:further|longer|farther))";
    private const string FnSit = @"(?<sit>" + More + @"\s+sitting(?:\s+tolerance)?|" + More + @"\s+(?:ability|tolerance)\s+(?:to|for)\s+sit\w*)";
    private const string FnStand = @"(?<stand>" + More + @"\s+standing(?:\s+tolerance)?|" + More + @"\s+(?:ability|tolerance)\s+(?:to|for)\s+stand\w*)";
    private const string FnSleep = @"(?<sleep>" + More + @"\s+sleep(?:ing)?(?:\s+(?:quality|pattern))?)";
    private const string FnRom = @"(?<rom>improve(?:d|ments?)\s+(?:in\s+)?(?:(?:his|her|the)\s+)?range\s+of\s+motion|increased\s+range\s+of\s+motion)";
    private const string FnWork = @"(?<work>return(?:ed|ing|s)?\s+to\s+(?:full[- ]time\s+|full\s+|regular\s+|modified\s+|light\s+|usual\s+|his\s+|her\s+)?(?:work|duty|duties|employment|job)|(?:went\s+)?back\s+to\s+work|(?:reduc|decreas)\w*\s+(?:in\s+)?(?:(?:his|her)\s+)?work\s+restrictions)";
    private const string FnMeds = @"(?<meds>(?:decreased|reduced|less)\s+(?:reliance\s+on|dependence\s+on|use\s+of|need\s+for)\s+(?:(?:his|her|pain|oral|opioid|narcotic)\s+)*(?:medications?|medical\s+treatment|opioids?|narcotics?|analgesics?)|able\s+to\s+(?:stop|discontinue|reduce|decrease|wean(?:\s+off)?)\s+(?:taking\s+)?(?:(?:his|her|the|all)\s+)?[a-z]+)";
    private const string FnActivity = @"(?<activity>" + More + @"\s+(?:activity|exercise|physical\s+activity|function(?:al)?\s+activity)\s+(?:level|tolerance)s?|" + More + @"\s+(?:ability|tolerance)\s+(?:to|for)\s+(?:(?:use|lift|grip|carry|perform|exercise|work|participate|do)\w*)(?:\s+\w+)?)";
    private const string FnGeneral = @"(?<general>(?:objective\s+)?functional\s+(?:and\s+\w+\s+|objective\s+)?(?:improvements?|gains?|benefits?|progress|restoration|response)|improve(?:d|ments?)\s+(?:in\s+)?(?:(?:his|her|the|overall)\s+)?(?:function(?:al\s+(?:status|capacity|ability|abilities|level|tolerance))?|functioning)|increase(?:d|s)?\s+(?:in\s+)?(?:(?:his|her)\s+)?(?:function(?:al\s+(?:status|capacity|ability|abilities|level|tolerance))?|functioning)|(?:better|improved)\s+function(?:ing)?|(?:able\s+to\s+)?(?:remain|stay)\s+functional)";
    private const string FunctionsPattern =
        FnHead + FnAdl + "|" + FnWalk + "|" + FnSit + "|" + FnStand + "|" + FnSleep + "|" + FnRom + "|" + FnWork + "|" + FnMeds + "|" + FnActivity + "|" + FnGeneral + FnTail;

    [GeneratedRegex(@"\G(?:" + FnHead + FnAdl + FnTail + ")", Options)]
    private static partial Regex FunctionRegexAdl();

    [GeneratedRegex(@"\G(?:" + FnHead + FnWalk + FnTail + ")", Options)]
    private static partial Regex FunctionRegexWalk();

    [GeneratedRegex(@"\G(?:" + FnHead + FnSit + FnTail + ")", Options)]
    private static partial Regex FunctionRegexSit();

    [GeneratedRegex(@"\G(?:" + FnHead + FnStand + FnTail + ")", Options)]
    private static partial Regex FunctionRegexStand();

    [GeneratedRegex(@"\G(?:" + FnHead + FnSleep + FnTail + ")", Options)]
    private static partial Regex FunctionRegexSleep();

    [GeneratedRegex(@"\G(?:" + FnHead + FnRom + FnTail + ")", Options)]
    private static partial Regex FunctionRegexRom();

    [GeneratedRegex(@"\G(?:" + FnHead + FnWork + FnTail + ")", Options)]
    private static partial Regex FunctionRegexWork();

    [GeneratedRegex(@"\G(?:" + FnHead + FnMeds + FnTail + ")", Options)]
    private static partial Regex FunctionRegexMeds();

    [GeneratedRegex(@"\G(?:" + FnHead + FnActivity + FnTail + ")", Options)]
    private static partial Regex FunctionRegexActivity();

    [GeneratedRegex(@"\G(?:" + FnHead + FnGeneral + FnTail + ")", Options)]
    private static partial Regex FunctionRegexGeneral();

    internal static readonly AnchoredPattern Functions = new("functional improvement", [FunctionRegexAdl, FunctionRegexWalk, FunctionRegexSit, FunctionRegexStand, FunctionRegexSleep, FunctionRegexRom, FunctionRegexWork, FunctionRegexMeds, FunctionRegexActivity, FunctionRegexGeneral], FunctionsPattern, Options, atNumbers: false,
        "increased improved improving better greater enhanced improvement improvements able ability walk walks walking ambulates ambulating return returned returning returns went back reduce reduced reduces reducing reduction decrease decreased decreases decreasing less objective functional increase increases remain stay");

    private static readonly (string Group, FunctionDomain Domain)[] Domains =
    [
        ("adl", FunctionDomain.ActivitiesOfDailyLiving), ("walk", FunctionDomain.Walking), ("sit", FunctionDomain.Sitting),
        ("stand", FunctionDomain.Standing), ("sleep", FunctionDomain.Sleep), ("rom", FunctionDomain.RangeOfMotion),
        ("work", FunctionDomain.Work), ("meds", FunctionDomain.MedicationReduction), ("activity", FunctionDomain.Activity),
        ("general", FunctionDomain.General),
    ];

    [GeneratedRegex(@"work\s+status\W+(?:\w+\W+){0,2}$|\b(?:can|may|could|should|will|cleared|released|allowed|permitted)\s+(?:to\s+)?$", Options)]
    private static partial Regex WorkStatusBeforeRegex();

    public static AnchoredPattern[] Patterns => [Functions];

    public static void Extract(Document doc)
    {
        foreach (var m in doc.Matches(Functions))
        {
            var domain = FunctionDomain.General;
            foreach (var (group, d) in Domains)
                if (m.Groups[group].Success) { domain = d; break; }
            // "Work status is return to work with restrictions" is a status (see WorkStatusRule), not a gain; so is a
            // permission ("can return to work with restrictions", "released to return to work").
            if (domain == FunctionDomain.Work && WorkStatusBeforeRegex().IsMatch(doc.Text.AsSpan(Math.Max(0, m.Index - 30), Math.Min(30, m.Index)))) continue;
            doc.FunctionalImprovements.Add(doc.Asserted(new FunctionalImprovement { Evidence = doc.Evidence(m.Index, m.Index + m.Length), Domain = domain }));
        }
    }
}
