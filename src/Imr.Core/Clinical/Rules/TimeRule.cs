using System.Text.RegularExpressions;

namespace Imr.Clinical.Rules;

/// <summary>Dates ("10-13-16", "11/03/2016", "October 10, 2016", "7/2012", "since 2014") and durations ("for 6 weeks", "3 months ago").</summary>
internal static partial class TimeRule
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    // Digits only: case-insensitive backreferences are not generated (the generator would build the regex at run time).
    private const RegexOptions NumericOptions = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private const string Month =
        @"(?<mon>jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|sep(?:t(?:ember)?)?\.?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)";

    // Numeric dates keep one separator throughout, so "2-7/10" (a pain range) is not a date. Extraction leaves
    // stray spaces ("10-30- 2016", "11/18/ 2016").
    private const string NumericDatesPattern =
        @"(?<![\w/.\-])(?<m>\d{1,2})\s?(?<sep>[-/])\s?(?<d>\d{1,2})\s?\k<sep>\s?(?<y>\d{4}|\d{2})(?![\w/]|-\d|\.\d)";

    [GeneratedRegex(@"\G(?:" + NumericDatesPattern + ")", NumericOptions)]
    private static partial Regex NumericDateRegex();

    internal static readonly AnchoredPattern NumericDates = new("numeric date", NumericDateRegex, NumericDatesPattern, NumericOptions, atNumbers: true,
        "");

    private const string MonthYearsPattern =
        @"(?<![\w/.\-])(?<m>\d{1,2})/(?<y>(?:19|20)\d{2})(?![\w/]|-\d)";

    [GeneratedRegex(@"\G(?:" + MonthYearsPattern + ")", Options)]
    private static partial Regex MonthYearRegex();

    internal static readonly AnchoredPattern MonthYears = new("month and year", MonthYearRegex, MonthYearsPattern, Options, atNumbers: true,
        "");

    private const string WrittenDatesPattern =
        @"\b(?:" + Month + @"\s+(?:(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+)?(?<y>(?:19|20)\d{2})|(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + Month + @",?\s+(?<y>(?:19|20)\d{2}))\b";

    [GeneratedRegex(@"\G(?:" + WrittenDatesPattern + ")", Options)]
    private static partial Regex WrittenDateRegex();

    internal static readonly AnchoredPattern WrittenDates = new("written date", WrittenDateRegex, WrittenDatesPattern, Options, atNumbers: true,
        "jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october nov november dec december");

    private const string YearsPattern =
        @"\b(?<rel>since|in|from|until|through|during|of|by|circa)\s+(?<y>(?:19|20)\d{2})\b(?![/\-]\d)";

    [GeneratedRegex(@"\G(?:" + YearsPattern + ")", Options)]
    private static partial Regex YearRegex();

    internal static readonly AnchoredPattern Years = new("year", YearRegex, YearsPattern, Options, atNumbers: false,
        "since in from until through during of by circa");

    // The word before a date that says how it relates.
    [GeneratedRegex(@"\b(?<w>on|since|until|till|through|thru|from|dated|of|to)\s*$", Options)]
    private static partial Regex RelationBeforeRegex();

    // The injury word right before the date, with only connectors between ("industrial injury on", "date of
    // injury of", "injury date of", "claim from"); "The injured worker was seen on" is not one.
    [GeneratedRegex(@"(?:\b(?:injury|DOI|claim)(?:\W+(?:date|dated|on|of|from|in|occurring|occurred|that|which|was|is))*|\bdate\s+of\s+(?:the\s+)?(?:industrial\s+|work\s+)?injury\W+(?:\w+\W+){0,4})\W*$", Options)]
    private static partial Regex InjuryBeforeRegex();

    [GeneratedRegex(@"(?:\bdate\s+of\s+the\s+(?:utilization\s+review|UR)\W+(?:\w+\W+){0,4}|\b(?:utilization\s+review|UR|determination|denial)\W*(?:\(\s*UR\s*\)\W*)?(?:(?:report|letter|form|decision|documentation|determination|dated|on|of)\W+)*|\b(?:non-?certified|denied|modified)\s+(?:on\s+)?)$", Options)]
    private static partial Regex ReviewBeforeRegex();

    [GeneratedRegex(@"^[^.;]{0,12}?(?:utilization\s+review|\bUR\b)", Options)]
    private static partial Regex ReviewAfterRegex();

    private const string Amount =
        @"(?<amt>\d+(?:\.\d+)?(?:\s*(?:-|–|to)\s*\d+(?:\.\d+)?)?(?:-\d/\d)?|one-half|a\s+couple\s+of|couple\s+of|a\s+few|several|an?|(?:"
        + Lexicon.NumberWord + @")(?:\s*(?:-|to)\s*(?:" + Lexicon.NumberWord + @"))?)";

    private const string DurationsPattern =
        @"\b(?:(?<rel>for|x|over|lasting|past|last|within|in|after|of)\s+(?:(?:the|past|last|next|about|approximately|approx\.|almost|nearly|over|at\s+least|more\s+than|greater\s+than|less\s+than|roughly)\s+)*)?"
        + @"(?:" + Amount + @"[-\s]*|(?<=\b(?:past|last|next)\s))(?<unit>hours?|hrs?|days?|weeks?|wks?|months?|mos?|years?|yrs?)(?:'s|'|’s)?(?![\w-])(?<old>[-\s]+old)?(?<ago>\s+ago)?";

    [GeneratedRegex(@"\G(?:" + DurationsPattern + ")", Options)]
    private static partial Regex DurationRegex();

    internal static readonly AnchoredPattern Durations = new("duration", DurationRegex, DurationsPattern, Options, atNumbers: true,
        "for x over lasting past last within in after of a an couple few several one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred");

    [GeneratedRegex(@"\b(?:every|each|per|q|a|an|times)\s*$", Options)]
    private static partial Regex FrequencyBeforeRegex();

    public static AnchoredPattern[] Patterns => [NumericDates, MonthYears, WrittenDates, Years, Durations];

    public static void Extract(Document doc)
    {
        var text = doc.Text;
        var claimed = new List<TextRange>();
        foreach (var m in doc.Matches(NumericDates))
        {
            var month = int.Parse(m.Groups["m"].ValueSpan);
            var day = int.Parse(m.Groups["d"].ValueSpan);
            var year = Year(m.Groups["y"].ValueSpan);
            if (!ValidDate(year, month, day)) continue;
            AddDate(doc, claimed, m.Index, m.Index + m.Length, year, month, day);
        }
        foreach (var m in doc.Matches(WrittenDates))
        {
            var month = MonthNumber(m.Groups["mon"].ValueSpan);
            int? day = m.Groups["d"].Success ? int.Parse(m.Groups["d"].ValueSpan) : null;
            var year = int.Parse(m.Groups["y"].ValueSpan);
            if (day is { } d && !ValidDate(year, month, d)) continue;
            AddDate(doc, claimed, m.Index, m.Index + m.Length, year, month, day);
        }
        foreach (var m in doc.Matches(MonthYears))
        {
            var month = int.Parse(m.Groups["m"].ValueSpan);
            if (month is < 1 or > 12 || Overlaps(claimed, m.Index, m.Index + m.Length)) continue;
            AddDate(doc, claimed, m.Index, m.Index + m.Length, int.Parse(m.Groups["y"].ValueSpan), month, null);
        }
        foreach (var m in doc.Matches(Years))
        {
            var y = m.Groups["y"];
            if (Overlaps(claimed, y.Index, y.Index + y.Length)) continue;
            var relation = m.Groups["rel"].ValueSpan;
            var start = relation.Equals("since", StringComparison.OrdinalIgnoreCase) || relation.Equals("until", StringComparison.OrdinalIgnoreCase)
                ? m.Index : y.Index;
            AddDate(doc, claimed, start, y.Index + y.Length, int.Parse(y.ValueSpan), null, null);
        }
        doc.Dates.Sort((a, b) => a.Evidence.Start.CompareTo(b.Evidence.Start));

        foreach (var m in doc.Matches(Durations))
        {
            if (m.Groups["old"].Success) continue; // an age: "68 year old", "40-year-old"
            var amountText = m.Groups["amt"].Success ? m.Groups["amt"].Value : "1"; // "over the past week"
            var rel = m.Groups["rel"].Success ? m.Groups["rel"].Value.ToLowerInvariant() : "";
            var ago = m.Groups["ago"].Success;
            var article = amountText.Equals("a", StringComparison.OrdinalIgnoreCase) || amountText.Equals("an", StringComparison.OrdinalIgnoreCase);
            if (article && rel.Length == 0 && !ago) continue; // "twice a day", "once a week"
            var amountStart = m.Groups["amt"].Success ? m.Groups["amt"].Index : m.Groups["unit"].Index;
            if (amountStart > 0 && text[amountStart - 1] == '#') continue; // "#60 day supply" is a quantity
            if (rel.Length == 0 && FrequencyBeforeRegex().IsMatch(text.AsSpan(Math.Max(0, m.Index - 12), Math.Min(12, m.Index)))) continue; // "every 12 hours"
            if (Overlaps(claimed, m.Index, m.Index + m.Length)) continue;
            if (ParseAmount(amountText) is not { } amount) continue;
            var unit = Unit(m.Groups["unit"].ValueSpan);
            var relation = ago ? DurationRelation.Ago
                : rel switch
                {
                    "for" or "x" or "×" or "lasting" or "of" => DurationRelation.For,
                    "over" or "past" or "last" => DurationRelation.Past,
                    _ when m.ValueSpan.Contains("past", StringComparison.OrdinalIgnoreCase) || m.ValueSpan.Contains("last", StringComparison.OrdinalIgnoreCase) => DurationRelation.Past,
                    "within" or "in" or "after" => DurationRelation.Within,
                    _ => DurationRelation.Plain,
                };
            // "of" is kept as a relation only in "... of 6 weeks"; its evidence starts at the amount.
            var start = rel is "of" ? amountStart : m.Index;
            doc.Durations.Add(new Duration
            {
                Evidence = doc.Evidence(start, m.Index + m.Length),
                Amount = new TimeAmount(amount.Low, amount.High, unit),
                Relation = relation,
            });
        }
    }

    /// <summary>"6-8" to (6, 8); "1-1/2" to 1.5; words and "a couple of" too.</summary>
    internal static (double Low, double High)? ParseAmount(string amount)
    {
        amount = amount.Trim();
        var fraction = amount.IndexOf('/');
        if (fraction > 0 && amount.IndexOf('-') is var dash && dash > 0 && dash < fraction)
        {
            // "1-1/2": a whole and a fraction.
            if (double.TryParse(amount.AsSpan(0, dash), System.Globalization.CultureInfo.InvariantCulture, out var whole)
                && double.TryParse(amount.AsSpan(dash + 1, fraction - dash - 1), System.Globalization.CultureInfo.InvariantCulture, out var num)
                && double.TryParse(amount.AsSpan(fraction + 1), System.Globalization.CultureInfo.InvariantCulture, out var den) && den > 0)
                return (whole + num / den, whole + num / den);
            return null;
        }
        var normalized = TextSplitter.Squash(amount, " ");
        if (Document.Number(normalized) is { } single) return (single, single);
        foreach (var separator in (ReadOnlySpan<string>)[" to ", "-", "–"])
        {
            var i = normalized.IndexOf(separator, StringComparison.OrdinalIgnoreCase);
            if (i <= 0) continue;
            if (Document.Number(normalized[..i]) is { } low && Document.Number(normalized[(i + separator.Length)..]) is { } high && high >= low)
                return (low, high);
        }
        return null;
    }

    private static void AddDate(Document doc, List<TextRange> claimed, int start, int end, int year, int? month, int? day)
    {
        if (Overlaps(claimed, start, end)) return;
        claimed.Add(new TextRange(start, end));
        var text = doc.Text;
        var sentence = doc.Sentence(start);
        var before = text.AsSpan(sentence.Start, Math.Max(0, start - sentence.Start));
        var relation = DateRelation.Plain;
        var lead = text.AsSpan(start, end - start);
        if (lead.StartsWith("since", StringComparison.OrdinalIgnoreCase)) relation = DateRelation.Since;
        else if (lead.StartsWith("until", StringComparison.OrdinalIgnoreCase)) relation = DateRelation.Until;
        else
        {
            var near = before.Length > 16 ? before[^16..] : before;
            foreach (var w in RelationBeforeRegex().EnumerateMatches(near))
            {
                var word = near.Slice(w.Index, w.Length).Trim();
                relation = word switch
                {
                    _ when word.StartsWith("since", StringComparison.OrdinalIgnoreCase) => DateRelation.Since,
                    _ when word.StartsWith("on", StringComparison.OrdinalIgnoreCase) || word.StartsWith("dated", StringComparison.OrdinalIgnoreCase) => DateRelation.On,
                    _ when word.StartsWith("until", StringComparison.OrdinalIgnoreCase) || word.StartsWith("till", StringComparison.OrdinalIgnoreCase)
                        || word.StartsWith("through", StringComparison.OrdinalIgnoreCase) || word.StartsWith("thru", StringComparison.OrdinalIgnoreCase) => DateRelation.Until,
                    _ => DateRelation.Plain,
                };
            }
        }
        // A role when the words just before (back to the previous date) or just after say so.
        var previousDate = doc.Dates.Count > 0 && doc.Dates[^1].Evidence.End <= start && doc.Dates[^1].Evidence.End > sentence.Start
            ? doc.Dates[^1].Evidence.End : sentence.Start;
        var window = text.AsSpan(Math.Max(previousDate, start - 80), start - Math.Max(previousDate, start - 80));
        var role = InjuryBeforeRegex().IsMatch(window) ? DateRole.Injury
            : ReviewBeforeRegex().IsMatch(window) || ReviewAfterRegex().IsMatch(text.AsSpan(end, Math.Min(40, sentence.End - end > 0 ? sentence.End - end : 0)))
                ? DateRole.UtilizationReview
                : DateRole.Unspecified;
        doc.Dates.Add(new DateMention { Evidence = doc.Evidence(start, end), Year = year, Month = month, Day = day, Relation = relation, Role = role });
    }

    private static bool Overlaps(List<TextRange> claimed, int start, int end)
    {
        foreach (var c in claimed)
            if (start < c.End && c.Start < end) return true;
        return false;
    }

    // Two-digit years: 00-50 are this century, the rest the last (injuries from 1951 on are rare but exist).
    private static int Year(ReadOnlySpan<char> digits)
    {
        var y = int.Parse(digits);
        return digits.Length == 2 ? (y <= 50 ? 2000 + y : 1900 + y) : y;
    }

    private static bool ValidDate(int year, int month, int day) =>
        year is >= 1900 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static int MonthNumber(ReadOnlySpan<char> name)
    {
        Span<char> key = stackalloc char[3];
        name[..3].ToLowerInvariant(key);
        return key switch
        {
            "jan" => 1, "feb" => 2, "mar" => 3, "apr" => 4, "may" => 5, "jun" => 6,
            "jul" => 7, "aug" => 8, "sep" => 9, "oct" => 10, "nov" => 11, _ => 12,
        };
    }

    private static TimeUnit Unit(ReadOnlySpan<char> unit) => char.ToLowerInvariant(unit[0]) switch
    {
        'h' => TimeUnit.Hour,
        'd' => TimeUnit.Day,
        'w' => TimeUnit.Week,
        'm' => TimeUnit.Month,
        _ => TimeUnit.Year,
    };
}
