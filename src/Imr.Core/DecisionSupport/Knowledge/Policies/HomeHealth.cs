using System.Text.RegularExpressions;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>Home health services: MTUS CPMTG (2016), Home health services (page 51).</summary>
public static partial class HomeHealth
{
    private const string Source = "MTUS Chronic Pain Medical Treatment 2016, Home health services (page 51)";

    public static Policy Policy { get; } = new(
        "home-health",
        ["home-health"],
        Chapters.Cpmtg("Home health services"),
        EvidenceLevel.Mtus,
        "recommend home health services only for otherwise recommended medical treatment for patients who are homebound, on a part-time or intermittent basis, generally up to no more than 35 hours per week; medical treatment does not include homemaker services like shopping, cleaning and laundry, or personal care like bathing, dressing and using the bathroom when this is the only care needed",
        [
            new("home-health.homebound", "The patient is homebound (confined to the home), or needs short-term skilled care after a major surgery or a hospitalization", Source, true,
                c => Find.AnyOf(Find.Phrase(c.Record, Homebound()), Find.Phrase(c.Record, AfterSurgery()))),
            new("home-health.medical-care", "Skilled medical care (nursing, wound care, therapy, intravenous medication), not homemaker or personal care alone", Source, true,
                c => CriterionOutcome.When(Skilled().IsMatch(c.Treatment))),
            new("home-health.hours", "No more than 35 hours per week", Source, true,
                c => CriterionOutcome.When(HoursPerWeek(c.Treatment) is not > 35)),
        ]);

    /// <summary>Hours a week a request names ("6 hours per day, 5 times a week" is 30; "8 hours a day, 7 days a week" 56).</summary>
    public static int? HoursPerWeek(string treatment)
    {
        var m = HoursDays().Match(treatment);
        if (!m.Success) return null;
        var days = m.Groups[2].Success ? int.Parse(m.Groups[2].Value) : 7;
        return int.Parse(m.Groups[1].Value) * days;
    }

    [GeneratedRegex(@"(\d{1,2})\s*(?:hours?|hrs?)\s*(?:per|a|/)\s*day(?:[^\d]{0,12}(\d)\s*(?:times|days?|x)\s*(?:per|a|/)\s*week)?", RegexOptions.IgnoreCase)]
    private static partial Regex HoursDays();

    // A major surgical procedure by its name too: the open operations of the abdomen and chest ("exploratory
    // laparotomy", "colon resection", "thoracotomy") as well as those of the joints and spine.
    [GeneratedRegex(@"(?:underwent|status post|s/p|after|following|discharged (?:home )?(?:after|following|from)) (?:\w+ ){0,4}(?:surgery|arthroplasty|replacement|fusion|amputation|ORIF|open reduction|laparotomy|thoracotomy|craniotomy|resection|hospitali[sz]ation|the hospital|(?:the )?intensive care)", RegexOptions.IgnoreCase)]
    private static partial Regex AfterSurgery();

    [GeneratedRegex(@"homebound|home-bound|confined to (?:the |his |her )?home|bed-?bound|bedridden|non-?ambulatory|unable to (?:leave|ambulate|walk)|wheelchair", RegexOptions.IgnoreCase)]
    private static partial Regex Homebound();

    [GeneratedRegex(@"\bRN\b|\bLVN\b|nurs\w+|wound|dressing|intravenous|\bIV\b|infusion|physical therapy|occupational therapy|skilled", RegexOptions.IgnoreCase)]
    private static partial Regex Skilled();
}
