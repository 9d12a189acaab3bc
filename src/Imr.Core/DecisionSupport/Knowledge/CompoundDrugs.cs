using System.Text.RegularExpressions;
using Imr.DecisionSupport.Knowledge.Policies;
using Imr.Letters.Citations;

namespace Imr.DecisionSupport.Knowledge;

/// <summary>
/// Compounded medications, whatever their class: MTUS CPMTG (2016), Compound drugs: compounded products (the oral
/// suspension kits such as Tabradol, Fanatrex, Synapryn, Deprizine and Dicopanol, and compounded creams) are not
/// recommended as first-line therapy, nor when the drug is available and tolerated in tablet form. The reviewers cite
/// that section beside the drug's own.
/// </summary>
public static partial class CompoundDrugs
{
    private static readonly HashSet<string> MedicationCategories =
    [
        "opioids", "muscle-relaxants", "nsaids", "gi-protection", "topical-analgesics", "antidepressants", "anticonvulsants",
        "sleep-aids", "benzodiazepines", "other-medications",
    ];

    /// <summary>Whether a request names a compounded product.</summary>
    public static bool IsCompounded(string treatment) => Compounded().IsMatch(treatment);

    /// <summary>The citations, with the CPMTG's Compound drugs section added for a compounded medication.</summary>
    public static IReadOnlyList<Citation> Cite(string category, string treatment, IReadOnlyList<Citation> citations) =>
        MedicationCategories.Contains(category) && IsCompounded(treatment)
            && !citations.OfType<MtusCitation>().Any(c => c.Sections.Contains("Compound drugs"))
            ? [Chapters.Cpmtg("Compound drugs"), .. citations]
            : citations;

    [GeneratedRegex(@"compound\w*|oral suspension|\bsuspension\b|\bkit\b|tabradol|fanatrex|synapryn|deprizine|dicopanol|cyclophene|ketoprofen cream", RegexOptions.IgnoreCase)]
    private static partial Regex Compounded();
}
