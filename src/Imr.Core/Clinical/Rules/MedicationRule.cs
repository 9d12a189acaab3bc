using System.Globalization;
using System.Text.RegularExpressions;

namespace Imr.Clinical.Rules;

/// <summary>
/// Named drugs with what follows them (strength, unit, form, dose, route, frequency, "as needed", quantity,
/// refills), and drug classes ("opioids", "muscle relaxant"). Names are looked up token by token in
/// <see cref="Lexicon.Drugs"/>; the parts after a name are read one at a time with anchored patterns, in any order,
/// until none fits.
/// </summary>
internal static partial class MedicationRule
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private const string Frequency =
        @"(?:once|twice|thrice|one|two|three|four|five|six|\d)\s+(?:times?\s+)?(?:a|per|each|every)\s+(?:day|night|week|month)"
        + @"|(?:once|twice|thrice|one|two|three|four|five|six|\d)\s+times?\s+(?:daily|weekly|nightly|a\s+day)"
        + @"|(?:once|twice|thrice)\s+(?:daily|weekly|nightly)"
        + @"|every\s+(?:\d+(?:\.\d+)?|one|two|three|four|five|six|eight|twelve|other)(?:\s*(?:-|to)\s*(?:\d+|two|three|four|five|six|eight|twelve))?\s*(?:hours?|hrs?|h|days?)\b"
        + @"|every\s+(?:morning|evening|night|day)"
        + @"|q\.?\s?\d{1,2}(?:\s*-\s*\d{1,2})?\s?(?:h(?:rs?|ours?)?)\b"
        + @"|(?:q\.d|b\.i\.d|t\.i\.d|q\.i\.d|q\.h\.s|q\.o\.d|q\.a\.m|q\.p\.m)\.?(?!\w)|(?:qd|bid|tid|qid|qhs|qod|qam|qpm|hs)\b"
        + @"|daily|nightly|weekly|at\s+(?:bed\s?time|night)|in\s+the\s+(?:morning|evening)|per\s+day|a\s+day";

    [GeneratedRegex(@"\G\s*,?\s*(?:"
        + @"(?<strength>\d+(?:\.\d+)?(?:\s*[/-]\s*\d+(?:\.\d+)?)*)\s*(?<unit>mg|mcg|µg|gm|grams?|g|ml|%|units?|iu|meq)(?:\s*/\s*(?:hr|hour|h|ml|day|actuation))?(?!\w)"
        + @"|(?<strength>\d+(?:\.\d+)?\s*/\s*\d+(?:\.\d+)?)(?![\d/])"
        + @"|(?<form>ER|XR|CR|SR|IR|XL|LA|ODT|DR|EC|DS|HCL|hydrochloride|citrate|sodium|potassium|tartrate|succinate|extended[- ]release|immediate[- ]release|gel|cream|ointment|lotion|patch(?:es)?|tabs?|tablets?|capsules?|caps|suspension|solution|liquid|dose\s?pa(?:c)?k|dosepak|transdermal|topical)\b"
        + @"|(?<dose>(?:one|two|three|half|1/2|\d+(?:\s*(?:-|to)\s*\d+)?|one\s+to\s+two|one\s+or\s+two)\s+(?:tabs?|tablets?|capsules?|caps|pills?|patch(?:es)?|puffs?|drops?|sprays?|applications?)\b|(?:one|two|three|\d)(?=\s+(?:by\s+mouth|orally|p\.?o\.?\b)))"
        + @"|(?<route>by\s+mouth|orally|p\.o\.?(?!\w)|po\b|topically|transdermally|intramuscularly|sublingually|per\s+rectum)"
        + @"|(?<freq>" + Frequency + ")"
        + @"|(?<prn>as\s+needed|p\.r\.n\.?(?!\w)|prn\b|as\s+necessary|when\s+needed)"
        + @"|(?:#\s*|No\.\s*|number\s+|quantity(?:\s+of)?:?\s*|qty:?\s*|(?:with\s+)?a\s+quantity\s+of\s+|x\s*|×\s*)(?<q>\d{1,4})\b(?!\s*(?:mg|weeks?|months?|times|days?\b(?!'?s?'?\s+supply)))"
        + @"|number\s+(?:[a-z]+[\s-]?){1,3}\s*\((?<q>\d{1,4})\)"
        + @"|(?:with\s+)?(?<r>one|two|three|four|five|\d+)\s+refills?\b"
        + @"|(?<supply>(?:\d+\s*)?days?'?s?'?\s+supply(?::\s*\d+)?)"
        + ")", Options)]
    private static partial Regex PartRegex();

    // A brand in brackets after a generic: "Cyclobenzaprine (Flexeril) 7.5mg".
    [GeneratedRegex(@"\G\s*\(\s*(?<name>[A-Za-z][A-Za-z-]*)\s*\)", Options)]
    private static partial Regex BracketedNameRegex();

    // A second drug joined to the first: "hydrocodone/APAP", "lidocaine/capsaicin".
    [GeneratedRegex(@"\G\s*/\s*(?<name>[A-Za-z][A-Za-z-]*)", Options)]
    private static partial Regex JoinedNameRegex();

    private const string ClassesPattern =
        @"\b(?:"
        + @"(?<topical>topical\s+(?:analgesics?|creams?|compounds?|compounded\s+\w+|medications?|(?-i:NSAIDs?))|compound(?:ed)?\s+(?:topical\s+)?(?:drugs?|creams?|medications?|analgesics?))"
        + @"|(?<opioid>opioids?(?:\s+(?:medications?|analgesics?|therapy))?|opiates?|narcotics?(?:\s+(?:medications?|analgesics?|pain\s+medications?))?)"
        + @"|(?<nsaid>(?-i:NSAIDs?)|non-?steroidal\s+anti-?inflammator(?:y|ies)(?:\s+(?:drugs?|medications?|agents?))?|anti-?inflammator(?:y|ies)(?:\s+(?:drugs?|medications?|agents?))?)"
        + @"|(?<relaxant>muscle\s+relaxants?)"
        + @"|(?<ppi>proton\s+pump\s+inhibitors?|(?-i:PPIs?))"
        + @"|(?<benzo>benzodiazepines?)"
        + @"|(?<ad>antidepressants?|(?-i:SNRIs?|SSRIs?|TCAs?)|tricyclics?)"
        + @"|(?<ac>anticonvulsants?|anti-?epilep(?:tic|sy)\s+(?:drugs?|medications?)|(?-i:AEDs?))"
        + @"|(?<sleep>sleep\s+aids?|hypnotics?)"
        + @"|(?<steroid>(?:oral\s+)?corticosteroids?|oral\s+steroids?|steroid\s+taper)"
        + @"|(?<triptan>triptans?)"
        + @")\b";

    [GeneratedRegex(@"\G(?:" + ClassesPattern + ")", Options)]
    private static partial Regex ClassRegex();

    internal static readonly AnchoredPattern Classes = new("drug class", ClassRegex, ClassesPattern, Options, atNumbers: false,
        "topical compound compounded opioid opioids opiate opiates narcotic narcotics nsaid nsaids non nonsteroidal anti antiinflammatory antiinflammatories muscle proton ppi ppis benzodiazepine benzodiazepines antidepressant antidepressants snri snris ssri ssris tca tcas tricyclic tricyclics anticonvulsant anticonvulsants antiepileptic antiepilepsy aed aeds sleep hypnotic hypnotics oral corticosteroid corticosteroids steroid triptan triptans");

    private static readonly (string Group, DrugClass Class)[] ClassGroups =
    [
        ("topical", DrugClass.TopicalAnalgesic), ("opioid", DrugClass.Opioid), ("nsaid", DrugClass.Nsaid),
        ("relaxant", DrugClass.MuscleRelaxant), ("ppi", DrugClass.GastricProtectant), ("benzo", DrugClass.Benzodiazepine),
        ("ad", DrugClass.Antidepressant), ("ac", DrugClass.Anticonvulsant), ("sleep", DrugClass.Hypnotic),
        ("steroid", DrugClass.Corticosteroid), ("triptan", DrugClass.Triptan),
    ];

    public static AnchoredPattern[] Patterns => [Classes];

    public static void Extract(Document doc)
    {
        var text = doc.Text;
        var tokens = doc.Tokens;
        var lookup = Lexicon.Drugs.GetAlternateLookup<ReadOnlySpan<char>>();
        var firstWords = Lexicon.DrugFirstWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var consumedUntil = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Kind != TokenKind.Word || tokens[i].Start < consumedUntil) continue;
            if (!firstWords.Contains(text.AsSpan(tokens[i].Start, tokens[i].Length))) continue;
            // Longest name first: "MS Contin", "Tylenol #3", "oxycodone/acetaminophen".
            var found = false;
            (string? Generic, DrugClass Class) entry = default;
            var nameEnd = 0;
            for (var n = Math.Min(Lexicon.MaxDrugTokens, tokens.Length - i); n >= 1 && !found; n--)
            {
                var last = tokens[i + n - 1];
                if (last.Kind == TokenKind.Punct) continue;
                if (lookup.TryGetValue(text.AsSpan(tokens[i].Start, last.End - tokens[i].Start), out entry))
                {
                    found = true;
                    nameEnd = last.End;
                }
            }
            if (!found) continue;
            var end = ReadMedication(doc, tokens[i].Start, nameEnd, entry);
            consumedUntil = end;
        }

        foreach (var m in doc.Matches(Classes))
        {
            if (Overlaps(doc.Medications, m.Index, m.Index + m.Length)) continue;
            var drugClass = DrugClass.Other;
            foreach (var (group, c) in ClassGroups)
                if (m.Groups[group].Success) { drugClass = c; break; }
            doc.Medications.Add(doc.Asserted(new Medication
            {
                Evidence = doc.Evidence(m.Index, m.Index + m.Length),
                Name = m.Value,
                Class = drugClass,
                IsClassMention = true,
            }));
        }
        doc.Medications.Sort((a, b) => a.Evidence.Start.CompareTo(b.Evidence.Start));
    }

    private static int ReadMedication(Document doc, int start, int nameEnd, (string? Generic, DrugClass Class) entry)
    {
        var text = doc.Text;
        var lookup = Lexicon.Drugs.GetAlternateLookup<ReadOnlySpan<char>>();
        var generic = entry.Generic;
        var drugClass = entry.Class;
        var name = text[start..nameEnd];

        // Joined names: "hydrocodone/APAP".
        for (var j = JoinedNameRegex().Match(text, nameEnd); j.Success; j = JoinedNameRegex().Match(text, nameEnd))
        {
            var other = j.Groups["name"];
            if (!lookup.TryGetValue(other.ValueSpan, out var second)) break;
            generic = $"{generic ?? name}/{second.Generic ?? other.Value}";
            if (drugClass != DrugClass.Opioid && second.Class != DrugClass.Other) drugClass = second.Class;
            nameEnd = j.Index + j.Length;
            name = text[start..nameEnd];
        }

        var end = nameEnd;
        string? formulation = null, strength = null, unit = null, frequency = null;
        double? strengthValue = null, dosesPerDay = null;
        int? quantity = null, refills = null;
        var asNeeded = false;
        var position = nameEnd;
        for (var guard = 0; guard < 12; guard++)
        {
            var bracket = BracketedNameRegex().Match(text, position);
            if (bracket.Success && lookup.ContainsKey(bracket.Groups["name"].ValueSpan))
            {
                position = end = bracket.Index + bracket.Length;
                continue;
            }
            var m = PartRegex().Match(text, position);
            if (!m.Success || m.Length == 0) break;
            if (m.Groups["strength"].Success)
            {
                if (strength is not null) break; // a second strength belongs to the next drug of a list
                strength = Squeeze(m.Groups["strength"].Value);
                unit = m.Groups["unit"].Success ? m.Groups["unit"].Value.ToLowerInvariant() : null;
                strengthValue = FirstNumber(strength);
            }
            else if (m.Groups["form"].Success) formulation = formulation is null ? m.Groups["form"].Value : $"{formulation} {m.Groups["form"].Value}";
            else if (m.Groups["freq"].Success)
            {
                if (frequency is null)
                {
                    frequency = m.Groups["freq"].Value;
                    dosesPerDay = DosesPerDay(frequency);
                }
            }
            else if (m.Groups["prn"].Success) asNeeded = true;
            else if (m.Groups["q"].Success) quantity ??= int.Parse(m.Groups["q"].ValueSpan, CultureInfo.InvariantCulture);
            else if (m.Groups["r"].Success) refills = (int?)Document.Number(m.Groups["r"].Value);
            position = end = m.Index + m.Length;
        }

        doc.Medications.Add(doc.Asserted(new Medication
        {
            Evidence = doc.Evidence(start, end),
            Name = name,
            Generic = generic,
            Class = drugClass,
            Formulation = formulation,
            Strength = strength,
            StrengthValue = strengthValue,
            Unit = unit,
            Frequency = frequency,
            DosesPerDay = dosesPerDay,
            AsNeeded = asNeeded,
            Quantity = quantity,
            Refills = refills,
        }));
        return end;
    }

    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?|one|two|three|four|five|six|eight|twelve)", Options)]
    private static partial Regex IntervalRegex();

    /// <summary>The most administrations a day a frequency allows: "twice a day" 2, "q6h" 4, "every 4-6 hours" 6.</summary>
    internal static double? DosesPerDay(string frequency)
    {
        var f = TextSplitter.Squash(frequency.ToLowerInvariant(), " ", ".");
        var compact = f.Replace(" ", "", StringComparison.Ordinal);
        switch (compact)
        {
            case "qd" or "daily" or "nightly" or "qhs" or "hs" or "qam" or "qpm" or "atbedtime" or "atbedtime." or "atnight" or "perday" or "aday"
                or "inthemorning" or "intheevening" or "everymorning" or "everyevening" or "everynight" or "everyday":
                return 1;
            case "bid": return 2;
            case "tid": return 3;
            case "qid": return 4;
            case "qod" or "everyotherday": return 0.5;
            case "weekly": return 1.0 / 7;
        }
        var words = f.Split(' ');
        if (f.StartsWith("every ", StringComparison.Ordinal) || compact.StartsWith('q'))
        {
            // "every 4-6 hours", "q6h", "q 4-6 hrs": the shortest interval gives the most doses.
            var m = IntervalRegex().Match(f);
            if (!m.Success || Document.Number(m.Groups["n"].Value) is not { } n || n <= 0) return null;
            return f.Contains("day", StringComparison.Ordinal) ? 1 / n : 24 / n;
        }
        var count = Document.Number(words[0]);
        if (count is null) return null;
        if (f.Contains("week", StringComparison.Ordinal)) return count / 7;
        if (f.Contains("month", StringComparison.Ordinal)) return count / 30;
        return count;
    }

    private static double? FirstNumber(string strength)
    {
        var i = 0;
        while (i < strength.Length && (char.IsDigit(strength[i]) || strength[i] == '.')) i++;
        return double.TryParse(strength.AsSpan(0, i), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    private static string Squeeze(string s) => s.Replace(" ", "", StringComparison.Ordinal);

    private static bool Overlaps(List<Medication> meds, int start, int end)
    {
        foreach (var m in meds)
            if (start < m.Evidence.End && m.Evidence.Start < end) return true;
        return false;
    }
}
